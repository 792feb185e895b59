import JSON
import SarcomaGuidelines

/// Finds the resources in a FHIR payload: the entries of a Bundle of any type (collection,
/// transaction, batch, searchset, document ...), Bundles nested in entries included, or a
/// single resource. Lenient on purpose (CDS Hooks prefetch hands over whatever the EHR
/// returned); `FHIRBundleShape` is the strict check an import applies first.
public enum FHIRResources {
    /// The resources, in document order.
    public static func flatten(_ value: JSONValue) -> [JSONObject] {
        locate(value).map(\.resource)
    }

    /// The resources with their pointers into `value`.
    public static func locate(_ value: JSONValue) -> [FHIRResourceEntry] {
        var found: [FHIRResourceEntry] = []
        collect(value, at: .root, fullUrl: nil, depth: 0, into: &found)
        return found
    }

    /// Bundles inside Bundles deeper than this are not followed (a guard, not a FHIR rule).
    static let maxNesting = 4

    private static func collect(
        _ value: JSONValue, at pointer: JSONPointer, fullUrl: String?, depth: Int,
        into found: inout [FHIRResourceEntry]
    ) {
        guard case .object(let object) = value, object["resourceType"]?.stringValue != nil else { return }
        guard object["resourceType"]?.stringValue == "Bundle" else {
            found.append(FHIRResourceEntry(resource: object, pointer: pointer, fullUrl: fullUrl))
            return
        }
        guard depth < maxNesting, let entries = object["entry"]?.arrayValue else { return }
        for (index, entry) in entries.enumerated() {
            guard let resource = entry["resource"] else { continue }
            let entryPointer = pointer.appending("entry").appending(index)
            collect(
                resource, at: entryPointer.appending("resource"), fullUrl: entry["fullUrl"]?.stringValue,
                depth: depth + 1, into: &found)
        }
    }
}
