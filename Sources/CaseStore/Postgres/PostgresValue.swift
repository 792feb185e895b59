/// A value bound to a `$n` parameter. Values travel only as `PQexecParams` parameters,
/// never through SQL text, so patient data can neither inject SQL nor reach error messages.
enum PostgresValue {
    case null
    case integer(Int)
    case text(String)
    /// Raw bytes for a `bytea` column (canonical JSON documents, stored exactly as given).
    case bytes([UInt8])

    /// `.text`, or `.null` for nil.
    static func optionalText(_ value: String?) -> PostgresValue {
        value.map { .text($0) } ?? .null
    }

    /// The parameter's type OID (0 lets the server infer it, as for NULL).
    var typeOID: UInt32 {
        switch self {
        case .null: return 0
        case .integer: return 20  // int8
        case .text: return 25  // text
        case .bytes: return 17  // bytea
        }
    }
}
