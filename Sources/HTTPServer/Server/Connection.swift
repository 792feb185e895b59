import Locking

/// One client connection and everything needed to resume it on any worker thread.
///
/// Ownership protocol: a connection is *parked* (registered edge-triggered in epoll, worked
/// on by no thread), *owned* (exactly one thread — a worker that took an event for it, or
/// the timer that found it overdue — works on it), or *closed*. Transitions happen under
/// `ownership`. An event that arrives while another thread owns the connection is not lost: it
/// sets `rescan`, and the owner goes round once more before it parks the connection. Only
/// the owner closes, so the descriptor is never closed (and its number reused) while
/// another thread could still act on it.
///
/// `@unchecked Sendable`: the owner-only fields are touched only by the current owner, and
/// ownership changes hands through the `ownership` mutex (a happens-before edge).
final class Connection: @unchecked Sendable {
    enum State { case parked, owned, closed }

    /// Which timeout applies while the connection is parked.
    enum Deadline: Equatable { case idle, head, body, write, linger }

    let socket: SocketFD
    /// epoll token: descriptor in the low 32 bits, a generation in the high 32, so an event
    /// for a closed connection can never be mistaken for a later one on the same number.
    let token: UInt64

    /// Who may work on the connection, and the events that came in while it was owned.
    private struct Ownership {
        var state = State.owned
        var rescan = false
        var rescanHangup = false
    }

    private let ownership = LockedValue(Ownership())

    // Owner-only fields.
    /// Added to epoll yet (a fresh connection is first served inline by the accepting worker).
    var isRegistered = false
    /// Registered for writability too (only once a response did not fit in the socket buffer).
    var isRegisteredForWrite = false
    /// An event reported the peer's close: read to end-of-stream, not just to a short read.
    var hangupReported = false
    var parser: RequestParser
    var pending: [UInt8] = []
    var pendingOffset = 0
    var closeAfterFlush = false
    var lingerAfterFlush = false
    var peerClosed = false
    var requestsServed = 0
    var lastPhase = RequestParser.Phase.idle
    var phaseStarted: Double
    var writeStarted: Double = 0
    var isLingering = false
    var lingerBudget = 0
    var lingerUntil: Double = 0
    // Written by the owner before parking; read by the timer while it holds `ownership`.
    var deadline: Double = .infinity
    var deadlineKind = Deadline.idle

    init(socket: SocketFD, token: UInt64, limits: ParserLimits, now: Double) {
        self.socket = socket
        self.token = token
        self.parser = RequestParser(limits: limits)
        self.phaseStarted = now
    }

    var hasPendingOutput: Bool { pendingOffset < pending.count }

    /// A worker with an event for this connection becomes its owner; if another thread owns
    /// it, the event is recorded for that owner instead.
    func claim(hangup: Bool) -> Bool {
        let claimed = ownership.withLock { ownership -> Bool in
            switch ownership.state {
            case .parked:
                ownership.state = .owned
                return true
            case .owned:
                ownership.rescan = true
                if hangup { ownership.rescanHangup = true }
                return false
            case .closed:
                return false
            }
        }
        // Now the owner: owner-only fields need no lock.
        if claimed && hangup { hangupReported = true }
        return claimed
    }

    /// The owner lets go. Returns false (still owner) when an event came in meanwhile:
    /// the caller must look at the socket again before trying to park once more.
    func park() -> Bool {
        let missed = ownership.withLock { ownership -> (rescan: Bool, hangup: Bool) in
            if ownership.rescan {
                let hangup = ownership.rescanHangup
                ownership.rescan = false
                ownership.rescanHangup = false
                return (true, hangup)
            }
            ownership.state = .parked
            return (false, false)
        }
        // Still the owner when an event was missed: owner-only fields need no lock.
        if missed.hangup { hangupReported = true }
        return !missed.rescan
    }

    /// The timer takes a parked connection whose deadline passed (or, while draining, an
    /// idle one); returns which deadline it was.
    func takeIfDue(now: Double, draining: Bool) -> Deadline? {
        ownership.withLock { ownership -> Deadline? in
            guard ownership.state == .parked else { return nil }
            let due = now >= deadline || (draining && deadlineKind == .idle)
            guard due else { return nil }
            ownership.state = .owned
            return deadlineKind
        }
    }

    /// Takes a parked connection unconditionally (end of a drain).
    func takeIfParked() -> Bool {
        ownership.withLock { ownership -> Bool in
            guard ownership.state == .parked else { return false }
            ownership.state = .owned
            return true
        }
    }

    func markClosed() {
        ownership.withLock { $0.state = .closed }
    }

    /// Used when a drain runs out of time: makes a busy owner's next read or write fail,
    /// so it closes the connection itself.
    func abortIfOwned() {
        ownership.withLock { ownership in
            if ownership.state == .owned { socket.shutdownBoth() }
        }
    }
}
