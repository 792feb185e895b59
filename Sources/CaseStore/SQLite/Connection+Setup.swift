import CSQLite

extension Connection {
    /// Opens a connection and applies the one setup every connection of the store gets.
    ///
    /// - WAL: readers run beside the writer and a commit appends to one file.
    /// - `synchronous=FULL`: the WAL is synced at each commit, so an answered write survives
    ///   power loss and SIGKILL.
    /// - `foreign_keys=ON`: evaluations cascade with their case.
    /// - busy timeout: waits for another process's lock instead of failing at once.
    /// - `query_only` on reader connections: a read path can never write by mistake.
    static func open(path: String, busyTimeoutMilliseconds: Int, readOnly: Bool) throws(CaseStoreError) -> Connection {
        let connection = try Connection(path: path)
        try connection.configure(busyTimeoutMilliseconds: busyTimeoutMilliseconds, readOnly: readOnly)
        return connection
    }

    private func configure(busyTimeoutMilliseconds: Int, readOnly: Bool) throws(CaseStoreError) {
        let timeout = Int32(clamping: max(0, busyTimeoutMilliseconds))
        let code = sqlite3_busy_timeout(handle, timeout)
        guard code == SQLITE_OK else {
            throw CaseStoreError(sqliteCode: code, operation: "set busy timeout", database: handle)
        }
        let mode = try firstRow("PRAGMA journal_mode = WAL") { $0.text(0) }
        guard mode?.lowercased() == "wal" else {
            throw CaseStoreError.sqlite(
                code: SQLITE_ERROR, operation: "PRAGMA journal_mode = WAL",
                message: "the database stayed in journal mode \(mode ?? "unknown"); WAL is required")
        }
        try run("PRAGMA synchronous = FULL")
        try run("PRAGMA foreign_keys = ON")
        if readOnly {
            try run("PRAGMA query_only = ON")
        }
    }
}
