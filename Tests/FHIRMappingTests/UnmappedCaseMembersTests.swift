import JSON
import Testing
@testable import FHIRMapping

/// Contract delta §9: the new `disease` members and the biomarkers have no FHIR mapping in this
/// release; a Bundle element that may carry one is listed under `ignored` with a note naming the
/// case members to enter through the case API. Elements that carry none get no such note.
@Suite("Members without a FHIR mapping (contract delta §9)")
struct UnmappedCaseMembersTests {
    static func resource(_ type: String, code: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "resourceType": .string(type), "id": "r1", "status": "completed", "subject": ["reference": "Patient/p1"],
        ]
        if let code {
            object["status"] = "final"
            object["code"] = ["coding": [["system": .string(FHIRSystem.loinc), "code": .string(code)]]]
        }
        return .object(object)
    }

    /// (resource, a member its note names, or nil for no note).
    static let rows: [(type: String, code: String?, names: String?)] = [
        ("MedicationStatement", nil, "disease.cumulativeDoxorubicinMgM2"),
        ("MedicationAdministration", nil, "disease.progressedOnAgents"),
        ("MedicationRequest", nil, "disease.priorCardiotoxicTherapy"),
        ("Procedure", nil, "disease.priorResection"),
        ("Procedure", nil, "disease.priorRadiotherapy"),
        // An Observation the mapper does not read (here an arbitrary LOINC code): may be a biomarker.
        ("Observation", "0000-0", "tumor.biomarkers"),
        ("Encounter", nil, nil),
    ]

    @Test("the ignored reason names the members to enter through the case API", arguments: rows)
    func ignoredNote(type: String, code: String?, names: String?) throws {
        let mapping = BundleBuilder.map([BundleBuilder.condition(), Self.resource(type, code: code)])
        let ignored = try #require(mapping.ignored.first { $0.resource.hasPrefix(type) })
        if let names {
            #expect(ignored.reason.contains(names))
            #expect(ignored.reason.contains("enter that through the case API (PUT /v1/cases/{id})"))
        } else {
            #expect(!ignored.reason.contains("case API"))
        }
        #expect(mapping.issues.isEmpty)
    }
}
