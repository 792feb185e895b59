import CSQLite

/// Owns one `sqlite3*` handle, closing it in deinit.
///
/// Opened with `SQLITE_OPEN_NOMUTEX`: SQLite does no locking of its own, so every connection
/// has exactly one serial owner — the writer thread, or the reader that checked it out of
/// the `ReadPool`. That is why this class is deliberately not `Sendable`.
final class Connection {
    let handle: OpaquePointer
    let path: String
    /// Prepared statements by SQL text, reused across calls (all SQL here is fixed text).
    private var statements: [String: Statement] = [:]

    /// Opens (creating when missing, unless `createIfMissing` is false) the database file;
    /// see `configure` for the settings.
    init(path: String, createIfMissing: Bool = true) throws(CaseStoreError) {
        var database: OpaquePointer?
        let flags =
            SQLITE_OPEN_READWRITE | (createIfMissing ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
            | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &database, flags, nil)
        guard code == SQLITE_OK, let database else {
            let error = CaseStoreError(sqliteCode: code, operation: "open", database: database)
            sqlite3_close_v2(database)  // a handle is usually returned even on failure
            throw error
        }
        self.handle = database
        self.path = path
        sqlite3_extended_result_codes(database, 1)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one statement with bound parameters, ignoring any rows.
    func run(_ sql: String, _ parameters: [SQLValue] = []) throws(CaseStoreError) {
        try withStatement(sql, parameters) { (statement) throws(CaseStoreError) in
            while try statement.step() {}
        }
    }

    /// Every row of one statement, each mapped by `transform`.
    func rows<T>(
        _ sql: String, _ parameters: [SQLValue] = [], _ transform: (Row) throws(CaseStoreError) -> T
    ) throws(CaseStoreError) -> [T] {
        try withStatement(sql, parameters) { (statement) throws(CaseStoreError) in
            var result: [T] = []
            while try statement.step() {
                result.append(try transform(Row(handle: statement.handle)))
            }
            return result
        }
    }

    /// The first row of one statement, or nil when there is none.
    func firstRow<T>(
        _ sql: String, _ parameters: [SQLValue] = [], _ transform: (Row) throws(CaseStoreError) -> T
    ) throws(CaseStoreError) -> T? {
        try withStatement(sql, parameters) { (statement) throws(CaseStoreError) in
            try statement.step() ? try transform(Row(handle: statement.handle)) : nil
        }
    }

    /// Runs a script of several statements without parameters (migrations).
    func executeScript(_ script: String) throws(CaseStoreError) {
        let bytes = Array(script.utf8CString)
        try bytes.withUnsafeBufferPointer { (buffer) throws(CaseStoreError) in
            guard let start = buffer.baseAddress else { return }
            let end = start + buffer.count - 1  // the terminating NUL
            var position = start
            while position < end {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, position, Int32(end - position), &statement, &tail)
                defer { sqlite3_finalize(statement) }
                guard code == SQLITE_OK else {
                    throw CaseStoreError(sqliteCode: code, operation: "prepare script statement", database: handle)
                }
                if let statement {  // nil for trailing whitespace or comments
                    var step = sqlite3_step(statement)
                    while step == SQLITE_ROW { step = sqlite3_step(statement) }
                    guard step == SQLITE_DONE else {
                        let text = String(cString: sqlite3_sql(statement))
                        throw CaseStoreError(sqliteCode: step, operation: "run `\(text)`", database: handle)
                    }
                }
                guard let tail, tail > position else { break }
                position = tail
            }
        }
    }

    /// False in autocommit mode — including after SQLite rolled a transaction back on its own
    /// (it may on SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM).
    var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    /// Prepares (or reuses) `sql`, binds, runs `body`, then resets and clears the bindings.
    private func withStatement<T>(
        _ sql: String, _ parameters: [SQLValue], _ body: (Statement) throws(CaseStoreError) -> T
    ) throws(CaseStoreError) -> T {
        let statement: Statement
        if let cached = statements[sql] {
            statement = cached
        } else {
            statement = try Statement(database: handle, sql: sql)
            statements[sql] = statement
        }
        defer { statement.reset() }
        try statement.bind(parameters)
        return try body(statement)
    }
}
