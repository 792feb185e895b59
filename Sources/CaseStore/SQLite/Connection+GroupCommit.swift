/// The SQLite writer connection as the `GroupCommitWriter` drives it. `BEGIN IMMEDIATE` takes
/// the write lock at once, so a batch never fails half-way for want of it.
extension Connection: GroupCommitDatabase {
    func beginBatch() throws(CaseStoreError) {
        try run("BEGIN IMMEDIATE")
    }

    func runBatchStatement(_ sql: String) throws(CaseStoreError) {
        try run(sql)
    }

    func commitBatch() throws(CaseStoreError) {
        try run("COMMIT")
    }
}
