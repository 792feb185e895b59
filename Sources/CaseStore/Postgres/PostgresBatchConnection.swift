/// The PostgreSQL side of the `GroupCommitWriter`: each batch borrows a pooled connection,
/// runs in one transaction that holds the write-order lock until COMMIT, and gives the
/// connection back when it ends.
///
/// Why batches: the write-order lock (`PostgresLock.writeOrder`) makes the writes of every
/// replica commit one transaction at a time, so that `seq` order is commit order and a cursor
/// never skips a row committed late. One write per transaction then costs one WAL flush under
/// the lock; a batch shares it.
///
/// Round trips are what a write costs here (each is a wake-up of PostgreSQL and of this
/// thread), so fixed statements travel together: BEGIN with the lock, a write's RELEASE with
/// the next write's SAVEPOINT, and the last RELEASE is left to COMMIT (which releases every
/// savepoint). A batch of n writes of k statements each costs 2 + n(k + 1) round trips.
///
/// Owned by the writer thread; the borrowed connection is used by it alone.
final class PostgresBatchConnection: GroupCommitDatabase {
    private let pool: PostgresPool
    /// The batch's connection, between `beginBatch` and its end.
    private var borrowed: PostgresConnection?
    /// A `RELEASE` asked for and not sent yet: it goes with the next statement.
    private var pendingRelease: String?

    init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The connection of the batch under way, for the writes it runs.
    var connection: PostgresConnection {
        guard let borrowed else { preconditionFailure("a write runs inside a batch") }
        return borrowed
    }

    /// BEGIN on a pooled connection and the write-order lock, in one round trip (waiting up to
    /// `lock_timeout`, then `.busy`). A connection found broken (one idle across a PostgreSQL
    /// restart) is replaced once: a lost connection rolls back whatever it had begun.
    func beginBatch() throws(CaseStoreError) {
        precondition(borrowed == nil, "one batch at a time")
        pendingRelease = nil
        for isLast in [false, true] {
            // A second attempt means PostgreSQL went away and came back: every idle
            // connection is from before.
            if isLast { pool.discardIdleConnections() }
            let candidate = try pool.borrow()
            borrowed = candidate
            do throws(CaseStoreError) {
                // Fixed text: both numbers are this file's constants, not data.
                try candidate.executeScript(
                    "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresLock.serviceClass), \(PostgresLock.writeOrder))",
                    operation: "begin a batch of writes under the write-order lock")
                return
            } catch .connectionLost(let reason) {
                end()
                if isLast { throw .connectionLost(reason: reason) }
            } catch {
                throw error  // the writer's rollbackIfNeeded gives the connection back
            }
        }
    }

    /// `RELEASE` waits for the next statement (or COMMIT); anything else goes now, with it.
    func runBatchStatement(_ sql: String) throws(CaseStoreError) {
        if sql.hasPrefix("RELEASE") {
            pendingRelease = sql
            return
        }
        let script = pendingRelease.map { "\($0); \(sql)" } ?? sql
        pendingRelease = nil
        try connection.executeScript(script, operation: "batch statement")
    }

    /// COMMIT (with `synchronous_commit = on`: flushed when it returns), then the connection
    /// goes back. A break during COMMIT leaves the batch's outcome unknown, and says so.
    func commitBatch() throws(CaseStoreError) {
        pendingRelease = nil  // COMMIT releases every savepoint
        do throws(CaseStoreError) {
            try connection.execute("COMMIT", operation: "commit")
        } catch .connectionLost(let reason) {
            throw .connectionLost(reason: reason + " (during COMMIT: the write's outcome is unknown)")
        }
        end()
    }

    var isInTransaction: Bool {
        borrowed?.isInTransaction ?? false
    }

    func rollbackIfNeeded() {
        end()  // giveBack rolls back whatever is open
    }

    private func end() {
        pendingRelease = nil
        guard let borrowed else { return }
        self.borrowed = nil
        pool.giveBack(borrowed)
    }
}
