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
        let lines: [ContractTwoText.Line]
        switch section {
        case .margins:
            let answer = MarginEvaluatorV2.evaluate(facts)
            (json, warnings, trace, lines) = (
                answer.json, answer.warnings, answer.trace, MarginText(section: answer).lines
            )
        case .imaging:
            let answer = ImagingEvaluatorV2.evaluate(facts)
            (json, warnings, trace, lines) = (
                answer.json, answer.warnings, answer.trace, ImagingText(section: answer).lines
            )
        case .perioperative:
            let answer = try PerioperativeEvaluatorV2.evaluate(facts)
            let text = PerioperativeText(
                section: answer, decision: facts.pathway, names: AgentDisplay(sets: pack.systemic.sets))
            (json, warnings, trace, lines) = (answer.json, answer.warnings, answer.trace, text.lines)
        case .staging, .palliative:
            preconditionFailure("staging and palliative have their own bodies")
        }
        let members = json.objectValue?.members ?? []
        let ruleIds = Self.ruleIds(in: json)
        let all = facts.defaults + facts.planWarnings + warnings.map(ContractTwoWarning.init)
        return ContractTwoBody(
            members: members, warnings: all, ruleIds: ruleIds, trace: trace, lines: lines)
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
}
