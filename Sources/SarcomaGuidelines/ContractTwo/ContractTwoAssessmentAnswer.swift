import JSON

/// `/v2/assessment` in the forms the API serves: the envelope of `ContractTwoAssessment` and
/// its text: the pathway, each section's lines (and trace) under its name in the envelope's
/// order, then the union of the warnings once, as the JSON has them, and the pack.
public struct ContractTwoAssessmentAnswer: Sendable {
    public var json: JSONValue
    /// The text's lines, rendered when asked for: a JSON answer does not pay for its text.
    var lines: [ContractTwoText.Line]
    public var plainText: String { ContractTwoText.render(lines) }
}

extension ContractTwoEngine {
    /// The assessment with all five sections, every one read from the same `facts`; nil only
    /// if a section were missing, which `ContractTwoSection` (every section of the envelope)
    /// rules out.
    public func assessmentAnswer(facts: CaseFactsV2, explain: Bool = false) throws(SystemicInputError)
        -> ContractTwoAssessmentAnswer?
    {
        var assessment = ContractTwoAssessment(guidelineVersion: pack.version, decision: facts.pathway)
        var lines: [ContractTwoText.Line] = [
            .init(label: "Pathway", text: Self.pathwayText(facts.pathway), rules: [])
        ]
        var warnings: [ContractTwoWarning] = []
        for section in ContractTwoSection.allCases {
            let evaluation = try evaluate(section, facts: facts, explain: explain)
            assessment.place(section.rawValue, evaluation.json)
            lines.append(.init(label: "", text: "", rules: []))
            lines.append(.init(label: "== \(Self.label(section)) ==", text: "", rules: []))
            lines += evaluation.text.body
            warnings += evaluation.warnings
        }
        guard let json = assessment.json else { return nil }
        lines.append(.init(label: "", text: "", rules: []))
        lines += ContractTwoText.footer(
            ContractTwoWarning.unique(warnings), packVersion: pack.version, packLabel: pack.label)
        return ContractTwoAssessmentAnswer(json: json, lines: lines)
    }
}
