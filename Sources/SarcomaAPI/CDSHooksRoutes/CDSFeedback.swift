import CDSHooks
import JSON
import CaseStore
import Foundation
import HTTPServer
import SarcomaGuidelines

/// The body of `POST /cds-services/{id}/feedback` (CDS Hooks 2.0.1, "Feedback"):
/// `{"feedback": [{"card", "outcome", "outcomeTimestamp", "acceptedSuggestions",
/// "overrideReason"}]}`. Each item is checked, then stored as sent (canonical JSON). `card`
/// must be the uuid of a card this service issued (`IssuedCards`): feedback on a card no
/// clinician was shown would be stored as if it had been.
enum CDSFeedback {
    static let outcomes: Set<String> = ["accepted", "overridden"]
    static let maxItems = 100

    static func parse(
        _ request: HTTPRequest, serviceId: String, client: String?,
        issuedCards: IssuedCards
    ) throws(Problem) -> [CDSFeedbackInput] {
        try CaseRequestReader.requireJSONContent(request)
        let document: JSONValue
        do {
            document = try JSONParser(maxDepth: 32).parse(request.body)
        } catch {
            throw Problem.malformedJSON("the body is not valid JSON: \(error)")
        }
        guard case .object(let body) = document, case .array(let entries)? = body["feedback"] else {
            throw invalid("the body must be an object with a `feedback` array", pointer: "/feedback")
        }
        guard (1...maxItems).contains(entries.count) else {
            throw invalid("`feedback` must hold 1 to \(maxItems) items, not \(entries.count)", pointer: "/feedback")
        }
        var items: [CDSFeedbackInput] = []
        for (index, entry) in entries.enumerated() {
            let pointer = "/feedback/\(index)"
            guard case .object(let item) = entry else {
                throw invalid("each feedback item must be an object", pointer: pointer)
            }
            guard case .string(let card)? = item["card"], card.utf8.count == 36, UUID(uuidString: card) != nil else {
                throw invalid("`card` must be the uuid of a card this service returned", pointer: pointer + "/card")
            }
            guard issuedCards.wasIssued(card, by: serviceId) else {
                throw invalid(
                    "`card` \(card) is not a card \(serviceId) returned in the last \(Int(issuedCards.retention / 3_600)) hours "
                        + "(issued cards are remembered in memory, so not across a restart)", pointer: pointer + "/card"
                )
            }
            guard case .string(let outcome)? = item["outcome"], outcomes.contains(outcome) else {
                throw invalid("`outcome` must be `accepted` or `overridden`", pointer: pointer + "/outcome")
            }
            var timestamp: String?
            switch item["outcomeTimestamp"] {
            case .string(let text)? where (1...64).contains(text.utf8.count): timestamp = text
            case nil: break
            default:
                throw invalid("`outcomeTimestamp` must be an ISO 8601 instant", pointer: pointer + "/outcomeTimestamp")
            }
            items.append(
                CDSFeedbackInput(
                    serviceId: serviceId, card: card, outcome: outcome, outcomeTimestamp: timestamp,
                    client: client, item: JSONBody.bytes(entry, pretty: false)))
        }
        return items
    }

    private static func invalid(_ detail: String, pointer: String) -> Problem {
        Problem(
            status: 422, slug: "cds-feedback-invalid", title: "Invalid CDS Hooks feedback",
            detail: detail, errors: [FieldIssue(pointer: pointer, detail: detail)])
    }
}
