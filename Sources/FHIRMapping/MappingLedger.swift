import JSON
import SarcomaGuidelines

/// The mapper's working record while it reads one payload: proposed values per case field
/// (with where each came from), what was ignored, the blocking issues and reported values.
/// Conflicting proposals for one field become issues at every source, never a pick.
struct MappingLedger: Sendable {
    struct Proposal: Sendable {
        var value: JSONValue
        /// How the value reads in a conflict message (`12.5 cm`, `N1`).
        var shown: String
        var element: FHIRMappedElement
    }

    private(set) var proposals: [(target: String, items: [Proposal])] = []
    var ignored: [FHIRIgnoredElement] = []
    var issues: [FieldIssue] = []
    var reported: [FHIRReportedValue] = []
    var warnings: [FHIRMappingWarning] = []

    mutating func propose(
        _ target: String, _ value: JSONValue, shown: String, from entry: FHIRResourceEntry,
        element: String, at source: JSONPointer, note: String? = nil
    ) {
        let mapped = FHIRMappedElement(
            resource: entry.label, element: element, target: target,
            source: source.description, note: note)
        let proposal = Proposal(value: value, shown: shown, element: mapped)
        if let index = proposals.firstIndex(where: { $0.target == target }) {
            proposals[index].items.append(proposal)
        } else {
            proposals.append((target, [proposal]))
        }
    }

    mutating func ignore(
        _ entry: FHIRResourceEntry, element: String? = nil, at source: JSONPointer? = nil, _ reason: String
    ) {
        ignored.append(
            FHIRIgnoredElement(
                resource: entry.label, element: element, reason: reason,
                source: (source ?? entry.pointer).description))
    }

    mutating func refuse(_ pointer: JSONPointer, _ detail: String) {
        issues.append(FieldIssue(at: pointer, detail: detail))
    }

    mutating func report(
        _ kind: FHIRReportedValue.Kind, _ value: String, from entry: FHIRResourceEntry, at source: JSONPointer
    ) {
        reported.append(FHIRReportedValue(kind: kind, value: value, resource: entry.label, source: source.description))
    }

    mutating func warn(_ code: String, _ message: String) {
        warnings.append(FHIRMappingWarning(code: code, message: message))
    }

    /// Whether some proposal exists for `target` (agreeing or not).
    func hasProposal(for target: String) -> Bool {
        proposals.contains { $0.target == target }
    }

    /// The agreed value of each target, and the mapped elements behind them; a target whose
    /// proposals disagree gets one issue per source and no value.
    mutating func resolve() -> (values: [String: JSONValue], mapped: [FHIRMappedElement]) {
        var values: [String: JSONValue] = [:]
        var mapped: [FHIRMappedElement] = []
        for (target, items) in proposals {
            let distinct = items.reduce(into: [Proposal]()) { kept, item in
                if !kept.contains(where: { $0.value == item.value }) { kept.append(item) }
            }
            guard distinct.count > 1 else {
                values[target] = items[0].value
                mapped.append(contentsOf: items.map(\.element))
                continue
            }
            let summary = items.map { "\($0.shown) (\($0.element.resource))" }.joined(separator: " vs ")
            for item in items {
                issues.append(
                    FieldIssue(
                        pointer: item.element.source,
                        detail:
                            "conflicting values for \(Self.fieldName(target)): \(summary); the service does not pick one: correct the source"
                    ))
            }
        }
        return (values, mapped)
    }

    /// `/tumor/sizeCm` -> `tumor.sizeCm`, for messages.
    static func fieldName(_ pointer: String) -> String {
        pointer.split(separator: "/").joined(separator: ".")
    }
}
