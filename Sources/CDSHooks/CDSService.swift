import JSON
import FHIRMapping
import SarcomaGuidelines

/// A CDS service this server offers (CDS Hooks 2.0.1, "Discovery"): its id (the last path
/// segment of `POST /cds-services/{id}`), the hook it answers and the FHIR R4 queries the
/// EHR should run and send along as prefetch.
package struct CDSService: Sendable {
    /// What a call's cards are about.
    package enum Kind: Sendable {
        /// Guidance for the patient's sarcoma: stage, margin plan, imaging, options.
        case patientView
        /// Checks drafted systemic-therapy orders against the palliative rules.
        case orderSelect
    }

    package let id: String
    package let hook: String
    package let title: String
    package let description: String
    package let kind: Kind
    package let prefetch: [(key: String, query: String)]

    package static let patientView = CDSService(
        id: "sarcoma-patient-view", hook: "patient-view",
        title: "Soft tissue sarcoma guidance",
        description:
            "Guideline-based guidance for the patient's soft tissue sarcoma: AJCC 8 stage, surgical margin plan, "
            + "imaging work-up, perioperative or palliative options, and the data that are missing for them.",
        kind: .patientView, prefetch: standardPrefetch)

    package static let orderSelect = CDSService(
        id: "sarcoma-order-select", hook: "order-select",
        title: "Sarcoma systemic-therapy order check",
        description: "Checks a drafted systemic-therapy order (MedicationRequest) against the palliative therapy rules "
            + "for the patient's soft tissue sarcoma and warns when the agent is not recommended, with the reason and the alternatives.",
        kind: .orderSelect, prefetch: standardPrefetch)

    package static let all: [CDSService] = [patientView, orderSelect]

    package static func named(_ id: String) -> CDSService? { all.first { $0.id == id } }

    /// The observations the case mapping reads (mCODE TNM categories and stage groups in
    /// LOINC and SNOMED CT, tumour size, histologic grade, ECOG): `FHIRMapping`'s own code
    /// tables, so the template cannot ask for less than the mapper uses.
    package static var observationCodes: String { ObservationCodes.searchToken }

    /// Prefetch keys both services ask for; what the EHR cannot send it leaves out or sends
    /// as null, and the cards then say what is missing.
    package static let standardPrefetch: [(key: String, query: String)] = [
        ("patient", "Patient/{{context.patientId}}"),
        ("conditions", "Condition?patient={{context.patientId}}"),
        ("observations", "Observation?patient={{context.patientId}}&code=" + observationCodes),
        ("medicationRequests", "MedicationRequest?patient={{context.patientId}}"),
        ("medicationStatements", "MedicationStatement?patient={{context.patientId}}"),
    ]

    /// This service's entry in the discovery document.
    package var discoveryJSON: JSONValue {
        var prefetchObject = JSONObject()
        for (key, query) in prefetch { prefetchObject[key] = .string(query) }
        return .object(
            JSONObject([
                ("hook", .string(hook)),
                ("title", .string(title)),
                ("description", .string(description)),
                ("id", .string(id)),
                ("prefetch", .object(prefetchObject)),
            ]))
    }

    /// `GET /cds-services`.
    package static var discoveryDocument: JSONValue {
        .object(JSONObject([("services", .array(all.map(\.discoveryJSON)))]))
    }
}
