import SarcomaGuidelines

/// What the prefetch says about the patient's sarcoma, ready for the engine or not.
enum PrefetchCase: Sendable {
    /// Nothing in the record is a soft tissue sarcoma this service covers: no cards.
    case noSarcoma
    /// A sarcoma, but the case cannot be evaluated; each line says what is missing or wrong.
    case incomplete([String])
    case ready(SarcomaCase)

    /// Maps the prefetch resources to a contract case and decodes it exactly as
    /// `POST /v1/validate` would (structure, codes, clinical consistency).
    static func read(_ resources: [JSONObject], engine: GuidelineEngine) -> PrefetchCase {
        let document = PrefetchCaseMapping.caseDocument(from: resources)
        guard let tumor = document["tumor"]?.objectValue, tumor["site"] != nil || tumor["histology"] != nil else {
            return .noSarcoma
        }
        switch CaseDecoder().decode(.object(document)) {
        case .failure(.malformedJSON(let error)):
            return .incomplete(["the record could not be read as a case (\(error))"])
        case .failure(.invalid(let issues)):
            return .incomplete(issues.map(Self.describe))
        case .success(let sarcomaCase):
            let issues = engine.consistencyIssues(in: sarcomaCase)
            return issues.isEmpty ? .ready(sarcomaCase) : .incomplete(issues.map(Self.describe))
        }
    }

    private static func describe(_ issue: FieldIssue) -> String {
        let field = issue.pointer.isEmpty ? "the case" : "`\(issue.pointer)`"
        return "\(field): \(issue.detail)"
    }

    /// The card for a case that cannot be evaluated.
    static func incompleteCard(_ problems: [String], sourceLabel: String) -> CDSCard {
        let first = problems.first ?? "the record lacks data the guideline needs"
        return CDSCard(summary: "Sarcoma guidance unavailable: \(first)", indicator: .warning,
                       detail: (["**The record does not yet allow a guideline evaluation**; complete or correct:", ""]
                                + problems.map { "- \($0)" }).joined(separator: "\n"),
                       sourceLabel: sourceLabel)
    }
}
