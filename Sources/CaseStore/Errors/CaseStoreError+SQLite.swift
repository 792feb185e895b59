import CSQLite

extension CaseStoreError {
    /// Maps a failed SQLite call to the case the HTTP layer needs to tell apart.
    ///
    /// Reads the message right away from the connection that failed (its single owner is the
    /// calling thread, so nothing can overwrite it in between). SQLite's messages name tables,
    /// columns and constraints, never bound values.
    init(sqliteCode code: Int32, operation: String, database: OpaquePointer?) {
        let message =
            database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            self = .busy
        case SQLITE_FULL:
            self = .diskFull
        case SQLITE_IOERR:
            self = .ioError(code: code, message: message)
        default:
            self = .sqlite(code: code, operation: operation, message: message)
        }
    }

    /// True for a UNIQUE constraint failure.
    var isUniqueViolation: Bool {
        if case .sqlite(let code, _, _) = self { return code == Self.constraintUnique }
        return false
    }

    /// SQLITE_CONSTRAINT_UNIQUE: the header defines it with a shift Swift does not import.
    static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
}
