@testable import SarcomaGuidelines

/// Systemic cases with the defaults of clinical rules §12 (age 50, ECOG 1, IV-eligible,
/// anthracycline candidate, NTRK negative, first line, no prior anthracycline), and the
/// compact notation the §12 table uses for options and not-recommended items.
enum SystemicCaseBuilder {
    static func worked(
        _ histology: String?, pathway: SystemicPathway = .advanced,
        _ change: (inout SystemicCase) -> Void = { _ in }
    ) -> SystemicCase {
        var input = SystemicCase(
            pathway: pathway, scope: .adultSTS, histology: histology, ageYears: 50, ecog: 1, ivTherapyEligible: true,
            anthracyclineCandidate: true, priorSystemicLines: 0, priorAnthracycline: false,
            biomarkers: BiomarkerPanel(ntrkFusion: false))
        change(&input)
        return input
    }

    static func evaluate(_ input: SystemicCase) -> SystemicAnswer {
        do { return try Pack2026Fixture.evaluator.evaluate(input) } catch { fatalError("\(error)") }
    }

    /// `agent (ruleId; cat / basis) P`: cat "—" for null, "2A*" for defaulted 2A; P when preferred.
    static func notation(_ option: SystemicOption) -> String {
        let category: String
        if let value = option.nccnCategory {
            category = "\(value.rawValue)\(option.categoryDefaulted ? "*" : "") / \(option.categoryBasis.rawValue)"
        } else {
            category = "—"
        }
        return "\(option.agent.rawValue) (\(option.ruleId); \(category))\(option.preferred ? " P" : "")"
    }

    /// `agent → reasonCode [other, codes]`.
    static func notation(_ item: WithheldAgent) -> String {
        let others =
            item.otherReasonCodes.isEmpty ? "" : " [\(item.otherReasonCodes.map(\.rawValue).joined(separator: ", "))]"
        return "\(item.agent.rawValue) → \(item.reasonCode.rawValue)\(others)"
    }

    static func options(_ answer: SystemicAnswer) -> [String] { answer.options.map(notation) }
    static func withheld(_ answer: SystemicAnswer) -> [String] { answer.notRecommended.map(notation) }
}
