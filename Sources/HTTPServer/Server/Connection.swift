import Foundation

/// One client connection and everything needed to resume it on any worker thread.
///
/// Ownership protocol: a connection is either *armed* (registered in epoll, owned by no
/// thread), *owned* (exactly one thread — a worker that took its event, or the timer that
/// found it overdue — works on it), or *closed*. Moving between these states happens
/// under `lock`, and only the owner re-arms or closes, so the descriptor is never closed
/// (and its number reused) while another thread could still act on it.
///
/// `@unchecked Sendable`: `state` is guarded by `lock`; every other field is touched only by
/// the current owner, and handing ownership over goes through `lock` (a happens-before edge).
final class Connection: @unchecked Sendable {
    enum State { case armed, owned, closed }

    /// Which timeout applies while the connection waits in epoll.
    enum Deadline: Equatable { case idle, head, body, write, linger }

    let socket: SocketFD
    /// epoll token: descriptor in the low 32 bits, a generation in the high 32, so an event
    /// for a closed connection can never be mistaken for a later one on the same number.
    let token: UInt64

    private let lock = NSLock()
    private var state = State.owned

    // Owner-only fields.
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
    // Written by the owner before arming; read by the timer while it holds `lock`.
    var deadline: Double = .infinity
    var deadlineKind = Deadline.idle

    init(socket: SocketFD, token: UInt64, limits: ParserLimits, now: Double) {
        self.socket = socket
        self.token = token
        self.parser = RequestParser(limits: limits)
        self.phaseStarted = now
    }

    var hasPendingOutput: Bool { pendingOffset < pending.count }

    /// A worker that took this connection's event becomes its owner, unless someone else
    /// (the timer) already did — then the event is stale and simply dropped.
    func acquire() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard state == .armed else { return false }
        state = .owned
        return true
    }

    /// The timer takes an armed connection whose deadline passed (or, while draining, an
    /// idle one); returns which deadline it was.
    func acquireIfDue(now: Double, draining: Bool) -> Deadline? {
        lock.lock()
        defer { lock.unlock() }
        guard state == .armed else { return nil }
        let due = now >= deadline || (draining && deadlineKind == .idle)
        guard due else { return nil }
        state = .owned
        return deadlineKind
    }

    /// Gives the connection back to epoll. `register` runs under the lock, so the event it
    /// enables cannot be taken by another thread before the state says "armed".
    func arm(_ register: () throws(SocketError) -> Void) throws(SocketError) {
        lock.lock()
        defer { lock.unlock() }
        state = .armed
        do {
            try register()
        } catch {
            state = .owned
            throw error
        }
    }

    func markClosed() {
        lock.lock()
        state = .closed
        lock.unlock()
    }

    /// Unowned-thread nudge used when a drain runs out of time: makes a busy owner's next
    /// read or write fail so it closes the connection itself.
    func abortIfOwned() {
        lock.lock()
        defer { lock.unlock() }
        if state == .owned { socket.shutdownBoth() }
    }
}
