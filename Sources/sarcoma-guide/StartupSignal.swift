import Foundation

/// SIGTERM/SIGINT during start-up (loading the pack, opening the database, applying
/// migrations), before the server exists to drain.
///
/// The handler is installed before the database is opened, so such a signal no longer kills
/// the process (143) in the middle of a migration: it is recorded, the migration under way
/// (each is one transaction) finishes, no further one starts, and the command exits 0
/// without listening. A signal after the migrations but before the server exists closes
/// the store and exits 0 the same way. Once the server exists, `handOver` routes later
/// signals to its drain.
final class StartupSignal: @unchecked Sendable {
    // @unchecked: both properties are guarded by `lock`.
    private let lock = NSLock()
    private var received: Int32?
    private var drain: (@Sendable (Int32) -> Void)?

    /// Called on the signal thread: records the first signal, and drains once handed over.
    func deliver(_ signal: Int32) {
        lock.lock()
        if received == nil { received = signal }
        let handler = drain
        lock.unlock()
        handler?(signal)
    }

    /// The signal that arrived during start-up, if any; otherwise later signals go to `drain`.
    func handOver(to drain: @escaping @Sendable (Int32) -> Void) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let received { return received }
        self.drain = drain
        return nil
    }

    /// True once a signal arrived, before or after the hand-over.
    var wasSignaled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return received != nil
    }
}
