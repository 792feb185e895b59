import Foundation
import Locking

/// At most `size` connections to PostgreSQL, each lent to one thread at a time.
///
/// Connections are opened on demand, so the pool starts (and `/ready` answers) whether or not
/// PostgreSQL is up. A connection libpq saw break is dropped when it comes back, and the next
/// borrower opens a fresh one: after a PostgreSQL restart the store recovers by itself.
/// Callers beyond `size` wait up to `waitMilliseconds`, then get `.busy`.
///
/// `@unchecked Sendable`: the mutable state is guarded by `condition`, and a connection is
/// used only by the one thread that borrowed it, until it gives it back.
final class PostgresPool: @unchecked Sendable {
    private let condition = NSCondition()
    private let size: Int
    private let waitMilliseconds: Int
    private let connect: @Sendable () throws(CaseStoreError) -> PostgresConnection
    // Guarded by `condition`.
    private var idle: [PostgresConnection] = []
    /// Connections lent out, or being opened.
    private var lent = 0
    private var closed = false

    init(
        size: Int, waitMilliseconds: Int,
        connect: @escaping @Sendable () throws(CaseStoreError) -> PostgresConnection
    ) {
        self.size = size
        self.waitMilliseconds = waitMilliseconds
        self.connect = connect
    }

    /// Runs `body` with a connection no other thread uses meanwhile (opening one if needed).
    /// Announced as a wait: the work is round trips to PostgreSQL, so the server lets another
    /// worker run meanwhile.
    func withConnection<T>(_ body: (PostgresConnection) throws(CaseStoreError) -> T) throws(CaseStoreError) -> T {
        try BlockingWait.around { () throws(CaseStoreError) -> T in
            let connection = try borrow()
            defer { giveBack(connection) }
            return try body(connection)
        }
    }

    /// Refuses new borrowers, waits for those running, then closes every connection. Idempotent.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while lent > 0 { condition.wait() }
        idle.removeAll()  // the last references: deinit closes the handles
        condition.unlock()
    }

    /// Closes the idle connections (kept from before a PostgreSQL restart, say); the next
    /// borrowers open fresh ones.
    func discardIdleConnections() {
        condition.lock()
        let stale = idle
        idle.removeAll()
        condition.unlock()
        _ = stale  // released here, outside the lock: deinit closes the handles
    }

    /// A connection for this thread alone until `giveBack` (opening one if needed); `.busy`
    /// after `waitMilliseconds` with every connection lent. Prefer `withConnection`; the
    /// group-commit writer holds one across the calls of a batch.
    func borrow() throws(CaseStoreError) -> PostgresConnection {
        let deadline = Date().addingTimeInterval(Double(waitMilliseconds) / 1000)
        condition.lock()
        while idle.isEmpty && lent >= size && !closed {
            guard condition.wait(until: deadline) else {
                condition.unlock()
                throw .busy
            }
        }
        guard !closed else {
            condition.unlock()
            throw .closed
        }
        lent += 1
        let reused = idle.popLast()
        condition.unlock()
        if let reused { return reused }
        do throws(CaseStoreError) {
            return try connect()
        } catch {
            condition.lock()
            lent -= 1
            condition.broadcast()
            condition.unlock()
            throw error
        }
    }

    func giveBack(_ connection: PostgresConnection) {
        // A transaction left open by a failed body must not leak into the next borrower.
        connection.rollbackQuietly()
        condition.lock()
        if connection.isUsable && !closed { idle.append(connection) }
        lent -= 1
        condition.broadcast()
        condition.unlock()
    }
}
