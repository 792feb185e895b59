import JSON
import FHIRMapping
import SarcomaGuidelines

/// The wrong-patient guard: a CDS call is about `context.patientId`, and no card may be
/// computed from another patient's chart. An EHR that mixes patients in one prefetch (a
/// cached bundle, a query without the patient filter) gets a 400 naming where the other
/// patient's resource sits, never cards. Identifiers are not echoed: they are patient data.
enum PrefetchPatient {
    /// Every prefetch resource that names a patient (a Patient's id; `subject` or `patient`
    /// references to a Patient) names `Patient/<patientId>`.
    static func check(_ entries: [FHIRResourceEntry], patientId: String) throws(Problem) {
        var fullUrls: [String: String] = [:]
        for entry in entries {
            if let fullUrl = entry.fullUrl, let type = entry.resourceType, let id = entry.id { fullUrls[fullUrl] = "\(type)/\(id)" }
        }
        let expected = "Patient/\(patientId)"
        for entry in entries {
            if entry.resourceType == "Patient" {
                if let id = entry.id, id != patientId { throw wrongPatient(entry.pointer("id")) }
                continue
            }
            for member in ["subject", "patient"] {
                guard let reference = entry.resource[member]?["reference"]?.stringValue else { continue }
                let normalized = SubjectReference.normalize(reference, fullUrls)
                if normalized.hasPrefix("Patient/"), normalized != expected {
                    throw wrongPatient(entry.pointer(member, "reference"))
                }
            }
        }
    }

    static func wrongPatient(_ pointer: JSONPointer) -> Problem {
        Problem(status: 400, slug: "cds-prefetch-wrong-patient", title: "Prefetch about another patient",
                detail: "the prefetch resource at \(pointer) is about another patient than context.patientId: "
                    + "no guidance is computed from another patient's record; send prefetch for context.patientId only")
    }
}
