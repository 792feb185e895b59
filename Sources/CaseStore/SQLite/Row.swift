import CSQLite

/// The current row of a stepped statement; valid only inside the closure it is handed to.
struct Row {
    let handle: OpaquePointer

    func integer(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// The column as text; "" for NULL.
    func text(_ column: Int32) -> String {
        String(decoding: bytes(column), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }

    /// The column's bytes without any conversion (TEXT in a UTF-8 database is returned as stored).
    func bytes(_ column: Int32) -> [UInt8] {
        // The pointer must be fetched before the length (SQLite's documented order).
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
