import JSON

/// `/v2/assessment` in the forms the API serves: the envelope of `ContractTwoAssessment` and
/// the text of each section in the envelope's order, each under its name.
public struct ContractTwoAssessmentAnswer: Sendable {
    public var json: JSONValue
    public var plainText: String
}

extension ContractTwoEngine {
    /// The assessment with all five sections, every one read from the same `facts`; nil only
    /// if a section were missing, which `ContractTwoSection` (every section of the envelope)
    /// rules out.
    public func assessmentAnswer(facts: CaseFactsV2, explain: Bool = false) throws(SystemicInputError)
        -> ContractTwoAssessmentAnswer?
    {
        var assessment = ContractTwoAssessment(guidelineVersion: pack.version, decision: facts.pathway)
        var texts: [String: String] = [:]
        for section in ContractTwoSection.allCases {
            let evaluation = try evaluate(section, facts: facts, explain: explain)
            assessment.place(section.rawValue, evaluation.json)
            texts[section.rawValue] = evaluation.plainText
        }
        guard let json = assessment.json else { return nil }
        let text = ContractTwoAssessment.sections.map { "== \($0) ==\n" + (texts[$0] ?? "") }
        return ContractTwoAssessmentAnswer(json: json, plainText: text.joined(separator: "\n"))
    }
}
