import Foundation
import Locking

/// A few read connections, each lent to one thread at a time.
///
/// WAL lets these read beside the writer, each statement seeing the last committed state.
/// Callers beyond the pool size wait for a connection to come back.
///
/// `@unchecked Sendable`: `idle` and `closed` are guarded by `condition`, and a connection is
/// used only by the one thread that checked it out, until it gives it back.
final class ReadPool: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var idle: [Connection]
    private var checkedOut = 0
    private var closed = false

    init(connections: [Connection]) {
        self.idle = connections
    }

    /// Runs `body` with a connection no other thread uses meanwhile.
    func withConnection<T>(_ body: (Connection) throws(CaseStoreError) -> T) throws(CaseStoreError) -> T {
        condition.lock()
        if idle.isEmpty && !closed {
            BlockingWait.around {
                while idle.isEmpty && !closed { condition.wait() }
            }
        }
        guard !closed else {
            condition.unlock()
            throw .closed
        }
        let connection = idle.removeLast()
        checkedOut += 1
        condition.unlock()
        defer {
            condition.lock()
            idle.append(connection)
            checkedOut -= 1
            condition.broadcast()  // a waiting reader, or `close` counting the returns
            condition.unlock()
        }
        return try body(connection)
    }

    /// Refuses new reads, waits for those running, then closes every connection. Idempotent.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while checkedOut > 0 { condition.wait() }
        idle.removeAll()  // the last references: deinit closes the handles
        condition.unlock()
    }
}
