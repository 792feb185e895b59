import Foundation
import JSON

/// Checks a JSON value against a schema of the served OpenAPI document: the JSON Schema
/// keywords that document's response schemas use (`$ref`, `type`, `enum`, `const`,
/// `required`, `properties`, `additionalProperties: false`, `items`, `minItems`, `allOf`,
/// `oneOf`, `not`, `if`/`then`, `minimum`, `pattern`). A keyword it does not know fails the check, so a
/// schema it cannot read is never passed silently.
struct SchemaCheck {
    let document: JSONValue

    static let known: Set<String> = [
        "$ref", "type", "enum", "const", "required", "properties", "additionalProperties", "items", "minItems",
        "allOf", "oneOf", "not", "minimum", "maximum", "pattern", "minLength", "title", "description", "examples",
        "format", "if", "then",
    ]

    /// Every way `value` breaks the schema, as "pointer: what"; empty when it conforms.
    func problems(_ value: JSONValue, schemaNamed name: String) -> [String] {
        var found: [String] = []
        check(value, .string("#/components/schemas/\(name)"), at: "", refOnly: true, &found)
        return found
    }

    private func resolve(_ ref: String) -> JSONValue? {
        var node: JSONValue? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    private func check(
        _ value: JSONValue, _ schema: JSONValue, at pointer: String, refOnly: Bool = false,
        _ found: inout [String]
    ) {
        if refOnly, let ref = schema.stringValue {
            guard let target = resolve(ref) else { return found.append("\(pointer): unresolved \(ref)") }
            return check(value, target, at: pointer, &found)
        }
        guard let object = schema.objectValue else { return found.append("\(pointer): schema is not an object") }
        for key in object.keys where !Self.known.contains(key) {
            found.append("\(pointer): schema keyword \(key) is not checked here")
        }
        if let ref = object["$ref"]?.stringValue {
            check(value, .string(ref), at: pointer, refOnly: true, &found)
        }
        if let type = object["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                found.append("\(pointer): \(value.kindDescription) is not \(allowed.joined(separator: " or "))")
            }
        }
        if let values = object["enum"]?.arrayValue, !values.contains(value) {
            found.append("\(pointer): \(value) is not one of \(JSONValue.array(values))")
        }
        if let constant = object["const"], constant != value { found.append("\(pointer): \(value) is not \(constant)") }
        if let members = value.objectValue {
            for key in object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[key] == nil {
                found.append("\(pointer): required member \(key) is missing")
            }
            let properties = object["properties"]?.objectValue
            for member in members.members {
                if let property = properties?[member.key] {
                    check(member.value, property, at: "\(pointer)/\(member.key)", &found)
                } else if object["additionalProperties"] == .bool(false) {
                    found.append("\(pointer): member \(member.key) is not allowed")
                }
            }
        }
        if let items = value.arrayValue {
            if let minimum = object["minItems"]?.intValue, items.count < minimum {
                found.append("\(pointer): \(items.count) items, at least \(minimum) required")
            }
            if let itemSchema = object["items"] {
                for (index, item) in items.enumerated() { check(item, itemSchema, at: "\(pointer)/\(index)", &found) }
            }
        }
        if let number = value.doubleValue {
            if let minimum = object["minimum"]?.doubleValue, number < minimum {
                found.append("\(pointer): \(number) < \(minimum)")
            }
            if let maximum = object["maximum"]?.doubleValue, number > maximum {
                found.append("\(pointer): \(number) > \(maximum)")
            }
        }
        if let text = value.stringValue {
            if let pattern = object["pattern"]?.stringValue, text.range(of: pattern, options: .regularExpression) == nil
            {
                found.append("\(pointer): \"\(text)\" does not match \(pattern)")
            }
            if let minimum = object["minLength"]?.intValue, text.count < minimum {
                found.append("\(pointer): shorter than \(minimum)")
            }
        }
        for part in object["allOf"]?.arrayValue ?? [] { check(value, part, at: pointer, &found) }
        if let choices = object["oneOf"]?.arrayValue {
            let matching = choices.filter { choice in
                var inner: [String] = []
                check(value, choice, at: pointer, &inner)
                return inner.isEmpty
            }.count
            if matching != 1 { found.append("\(pointer): matches \(matching) of the oneOf schemas, not 1") }
        }
        if let condition = object["if"], let then = object["then"] {
            var inner: [String] = []
            check(value, condition, at: pointer, &inner)
            if inner.isEmpty { check(value, then, at: pointer, &found) }
        }
        if let negated = object["not"] {
            var inner: [String] = []
            check(value, negated, at: pointer, &inner)
            if inner.isEmpty { found.append("\(pointer): matches the `not` schema") }
        }
    }

    private static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }
}
