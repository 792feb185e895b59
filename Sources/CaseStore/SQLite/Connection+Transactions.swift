extension Connection {
    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so
    /// two processes never both read and then both try to write (no deadlock-prone upgrade).
    func immediateTransaction<T>(_ body: () throws(CaseStoreError) -> T) throws(CaseStoreError) -> T {
        try transaction("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in one deferred transaction: several SELECTs see one snapshot.
    func readTransaction<T>(_ body: () throws(CaseStoreError) -> T) throws(CaseStoreError) -> T {
        try transaction("BEGIN", body)
    }

    private func transaction<T>(_ begin: String, _ body: () throws(CaseStoreError) -> T) throws(CaseStoreError) -> T {
        try run(begin)
        do {
            let value = try body()
            try run("COMMIT")
            return value
        } catch {
            rollbackIfNeeded()
            throw error
        }
    }

    /// Rolls back whatever transaction is open; SQLite may already have done so on its own.
    func rollbackIfNeeded() {
        guard isInTransaction else { return }
        try? run("ROLLBACK")
    }
}
