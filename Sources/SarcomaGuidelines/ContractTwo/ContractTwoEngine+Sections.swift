import JSON

/// `/v2/margins`, `/v2/imaging` and `/v2/perioperative` (delta §3.4): the pack 2026.12-1
/// evaluators (rules §5-§7) read one `CaseFactsV2` of the case; their JSON members sit between
/// `guidelineVersion` and `warnings` like the other sections'.
extension ContractTwoEngine {
    func section(_ section: ContractTwoSection, _ facts: CaseFactsV2) throws(SystemicInputError)
        -> ContractTwoBody
    {
        let json: JSONValue
        let warnings: [PlanWarning]
        let trace: [RuleTrace]
        switch section {
        case .margins:
            let answer = MarginEvaluatorV2.evaluate(facts)
            (json, warnings, trace) = (answer.json, answer.warnings, answer.trace)
        case .imaging:
            let answer = ImagingEvaluatorV2.evaluate(facts)
            (json, warnings, trace) = (answer.json, answer.warnings, answer.trace)
        case .perioperative:
            let answer = try PerioperativeEvaluatorV2.evaluate(facts)
            (json, warnings, trace) = (answer.json, answer.warnings, answer.trace)
        case .staging, .palliative:
            preconditionFailure("staging and palliative have their own bodies")
        }
        let members = json.objectValue?.members ?? []
        let ruleIds = Self.ruleIds(in: json)
        let all = facts.defaults + facts.planWarnings + warnings.map(ContractTwoWarning.init)
        return ContractTwoBody(
            members: members, warnings: all, ruleIds: ruleIds, trace: trace,
            lines: [.init(label: Self.label(section), text: Self.summary(members), rules: ruleIds)])
    }

    static func label(_ section: ContractTwoSection) -> String {
        switch section {
        case .margins: "Margins"
        case .imaging: "Imaging"
        case .perioperative: "Perioperative"
        case .staging: "Staging"
        case .palliative: "Palliative"
        }
    }

    /// Every `ruleId` and `marginRuleIds` string in a section's JSON, each once, in order.
    static func ruleIds(in value: JSONValue) -> [String] {
        var ids: [String] = []
        func visit(_ value: JSONValue, key: String?) {
            switch value {
            case .object(let object): for member in object.members { visit(member.value, key: member.key) }
            case .array(let items): for item in items { visit(item, key: key) }
            case .string(let text):
                if key == "ruleId" || key == "marginRuleIds", !ids.contains(text) { ids.append(text) }
            default: break
            }
        }
        visit(value, key: nil)
        return ids
    }

    /// The section's scalar members as "name: value" (the text form until §9 rendering of these
    /// sections is written).
    static func summary(_ members: [JSONMember]) -> String {
        members.compactMap { member in
            switch member.value {
            case .string(let text): "\(member.key): \(text)"
            case .bool(let flag): "\(member.key): \(flag)"
            case .number(let number):
                number == number.rounded() && abs(number) < 1e9
                    ? "\(member.key): \(Int(number))" : "\(member.key): \(number)"
            default: nil
            }
        }.joined(separator: "; ")
    }
}
