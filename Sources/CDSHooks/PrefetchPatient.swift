import JSON
import FHIRMapping
import SarcomaGuidelines

/// The wrong-patient guard: a CDS call is about `context.patientId`, and no card may be
/// computed from another patient's chart. An EHR that mixes patients in one prefetch (a
/// cached bundle, a query without the patient filter) is refused with the place where the
/// other patient's resource sits, never cards. Identifiers are not echoed: they are patient data.
package enum PrefetchPatient {
    /// The first prefetch resource about another patient.
    package struct WrongPatient: Error, Sendable {
        package let pointer: JSONPointer
    }

    /// Every prefetch resource that names a patient (a Patient's id; `subject` or `patient`
    /// references to a Patient) names `Patient/<patientId>`.
    package static func check(_ entries: [FHIRResourceEntry], patientId: String) throws(WrongPatient) {
        var fullUrls: [String: String] = [:]
        for entry in entries {
            if let fullUrl = entry.fullUrl, let type = entry.resourceType, let id = entry.id {
                fullUrls[fullUrl] = "\(type)/\(id)"
            }
        }
        let expected = "Patient/\(patientId)"
        for entry in entries {
            if entry.resourceType == "Patient" {
                if let id = entry.id, id != patientId { throw WrongPatient(pointer: entry.pointer("id")) }
                continue
            }
            for member in ["subject", "patient"] {
                guard let reference = entry.resource[member]?["reference"]?.stringValue else { continue }
                let normalized = SubjectReference.normalize(reference, fullUrls)
                if normalized.hasPrefix("Patient/"), normalized != expected {
                    throw WrongPatient(pointer: entry.pointer(member, "reference"))
                }
            }
        }
    }
}
