/// A value bound to a `?` parameter. Values travel only through `sqlite3_bind_*`, never
/// through SQL text, so patient data can neither inject SQL nor leak into error messages.
enum SQLValue {
    case null
    case integer(Int)
    case text(String)
    /// UTF-8 bytes stored as TEXT exactly as given (canonical JSON documents).
    case utf8(bytes: [UInt8])

    /// `.text`, or `.null` for nil.
    static func optionalText(_ value: String?) -> SQLValue {
        value.map { .text($0) } ?? .null
    }
}
