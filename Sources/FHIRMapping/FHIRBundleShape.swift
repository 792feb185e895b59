import JSON
import SarcomaGuidelines

/// The structural check of an import payload, before any mapping: a Bundle of an accepted
/// type whose entries each hold a resource object. Each problem is a `FieldIssue` with a
/// pointer into the payload (an API answers them as 422).
public enum FHIRBundleShape {
    /// Bundle types an import accepts: a collection of resources, or a transaction an EHR
    /// would have posted to a FHIR server (its requests are not executed, only read).
    public static let importTypes: Set<String> = ["collection", "transaction"]

    /// The issues of `value` as an import Bundle; empty when it is one.
    public static func issues(_ value: JSONValue, acceptedTypes: Set<String> = importTypes) -> [FieldIssue] {
        guard case .object(let bundle) = value else {
            return [FieldIssue(pointer: "", detail: "the body must be a FHIR Bundle (a JSON object); got \(value.kindDescription)")]
        }
        guard let resourceType = bundle["resourceType"] else {
            return [FieldIssue(pointer: "/resourceType", detail: "resourceType is missing: the body must be a FHIR Bundle")]
        }
        guard resourceType.stringValue == "Bundle" else {
            let shown = resourceType.stringValue.map { "'\($0)'" } ?? resourceType.kindDescription
            return [FieldIssue(pointer: "/resourceType", detail: "resourceType must be 'Bundle', not \(shown); wrap the resources in a Bundle of type collection")]
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
        guard let entryValue = bundle["entry"] else {
            issues.append(FieldIssue(pointer: "/entry", detail: "the Bundle has no entries; it needs at least the primary cancer Condition"))
            return issues
        }
        guard case .array(let entries) = entryValue else {
            issues.append(FieldIssue(pointer: "/entry", detail: "Bundle.entry must be an array; got \(entryValue.kindDescription)"))
            return issues
        }
        if entries.isEmpty {
            issues.append(FieldIssue(pointer: "/entry", detail: "the Bundle has no entries; it needs at least the primary cancer Condition"))
        }
        for (index, entry) in entries.enumerated() {
            let pointer = JSONPointer.root.appending("entry").appending(index)
            guard case .object(let object) = entry else {
                issues.append(FieldIssue(at: pointer, detail: "a Bundle entry must be an object; got \(entry.kindDescription)"))
                continue
            }
            guard let resource = object["resource"] else {
                issues.append(FieldIssue(at: pointer.appending("resource"), detail: "the entry has no resource"))
                continue
            }
            guard case .object(let resourceObject) = resource else {
                issues.append(FieldIssue(at: pointer.appending("resource"), detail: "entry.resource must be an object; got \(resource.kindDescription)"))
                continue
            }
            if resourceObject["resourceType"]?.stringValue?.isEmpty ?? true {
                issues.append(FieldIssue(at: pointer.appending("resource").appending("resourceType"),
                                         detail: "the resource has no resourceType (a string)"))
            }
        }
        return issues
    }
}
