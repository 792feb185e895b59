import Locking

/// SIGTERM/SIGINT during start-up (loading the pack, opening the database, applying
/// migrations), before the server exists to drain.
///
/// The handler is installed before the database is opened, so such a signal no longer kills
/// the process (143) in the middle of a migration: it is recorded, the migration under way
/// (each is one transaction) finishes, no further one starts, and the command exits 0
/// without listening. A signal after the migrations but before the server exists closes
/// the store and exits 0 the same way. Once the server exists, `handOver` routes later
/// signals to its drain.
final class StartupSignal: Sendable {
    private struct State {
        var received: Int32?
        var drain: (@Sendable (Int32) -> Void)?
    }

    private let state = LockedValue(State())

    /// Called on the signal thread: records the first signal, and drains once handed over.
    func deliver(_ signal: Int32) {
        let handler = state.withLock { state -> (@Sendable (Int32) -> Void)? in
            if state.received == nil { state.received = signal }
            return state.drain
        }
        handler?(signal)
    }

    /// The signal that arrived during start-up, if any; otherwise later signals go to `drain`.
    func handOver(to drain: @escaping @Sendable (Int32) -> Void) -> Int32? {
        state.withLock { state -> Int32? in
            if let received = state.received { return received }
            state.drain = drain
            return nil
        }
    }

    /// True once a signal arrived, before or after the hand-over.
    var wasSignaled: Bool {
        state.withLock { $0.received != nil }
    }
}
