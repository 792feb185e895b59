import JSON
@testable import SarcomaGuidelines

// Test-side reading of engine answers by path. Names are deliberately distinct
// (`rulesValue(at:)`, `RulesJSON`) so they cannot clash with other test folders' helpers.

extension JSONValue {
    /// The value at a dotted path with array indices, e.g. `staging.t`, `options[2].agent`,
    /// `biopsy.method`; `nil` when any step is missing (an absent member, not a JSON null).
    func rulesValue(at path: String) -> JSONValue? {
        var current = self
        for token in RulesPathToken.tokens(of: path) {
            switch (token, current) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { return nil }
                current = next
            case (.index(let index), .array(let array)):
                guard array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }
}

enum RulesPathToken: Equatable {
    case key(String)
    case index(Int)

    static func tokens(of path: String) -> [RulesPathToken] {
        var tokens: [RulesPathToken] = []
        for segment in path.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = Substring(segment)
            guard let bracket = rest.firstIndex(of: "[") else {
                tokens.append(.key(String(rest)))
                continue
            }
            if bracket > rest.startIndex { tokens.append(.key(String(rest[..<bracket]))) }
            rest = rest[bracket...]
            while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                tokens.append(Int(inner).map { .index($0) } ?? .key(String(inner)))
                rest = rest[rest.index(after: close)...]
            }
        }
        return tokens
    }
}

/// A possibly-absent JSON value with typed, optional readers, for readable expectations:
/// `#expect(answer["stageGroup"].string == "IIIA")`.
struct RulesJSON: CustomStringConvertible {
    /// `nil` when the member is absent; `.null` when present as JSON null.
    let raw: JSONValue?

    init(_ raw: JSONValue?) { self.raw = raw }

    subscript(_ path: String) -> RulesJSON { RulesJSON(raw?.rulesValue(at: path)) }

    var isPresent: Bool {
        if case .some = raw { return true }
        return false
    }

    var isNull: Bool {
        if case .some(.null) = raw { return true }
        return false
    }

    var string: String? {
        if case .string(let value)? = raw { return value }
        return nil
    }

    var number: Double? {
        if case .number(let value)? = raw { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value)? = raw { return value }
        return nil
    }

    var isArray: Bool {
        if case .array? = raw { return true }
        return false
    }

    var isObject: Bool {
        if case .object? = raw { return true }
        return false
    }

    /// Array elements; empty when not an array.
    var items: [RulesJSON] {
        if case .array(let values)? = raw { return values.map(RulesJSON.init) }
        return []
    }

    /// Object member names in order; empty when not an object.
    var keys: [String] {
        if case .object(let object)? = raw { return object.keys }
        return []
    }

    /// Every string anywhere below this value (member names included), for trace searches.
    var allStrings: [String] {
        guard let raw else { return [] }
        var found: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let text): found.append(text)
            case .array(let values): values.forEach(walk)
            case .object(let object):
                for member in object.members {
                    found.append(member.key)
                    walk(member.value)
                }
            default: break
            }
        }
        walk(raw)
        return found
    }

    /// Every object in the tree that carries a `ruleId` member: the contract's
    /// "recommendation objects" (options, recommendations, imaging items where ruled).
    /// Items of `notRecommended` and `investigational` are not recommendations: the contract
    /// gives them `agent` and `reason` only.
    var recommendationObjects: [RulesJSON] {
        guard let raw else { return [] }
        var found: [RulesJSON] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .array(let values): values.forEach(walk)
            case .object(let object):
                if case .some = object["ruleId"] { found.append(RulesJSON(value)) }
                for member in object.members where member.key != "notRecommended" && member.key != "investigational" {
                    walk(member.value)
                }
            default: break
            }
        }
        walk(raw)
        return found
    }

    var description: String { raw.map(Self.render) ?? "<absent>" }

    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return String(number)
        case .string(let text): return "\"\(text)\""
        case .array(let values): return "[" + values.map(render).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.members.map { "\"\($0.key)\":\(render($0.value))" }.joined(separator: ",") + "}"
        }
    }
}
