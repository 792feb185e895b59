import JSON

/// The rule ids an answer's JSON carries, wherever they sit: every string of a `ruleId`,
/// `ruleIds` or `marginRuleIds` member (the trace's entries included, with `?explain=true`).
/// The text renderer may cite these and no others (REND-TRACE).
enum ContractTwoRuleIds {
    static let keys: Set<String> = ["ruleId", "ruleIds", "marginRuleIds"]

    static func all(in value: JSONValue) -> Set<String> {
        var ids = Set<String>()
        func visit(_ value: JSONValue, key: String?) {
            switch value {
            case .object(let object): for member in object.members { visit(member.value, key: member.key) }
            case .array(let items): for item in items { visit(item, key: key) }
            case .string(let text): if let key, keys.contains(key) { ids.insert(text) }
            default: break
            }
        }
        visit(value, key: nil)
        return ids
    }
}
