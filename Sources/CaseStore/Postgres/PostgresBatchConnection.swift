/// The PostgreSQL side of the `GroupCommitWriter`: each batch borrows a pooled connection,
/// runs in one transaction that holds the write-order lock until COMMIT, and gives the
/// connection back when it ends.
///
/// Why batches: the write-order lock (`PostgresLock.writeOrder`) makes the writes of every
/// replica commit one transaction at a time, so that `seq` order is commit order and a cursor
/// never skips a row committed late. One write per transaction then costs one WAL flush under
/// the lock; a batch shares it.
///
/// Owned by the writer thread; the borrowed connection is used by it alone.
final class PostgresBatchConnection: GroupCommitDatabase {
    private let pool: PostgresPool
    /// The batch's connection, between `beginBatch` and its end.
    private var borrowed: PostgresConnection?

    init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The connection of the batch under way, for the writes it runs.
    var connection: PostgresConnection {
        guard let borrowed else { preconditionFailure("a write runs inside a batch") }
        return borrowed
    }

    /// BEGIN on a pooled connection, then the write-order lock (waiting up to `lock_timeout`,
    /// then `.busy`). A connection broken before BEGIN ran (one idle across a PostgreSQL
    /// restart) is replaced once, since nothing was sent that could have applied.
    func beginBatch() throws(CaseStoreError) {
        precondition(borrowed == nil, "one batch at a time")
        for isLast in [false, true] {
            // A second attempt means PostgreSQL went away and came back: every idle
            // connection is from before.
            if isLast { pool.discardIdleConnections() }
            let candidate = try pool.borrow()
            do throws(CaseStoreError) {
                try candidate.execute("BEGIN", operation: "begin a batch of writes")
            } catch .connectionLost(let reason) {
                pool.giveBack(candidate)
                if isLast { throw .connectionLost(reason: reason) }
                continue
            } catch {
                pool.giveBack(candidate)
                throw error
            }
            borrowed = candidate
            try candidate.execute(
                "SELECT pg_advisory_xact_lock($1::int4, $2::int4)",
                [.integer(PostgresLock.serviceClass), .integer(PostgresLock.writeOrder)],
                operation: "wait for the write-order lock")
            return
        }
    }

    func runBatchStatement(_ sql: String) throws(CaseStoreError) {
        try connection.execute(sql, operation: "batch statement")
    }

    /// COMMIT (with `synchronous_commit = on`: flushed when it returns), then the connection
    /// goes back. A break during COMMIT leaves the batch's outcome unknown, and says so.
    func commitBatch() throws(CaseStoreError) {
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
        guard let borrowed else { return }
        self.borrowed = nil
        pool.giveBack(borrowed)
    }
}
