extension SQLiteCaseStore {
    /// Caps the database at `pages` pages (SQLite's `max_page_count`, on the writer
    /// connection only); nil lifts the cap back to SQLite's own maximum. Returns the cap now
    /// in force: SQLite never sets it below the current size.
    ///
    /// A hook for tests and fault drills, deliberately not a setting: it makes the disk look
    /// full (SQLITE_FULL, HTTP 507) without filling one, and lifting it plays "space came
    /// back". The cap lasts until the store is closed.
    @discardableResult
    public func limitSize(toPages pages: Int?) throws(CaseStoreError) -> Int {
        let limit: Int
        if let pages { limit = pages } else { limit = try Self.sqliteMaximumPageCount() }
        precondition(limit >= 1, "a database needs at least one page")
        return try writer.perform { (database) throws(CaseStoreError) in
            // An integer, not a bound value: PRAGMA arguments cannot be bound.
            try database.firstRow("PRAGMA max_page_count = \(limit)") { $0.integer(0) } ?? limit
        }
    }

    /// Pages the database holds now (its committed size, as the writer sees it).
    public func pageCount() throws(CaseStoreError) -> Int {
        try writer.perform { (database) throws(CaseStoreError) in
            try database.firstRow("PRAGMA page_count") { $0.integer(0) } ?? 0
        }
    }

    /// `PRAGMA integrity_check` on a read connection: `["ok"]` when the file is sound,
    /// otherwise SQLite's findings (page numbers and index names, no stored values).
    public func integrityCheck() throws(CaseStoreError) -> [String] {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try database.rows("PRAGMA integrity_check") { $0.text(0) }
        }
    }

    /// The `max_page_count` a fresh connection starts with (it depends on how libsqlite3 was
    /// compiled), read from a throwaway in-memory connection.
    private static func sqliteMaximumPageCount() throws(CaseStoreError) -> Int {
        let scratch = try Connection(path: ":memory:")
        return try scratch.firstRow("PRAGMA max_page_count") { $0.integer(0) } ?? 1_073_741_823
    }
}
