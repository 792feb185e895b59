import FHIRMapping
import SarcomaGuidelines

/// What the prefetch says about the patient's sarcoma, ready for the engine or not.
enum PrefetchCase: Sendable {
    /// No single soft tissue sarcoma primary in the record (another cancer, none, or the
    /// mapper could not pick one): this service has nothing to say, so no cards.
    case noSarcoma
    /// A sarcoma, but the case cannot be evaluated; each issue says what is missing or wrong
    /// (pointers into the request for the mapping's issues, into the case for the decoder's).
    case incomplete([FieldIssue])
    case ready(SarcomaCase)

    /// Maps the prefetch with `FHIRMapping` and decodes the case exactly as
    /// `POST /v1/validate` would (structure, codes, clinical consistency).
    static func read(_ entries: [FHIRResourceEntry], engine: GuidelineEngine) -> PrefetchCase {
        let mapping = PrefetchCaseMapping.map(entries)
        // The mapper writes `tumor` only once it has found exactly one primary Condition that
        // is a soft tissue sarcoma; without it, every issue is about that search.
        guard mapping.caseDocument["tumor"] != nil else { return .noSarcoma }
        guard mapping.issues.isEmpty else { return .incomplete(mapping.issues) }
        switch CaseDecoder().decode(.object(mapping.caseDocument)) {
        case .failure(.malformedJSON(let error)):
            return .incomplete([FieldIssue(pointer: "", detail: "the record could not be read as a case (\(error))")])
        case .failure(.invalid(let issues)):
            return .incomplete(issues)
        case .success(let sarcomaCase):
            let issues = engine.consistencyIssues(in: sarcomaCase)
            return issues.isEmpty ? .ready(sarcomaCase) : .incomplete(issues)
        }
    }

    /// The card for a case that cannot be evaluated: the first issue as the summary, every
    /// issue with where it points in the detail.
    static func incompleteCard(_ issues: [FieldIssue], sourceLabel: String) -> CDSCard {
        let first = issues.first?.detail ?? "the record lacks data the guideline needs"
        let lines = issues.map { issue in "- " + (issue.pointer.isEmpty ? "" : "`\(issue.pointer)`: ") + issue.detail }
        return CDSCard(summary: "Sarcoma guidance unavailable: \(first)", indicator: .warning,
                       detail: (["**The record does not yet allow a guideline evaluation**; complete or correct:", ""] + lines)
                           .joined(separator: "\n"),
                       sourceLabel: sourceLabel)
    }
}
