extension PostgresPool {
    /// Runs `body` in a write transaction of its own, outside the group commit and without the
    /// write-order lock: for a table no cursor pages through (the JWT replay ledger), whose
    /// writes need not wait for the case writes of every replica.
    ///
    /// With `synchronous_commit = on`, a return means committed and flushed. A connection
    /// broken before BEGIN ran (one idle across a PostgreSQL restart) is replaced once, since
    /// nothing was sent that could have applied; a break later is `.connectionLost`, and one
    /// during COMMIT says the outcome is unknown.
    func writeTransaction<T>(_ body: (PostgresConnection) throws(CaseStoreError) -> T) throws(CaseStoreError) -> T {
        try retryingStaleConnection { (connection, isLastAttempt) throws(CaseStoreError) -> T? in
            do throws(CaseStoreError) {
                try connection.execute("BEGIN", operation: "begin a write")
            } catch .connectionLost(let reason) {
                guard isLastAttempt else { return nil }
                throw .connectionLost(reason: reason)
            }
            do throws(CaseStoreError) {
                let value = try body(connection)
                do throws(CaseStoreError) {
                    try connection.execute("COMMIT", operation: "commit")
                } catch .connectionLost(let reason) {
                    throw .connectionLost(reason: reason + " (during COMMIT: the write's outcome is unknown)")
                }
                return value
            } catch {
                connection.rollbackQuietly()
                throw error
            }
        }
    }

    /// Runs a read of one statement, or of several in one `REPEATABLE READ READ ONLY`
    /// transaction (`snapshot`) so they see the same state. A read that met a broken connection
    /// runs once more on a fresh one (reads change nothing, so repeating is safe).
    func read<T>(snapshot: Bool = false, _ body: (PostgresConnection) throws(CaseStoreError) -> T)
        throws(CaseStoreError) -> T
    {
        try retryingStaleConnection { (connection, isLastAttempt) throws(CaseStoreError) -> T? in
            do throws(CaseStoreError) {
                guard snapshot else { return try body(connection) }
                try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", operation: "begin a read")
                let value = try body(connection)
                try connection.execute("COMMIT", operation: "end a read")
                return value
            } catch .connectionLost(let reason) {
                guard isLastAttempt else { return nil }
                throw .connectionLost(reason: reason)
            } catch {
                connection.rollbackQuietly()
                throw error
            }
        }
    }

    /// Two attempts at most: `attempt` answers nil to ask for a second one on a new connection.
    private func retryingStaleConnection<T>(
        _ attempt: (PostgresConnection, _ isLastAttempt: Bool) throws(CaseStoreError) -> T?
    ) throws(CaseStoreError) -> T {
        for isLast in [false, true] {
            // A second attempt means PostgreSQL went away and came back: every idle connection
            // is from before, so none of them is tried.
            if isLast { discardIdleConnections() }
            if let value = try withConnection({ (connection) throws(CaseStoreError) in
                try attempt(connection, isLast)
            }) {
                return value
            }
        }
        preconditionFailure("the last attempt answers or throws")
    }
}
