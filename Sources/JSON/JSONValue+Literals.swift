/// Literals, so engine code and tests read like the JSON they build:
/// `let json: JSONValue = ["t": "T2", "stageGroup": nil, "ajccEdition": 8]`.
///
/// `nil` in a literal is JSON `null`; but a lookup's `JSONValue?` compared with `nil` asks
/// "absent?", so test for a JSON null with `.isNull`. Object literals keep their written
/// order and, like
/// `Dictionary`'s, trap on a repeated key in debug builds (a programming error, found by the
/// first test).
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(literalMembers: elements))
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(literalMembers: elements)
    }

    package init(literalMembers elements: [(String, JSONValue)]) {
        // Literal keys are the code's own: a repeat is a programming error that the first
        // test run (a debug build) traps on; release builds do not hash every key again.
        assert(Set(elements.map(\.0)).count == elements.count, "a key given twice in a JSON object literal")
        self.init(uniqueMembers: elements.map { JSONMember($0.0, $0.1) })
    }
}
