/// The lines of a systemic answer (rules §9) shared by `/v2/palliative` and the
/// `systemicOptions[]` of the conversion and oligometastatic perioperative answers: options
/// in rank order with preferred marked and `categoryDisplay` (REND-ORDER, REND-CATEGORY),
/// every withheld agent with its reason and codes (REND-REASONS), agents as words and
/// combinations as "X + Y" (REND-COMBINATION).
struct SystemicText {
    let names: AgentDisplay

    func options(_ options: [SystemicOption]) -> [ContractTwoText.Line] {
        options.map { option in
            let mark = option.preferred ? " (preferred)" : ""
            return .init(
                label: "", text: "\(option.rank). \(names.name(option.agent))\(mark): \(option.categoryDisplay)",
                rules: option.ruleIds)
        }
    }

    func withheld(_ items: [WithheldAgent], label: String = "Not recom.") -> [ContractTwoText.Line] {
        items.enumerated().map { index, item in
            .init(
                label: index == 0 ? label : "",
                text: "\(names.name(item.agent)): \(item.reason) "
                    + Self.codes(item.reasonCode.rawValue, item.otherReasonCodes.map(\.rawValue)),
                rules: item.ruleIds)
        }
    }

    /// "(requires_iv)" or "(requires_iv; also not_anthracycline_candidate, trial_fitness)".
    static func codes(_ first: String, _ others: [String]) -> String {
        others.isEmpty ? "(\(first))" : "(\(first); also \(others.joined(separator: ", ")))"
    }
}
