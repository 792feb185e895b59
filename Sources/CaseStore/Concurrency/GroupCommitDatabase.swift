/// What a `GroupCommitWriter` needs of the database its thread writes to: one transaction per
/// batch, savepoints inside it, and a way to tell that the database dropped the transaction.
/// Used only by the writer thread, which owns the conforming object.
protocol GroupCommitDatabase: AnyObject, SendableMetatype {
    /// Opens a batch's transaction, with whatever it must hold until COMMIT.
    func beginBatch() throws(CaseStoreError)
    /// Runs one of the batch's fixed statements: `SAVEPOINT`, `ROLLBACK TO`, `RELEASE`.
    func runBatchStatement(_ sql: String) throws(CaseStoreError)
    /// Commits the batch; a return means durable.
    func commitBatch() throws(CaseStoreError)
    /// False once the database ended the transaction on its own (after a full disk, an I/O
    /// error, a lost connection).
    var isInTransaction: Bool { get }
    /// Ends a failed batch: rolls back what is still open. Harmless when nothing is.
    func rollbackIfNeeded()
}
