import CSQLite

/// Owns one prepared statement and finalizes it in deinit.
///
/// Used only by the thread that owns its connection. It does not hold its `Connection`:
/// `sqlite3_close_v2` keeps the handle alive as a zombie until the last statement is finalized.
final class Statement {
    let handle: OpaquePointer
    /// The SQL text (placeholders only, never values): used as the operation in errors.
    let sql: String

    init(database: OpaquePointer, sql: String) throws(CaseStoreError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw CaseStoreError(sqliteCode: code, operation: "prepare `\(sql)`", database: database)
        }
        guard let statement else {
            throw CaseStoreError.sqlite(code: SQLITE_MISUSE, operation: "prepare `\(sql)`", message: "no SQL statement")
        }
        self.handle = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `values` to parameters 1...n.
    func bind(_ values: [SQLValue]) throws(CaseStoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let number):
                code = sqlite3_bind_int64(handle, index, sqlite3_int64(number))
            case .text(let string):
                code = bindText(Array(string.utf8), at: index)
            case .utf8(let bytes):
                code = bindText(bytes, at: index)
            }
            guard code == SQLITE_OK else { throw failure(code, "bind parameter \(index) of") }
        }
    }

    /// Steps once: true when a row is available, false when done.
    func step() throws(CaseStoreError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw failure(code, "step")
        }
    }

    /// Makes the statement reusable and drops its bindings (so no value outlives its call).
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func bindText(_ bytes: [UInt8], at index: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            // An empty buffer may have no base address; "" keeps it an empty TEXT, not NULL.
            let pointer = buffer.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            return sqlite3_bind_text64(
                handle, index, pointer.assumingMemoryBound(to: CChar.self), sqlite3_uint64(buffer.count),
                csqlite_transient(), UInt8(SQLITE_UTF8))
        }
    }

    private func failure(_ code: Int32, _ verb: String) -> CaseStoreError {
        CaseStoreError(sqliteCode: code, operation: "\(verb) `\(sql)`", database: sqlite3_db_handle(handle))
    }
}
