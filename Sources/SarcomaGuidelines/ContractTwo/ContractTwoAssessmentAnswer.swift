import JSON

/// `/v2/assessment` in the forms the API serves: the envelope of `ContractTwoAssessment` and
/// the text of each section in the envelope's order, each under its name.
public struct ContractTwoAssessmentAnswer: Sendable {
    public var json: JSONValue
    public var plainText: String
}

extension ContractTwoEngine {
    /// The assessment with all five sections; nil only if a section were missing, which
    /// `ContractTwoSection` (every section of the envelope) rules out.
    public func assessmentAnswer(for sarcomaCase: SarcomaCase, explain: Bool = false) throws(SystemicInputError)
        -> ContractTwoAssessmentAnswer?
    {
        let facts = try ContractTwoFacts(sarcomaCase, pack: pack, grading: kept.pack.grading)
        var assessment = ContractTwoAssessment(guidelineVersion: pack.version, decision: facts.pathway)
        var texts: [String: String] = [:]
        for section in ContractTwoSection.allCases {
            let evaluation = try evaluate(section, for: sarcomaCase, explain: explain)
            assessment.place(section.rawValue, evaluation.json)
            texts[section.rawValue] = evaluation.plainText
        }
        guard let json = assessment.json else { return nil }
        let text = ContractTwoAssessment.sections.map { "== \($0) ==\n" + (texts[$0] ?? "") }
        return ContractTwoAssessmentAnswer(json: json, plainText: text.joined(separator: "\n"))
    }
}
