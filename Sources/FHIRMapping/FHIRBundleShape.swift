import JSON
import SarcomaGuidelines

/// The structural check of an import payload, before any mapping: a Bundle of an accepted
/// type whose entries each hold a resource object. Each problem is a `FieldIssue` with a
/// pointer into the payload (an API answers them as 422).
public enum FHIRBundleShape {
    /// Bundle types an import accepts: a collection of resources; a transaction or batch an
    /// EHR would have posted to a FHIR server (its requests are not executed, only read); a
    /// searchset (what a FHIR search and `Patient/$everything` return) and a document (a
    /// Composition and the resources it cites). Responses and history Bundles are refused:
    /// they describe what a server did, not the patient.
    public static let importTypes: Set<String> = ["collection", "transaction", "batch", "searchset", "document"]

    /// The issues of `value` as an import Bundle; empty when it is one.
    public static func issues(_ value: JSONValue, acceptedTypes: Set<String> = importTypes) -> [FieldIssue] {
        guard case .object(let bundle) = value else {
            return [
                FieldIssue(
                    pointer: "", detail: "the body must be a FHIR Bundle (a JSON object); got \(value.kindDescription)")
            ]
        }
        guard let resourceType = bundle["resourceType"] else {
            return [
                FieldIssue(pointer: "/resourceType", detail: "resourceType is missing: the body must be a FHIR Bundle")
            ]
        }
        guard resourceType.stringValue == "Bundle" else {
            let shown = resourceType.stringValue.map { "'\($0)'" } ?? resourceType.kindDescription
            return [
                FieldIssue(
                    pointer: "/resourceType",
                    detail:
                        "resourceType must be 'Bundle', not \(shown); wrap the resources in a Bundle of type collection"
                )
            ]
        }
        var issues: [FieldIssue] = []
        let types = acceptedTypes.sorted().joined(separator: " or ")
        switch bundle["type"] {
        case nil:
            issues.append(FieldIssue(pointer: "/type", detail: "Bundle.type is missing; it must be \(types)"))
        case .string(let type) where acceptedTypes.contains(type):
            break
        case let other?:
            let shown = other.stringValue.map { "'\($0)'" } ?? other.kindDescription
            issues.append(FieldIssue(pointer: "/type", detail: "Bundle.type must be \(types), not \(shown)"))
        }
        if bundle["type"]?.stringValue == "searchset" {
            issues += incompleteSearch(bundle)
        }
        guard let entryValue = bundle["entry"] else {
            issues.append(
                FieldIssue(
                    pointer: "/entry",
                    detail: "the Bundle has no entries; it needs at least the primary cancer Condition"))
            return issues
        }
        guard case .array(let entries) = entryValue else {
            issues.append(
                FieldIssue(
                    pointer: "/entry", detail: "Bundle.entry must be an array; got \(entryValue.kindDescription)"))
            return issues
        }
        if entries.isEmpty {
            issues.append(
                FieldIssue(
                    pointer: "/entry",
                    detail: "the Bundle has no entries; it needs at least the primary cancer Condition"))
        }
        for (index, entry) in entries.enumerated() {
            let pointer = JSONPointer.root.appending("entry").appending(index)
            guard case .object(let object) = entry else {
                issues.append(
                    FieldIssue(at: pointer, detail: "a Bundle entry must be an object; got \(entry.kindDescription)"))
                continue
            }
            guard let resource = object["resource"] else {
                issues.append(FieldIssue(at: pointer.appending("resource"), detail: "the entry has no resource"))
                continue
            }
            guard case .object(let resourceObject) = resource else {
                issues.append(
                    FieldIssue(
                        at: pointer.appending("resource"),
                        detail: "entry.resource must be an object; got \(resource.kindDescription)"))
                continue
            }
            if resourceObject["resourceType"]?.stringValue?.isEmpty ?? true {
                issues.append(
                    FieldIssue(
                        at: pointer.appending("resource").appending("resourceType"),
                        detail: "the resource has no resourceType (a string)"))
            }
        }
        return issues
    }

    /// A searchset that is not the whole answer: a `next` page (an M1 Observation on page 2
    /// would be missed and the engine would assume M0), or an OperationOutcome the server
    /// added (`search.mode` outcome) with an error or fatal issue (the search failed in part).
    static func incompleteSearch(_ bundle: JSONObject) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for (index, link) in (bundle["link"]?.arrayValue ?? []).enumerated()
        where link["relation"]?.stringValue == "next" {
            issues.append(
                FieldIssue(
                    at: JSONPointer.root.appending("link").appending(index),
                    detail:
                        "the searchset has a next page: the import reads one Bundle, and a missing page can hold the M or N Observation (the engine would then assume M0 / N0). Send every page in one Bundle (follow the next links, or search with a larger _count)"
                ))
        }
        for (index, entry) in (bundle["entry"]?.arrayValue ?? []).enumerated() {
            guard entry["search"]?["mode"]?.stringValue == "outcome",
                entry["resource"]?["resourceType"]?.stringValue == "OperationOutcome"
            else { continue }
            let failing = (entry["resource"]?["issue"]?.arrayValue ?? []).filter {
                ["error", "fatal"].contains($0["severity"]?.stringValue ?? "")
            }
            guard !failing.isEmpty else { continue }
            issues.append(
                FieldIssue(
                    at: JSONPointer.root.appending("entry").appending(index).appending("resource"),
                    detail:
                        "the search that made this searchset reported \(failing.count == 1 ? "an error" : "\(failing.count) errors") (OperationOutcome, search.mode outcome): its results may be incomplete, so they are not imported. Repeat the search and send the answer without errors"
                ))
        }
        return issues
    }
}
