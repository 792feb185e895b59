import JSON

/// One section of an assessment answer as the impact comparison reads it: values by member,
/// item lists keyed by code, and the rule ids the section names (its items, recommendations
/// and the applied rules of its trace).
struct AnswerSection {
    let json: JSONValue?

    init(_ json: JSONValue?) { self.json = json }

    func value(_ member: String) -> JSONValue? { json?[member] }

    func items(_ member: String) -> [JSONValue] { json?[member]?.arrayValue ?? [] }

    /// Every rule id the section names, in order of appearance, skipping trace entries that
    /// were not applied.
    var namedRuleIds: [String] {
        var ids: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                if object["applied"]?.boolValue == false { return }
                for member in object.members {
                    switch member.key {
                    case "ruleId": member.value.stringValue.map { ids.append($0) }
                    case "ruleIds", "marginRuleIds": ids += (member.value.arrayValue ?? []).compactMap(\.stringValue)
                    default: collect(member.value)
                    }
                }
            case .array(let values): values.forEach(collect)
            default: break
            }
        }
        json.map(collect)
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// Every rule id of the section's trace, applied or not (a rule that stopped applying is
    /// the reason for a change too).
    var tracedRuleIds: [String] { Self.ruleIds(ofAll: items("trace")) }

    /// The named rule ids that start with one of `prefixes`, else the traced ones that do,
    /// else every named id, so a change never names no rule while the section names some.
    func ruleIds(_ prefixes: [String]) -> [String] {
        let named = namedRuleIds
        func matching(_ ids: [String]) -> [String] { ids.filter { id in prefixes.contains { id.hasPrefix($0) } } }
        if !matching(named).isEmpty { return matching(named) }
        if !matching(tracedRuleIds).isEmpty { return matching(tracedRuleIds) }
        return named
    }

    /// An item's `ruleIds`, else its `ruleId`.
    static func ruleIds(of item: JSONValue) -> [String] {
        let list = (item["ruleIds"]?.arrayValue ?? []).compactMap(\.stringValue)
        if !list.isEmpty { return list }
        return item["ruleId"]?.stringValue.map { [$0] } ?? []
    }

    static func ruleIds(ofAll items: [JSONValue]) -> [String] {
        var seen: Set<String> = []
        return items.flatMap(ruleIds(of:)).filter { seen.insert($0).inserted }
    }

    static func change(from: JSONValue?, to: JSONValue?, ruleIds: [String]) -> JSONValue {
        var change = JSONObject()
        if let from { change["from"] = from }
        change["to"] = to ?? .null
        change["ruleIds"] = .array(ruleIds.map(JSONValue.string))
        return .object(change)
    }

    /// `{from, to, ruleIds}` under `member` when the values differ; a member the `from` answer
    /// lacks (v1 has no `reExcision`) is not compared, an absent `to` member reads as null.
    func compare(_ member: String, with to: AnswerSection, rules: [String], into out: inout JSONObject) {
        compare(member, with: to, explicitRules: nil, prefixes: rules, into: &out)
    }

    func compare(_ member: String, with to: AnswerSection, explicitRules: [String], into out: inout JSONObject) {
        compare(member, with: to, explicitRules: explicitRules, prefixes: [], into: &out)
    }

    private func compare(
        _ member: String, with to: AnswerSection, explicitRules: [String]?, prefixes: [String],
        into out: inout JSONObject
    ) {
        guard let before = value(member) else { return }
        let after = to.value(member) ?? .null
        guard before != after else { return }
        let rules = explicitRules.flatMap { $0.isEmpty ? nil : $0 } ?? to.ruleIds(prefixes)
        out[member] = Self.change(from: before, to: after, ruleIds: rules)
    }

    /// `{to, ruleIds}` under `member` when the `to` value differs (the v1 answers lack
    /// `pathway` and `scope`, so only the new value says anything).
    func report(_ member: String, with to: AnswerSection, rules: [String], into out: inout JSONObject) {
        let after = to.value(member) ?? .null
        guard (value(member) ?? .null) != after else { return }
        out[member] = Self.change(from: nil, to: after, ruleIds: to.ruleIds(rules))
    }

    /// The items of `member` compared by `key`: `added`, `removed` (gone without being
    /// withheld), `withheld` (newly in `notRecommended`, with its `reasonCode`),
    /// `categoryChanged` and `preferredChanged`. An absent `preferred` reads as false.
    func listChanges(
        _ member: String, with to: AnswerSection, key: String, compareCategory: Bool, comparePreferred: Bool = false
    ) -> JSONObject {
        func keyed(_ items: [JSONValue]) -> [(code: String, item: JSONValue)] {
            items.compactMap { item in item[key]?.stringValue.map { ($0, item) } }
        }
        let before = keyed(items(member))
        let after = keyed(to.items(member))
        let beforeWithheld = Set(keyed(items("notRecommended")).map(\.code))
        let afterWithheld = keyed(to.items("notRecommended"))
        let beforeCodes = Set(before.map(\.code))
        let afterCodes = Set(after.map(\.code))
        let traced = Set(to.namedRuleIds + to.tracedRuleIds)
        var out = JSONObject()
        var added: [JSONValue] = []
        for (code, item) in after where !beforeCodes.contains(code) {
            var entry = JSONObject()
            entry[key] = .string(code)
            if compareCategory { entry["nccnCategory"] = item["nccnCategory"] ?? .null }
            entry["ruleIds"] = .array(Self.ruleIds(of: item).map(JSONValue.string))
            added.append(.object(entry))
        }
        var removed: [JSONValue] = []
        for (code, item) in before
        where !afterCodes.contains(code) && !afterWithheld.contains(where: { $0.code == code }) {
            // The item's own rule where the to answer still names it (now not applying), else
            // the rules of the to list, else those of the to section.
            var rules = Self.ruleIds(of: item).filter(traced.contains)
            if rules.isEmpty { rules = Self.ruleIds(ofAll: to.items(member)) }
            if rules.isEmpty { rules = to.namedRuleIds }
            removed.append([key: .string(code), "ruleIds": .array(rules.map(JSONValue.string))])
        }
        var withheld: [JSONValue] = []
        for (code, item) in afterWithheld where !beforeWithheld.contains(code) {
            withheld.append([
                key: .string(code), "reasonCode": item["reasonCode"] ?? .null,
                "wasListed": .bool(beforeCodes.contains(code)),
                "ruleIds": .array(Self.ruleIds(of: item).map(JSONValue.string)),
            ])
        }
        var categories: [JSONValue] = []
        var preferred: [JSONValue] = []
        let beforeByCode = Dictionary(before.map { ($0.code, $0.item) }, uniquingKeysWith: { first, _ in first })
        for (code, item) in after {
            guard let old = beforeByCode[code] else { continue }
            let rules = JSONValue.array(Self.ruleIds(of: item).map(JSONValue.string))
            let (oldCategory, newCategory) = (old["nccnCategory"] ?? .null, item["nccnCategory"] ?? .null)
            if compareCategory, oldCategory != newCategory {
                categories.append([key: .string(code), "from": oldCategory, "to": newCategory, "ruleIds": rules])
            }
            let (oldPreferred, newPreferred) = (
                old["preferred"]?.boolValue ?? false, item["preferred"]?.boolValue ?? false
            )
            if comparePreferred, oldPreferred != newPreferred {
                preferred.append([
                    key: .string(code), "from": .bool(oldPreferred), "to": .bool(newPreferred), "ruleIds": rules,
                ])
            }
        }
        for (name, list) in [
            ("added", added), ("removed", removed), ("withheld", withheld), ("categoryChanged", categories),
            ("preferredChanged", preferred),
        ] where !list.isEmpty {
            out[name] = .array(list)
        }
        return out
    }
}
