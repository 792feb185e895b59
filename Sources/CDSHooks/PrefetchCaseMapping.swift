import JSON
import FHIRMapping
import SarcomaGuidelines

/// Prefetch -> `FHIRCaseMapping`, through the `FHIRMapping` module (the same mCODE mapping
/// as `POST /v1/fhir/import`). Every prefetch value (a resource or a Bundle) is opened, and
/// each resource keeps a pointer into the request (`/prefetch/conditions/entry/0/resource`),
/// so what the mapper says can be traced to what the EHR sent.
package enum PrefetchCaseMapping {
    package static func entries(in prefetch: JSONObject) -> [FHIRResourceEntry] {
        prefetch.members.flatMap { member in
            FHIRResources.locate(member.value).compactMap { entry -> FHIRResourceEntry? in
                // A failed prefetch query comes back as an OperationOutcome: no patient data.
                guard entry.resourceType != "OperationOutcome" else { return nil }
                return FHIRResourceEntry(
                    resource: entry.resource,
                    pointer: JSONPointer(tokens: ["prefetch", member.key] + entry.pointer.tokens),
                    fullUrl: entry.fullUrl)
            }
        }
    }

    /// Maps the entries; ages are computed for `referenceDate` (`YYYY-MM-DD`, the day the EHR
    /// asks; nil leaves the age unmapped). The caller owns the clock.
    package static func map(_ entries: [FHIRResourceEntry], referenceDate: String?) -> FHIRCaseMapping {
        FHIRCaseMapper(referenceDate: referenceDate).map(entries: entries)
    }
}
