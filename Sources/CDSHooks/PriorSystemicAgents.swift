import FHIRMapping
import JSON
import SarcomaGuidelines

/// Systemic agents the prefetch shows as given before: MedicationStatements and
/// MedicationRequests that are `completed`, `stopped` or `active`, named (by the same
/// whole-word matching as drafted orders) as one of the rules' agents.
///
/// This is evidence of at least one earlier systemic therapy, not of a palliative line: the
/// record does not say whether it was perioperative. So it never sets
/// `priorSystemicLines`; the cards only name it next to the subsequent-line options.
package struct PriorSystemicAgents: Sendable {
    package static let statuses: Set<String> = ["completed", "stopped", "active"]

    /// Ingredient names ("doxorubicin"), sorted, each once.
    package let names: [String]

    /// `excluding` the drafted orders' ids: an EHR may send the draft itself in the
    /// MedicationRequest prefetch.
    package init(_ entries: [FHIRResourceEntry], excluding draftIds: Set<String> = []) {
        let matcher = MedicationAgentMatcher()
        var found = Set<MedicationAgentMatcher.Ingredient>()
        for entry in entries
        where entry.resourceType == "MedicationStatement" || entry.resourceType == "MedicationRequest" {
            guard let status = entry.resource["status"]?.stringValue, Self.statuses.contains(status) else { continue }
            if entry.resourceType == "MedicationRequest", let id = entry.resource["id"]?.stringValue,
                draftIds.contains(id)
            {
                continue
            }
            if let match = matcher.match(entry.resource) { found.formUnion(match.ingredients) }
        }
        names = found.sorted().map(\.rawValue)
    }

    package var isEmpty: Bool { names.isEmpty }

    /// "doxorubicin and gemcitabine".
    package var text: String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
