import JSON
/// A recommendation's words as the pack states them: the sentence a clinician reads and
/// the evidence sentences quoted from the source.
struct GuidanceText: Sendable {
    let rationale: String
    let evidence: Evidence
    /// Set when the pack loaded these words as one rule's own (`cited(by:)`): the rule's
    /// recommendation JSON, built once. Words the engine composes per case have none.
    private(set) var citation: GuidanceCitation?

    init(rationale: String, evidence: Evidence) {
        self.rationale = rationale
        self.evidence = evidence
    }

    /// These words as `rule`'s recommendation, its JSON built now (at pack load) instead of
    /// for every answer that carries it.
    func cited(by rule: RuleID, catalogue: RuleCatalogue) -> GuidanceText {
        var text = GuidanceText(rationale: rationale, evidence: evidence)
        let recommendation = Recommendation(
            ruleID: rule, category: nil, rationale: rationale,
            source: catalogue.source(rule), evidence: evidence)
        text.citation = GuidanceCitation(rule: rule, recommendation: recommendation)
        return text
    }

    /// Reads `rationale` (or the given key) and an optional `evidence` list from an object.
    static func load(_ reader: inout PackObjectReader, rationaleKey: String = "rationale") throws(GuidelinePackError)
        -> GuidanceText
    {
        let rationale = try reader.string(rationaleKey)
        let evidence = Evidence(try reader.optional("evidence")?.strings() ?? [])
        return GuidanceText(rationale: rationale, evidence: evidence)
    }
}

/// A rule's recommendation with pack words, and its JSON, built once when the pack loads.
/// A class, so that "these are the same pack words" is an identity check.
final class GuidanceCitation: Sendable {
    let rule: RuleID
    let recommendation: Recommendation
    /// `{"ruleId", "ruleIds", "nccnCategory": null, ...}` exactly as `Recommendation.json`.
    let json: JSONValue

    init(rule: RuleID, recommendation: Recommendation) {
        self.rule = rule
        self.recommendation = recommendation.prebuilding()
        json = self.recommendation.json
    }
}
