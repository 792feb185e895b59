/// Typed reads without coercion: each accessor answers only for its own kind, so
/// `.string("3").doubleValue` and `.number(1).boolValue` are nil, never a guess.
extension JSONValue {
    /// The member `key` of an object; nil when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    /// The item at `index` of an array; nil when out of bounds or not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    public var doubleValue: Double? {
        if case .number(let number) = self { number } else { nil }
    }

    /// The number when it is integral and within ±(2^53 - 1), the range where a JSON
    /// integer means the same to every reader (RFC 8259 section 6); nil for 2.5 or 1e300.
    public var intValue: Int? {
        guard case .number(let number) = self, abs(number) <= JSONValue.maxSafeInteger else { return nil }
        return Int(exactly: number)
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    public var isNull: Bool { self == .null }

    /// 2^53 - 1: the largest integer every JSON implementation reads exactly.
    public static let maxSafeInteger = 9_007_199_254_740_991.0

    /// "null", "a boolean", "a number", "a string", "an array", "an object": for messages.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
