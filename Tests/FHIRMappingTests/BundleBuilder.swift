import JSON
import SarcomaGuidelines
@testable import FHIRMapping

/// Small mCODE-shaped resources for rule tests, written like the fixtures.
enum BundleBuilder {
    static func bundle(_ resources: [JSONValue]) -> JSONValue {
        let entries = resources.enumerated().map { index, resource -> JSONValue in
            [
                "fullUrl": .string("urn:uuid:00000000-0000-4000-8000-\(String(repeating: "0", count: 11))\(index)"),
                "resource": resource,
            ]
        }
        return ["resourceType": "Bundle", "type": "collection", "entry": .array(entries)]
    }

    static func map(_ resources: [JSONValue], referenceDate: String? = nil) -> FHIRCaseMapping {
        FHIRCaseMapper(referenceDate: referenceDate).map(entries: FHIRResources.locate(bundle(resources)))
    }

    static func condition(
        id: String = "c1", icdO3: String? = "8811/3", bodySite: String? = "61685007",
        icd10: String? = nil, profile: String = "mcode-primary-cancer-condition",
        subject: String = "Patient/p1"
    ) -> JSONValue {
        var object: JSONObject = [
            "resourceType": "Condition", "id": .string(id),
            "meta": ["profile": [.string("http://hl7.org/fhir/us/mcode/StructureDefinition/\(profile)")]],
        ]
        if let icdO3 {
            object["extension"] = [
                [
                    "url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                    "valueCodeableConcept": [
                        "coding": [["system": .string(FHIRSystem.icdO3), "code": .string(icdO3)]]
                    ],
                ]
            ]
        }
        object["code"] =
            icd10.map { ["coding": [["system": .string(FHIRSystem.icd10CM), "code": .string($0)]]] }
            ?? ["text": "Soft tissue sarcoma"]
        if let bodySite {
            object["bodySite"] = [["coding": [["system": .string(FHIRSystem.snomed), "code": .string(bodySite)]]]]
        }
        object["subject"] = ["reference": .string(subject)]
        return .object(object)
    }

    static func size(
        id: String = "s1", _ value: Double, unit: String = "mm", system: String? = FHIRSystem.ucum,
        subject: String = "Patient/p1"
    ) -> JSONValue {
        var quantity: JSONObject = ["value": .number(value), "unit": .string(unit), "code": .string(unit)]
        quantity["system"] = system.map(JSONValue.string)
        return [
            "resourceType": "Observation", "id": .string(id), "status": "final",
            "code": ["coding": [["system": .string(FHIRSystem.loinc), "code": "21889-1"]]],
            "subject": ["reference": .string(subject)],
            "component": [
                [
                    "code": ["coding": [["system": .string(FHIRSystem.loinc), "code": "33728-7"]]],
                    "valueQuantity": .object(quantity),
                ]
            ],
        ]
    }

    /// A TNM category observation, SNOMED-coded (mCODE STU3+) or LOINC/AJCC (STU1).
    static func category(
        id: String, snomedCode: String? = nil, loincCode: String? = nil,
        value: (system: String, code: String), status: String = "final",
        subject: String = "Patient/p1"
    ) -> JSONValue {
        let code: JSONValue =
            snomedCode.map { ["coding": [["system": .string(FHIRSystem.snomed), "code": .string($0)]]] }
            ?? ["coding": [["system": .string(FHIRSystem.loinc), "code": .string(loincCode ?? "")]]]
        return [
            "resourceType": "Observation", "id": .string(id), "status": .string(status), "code": code,
            "subject": ["reference": .string(subject)],
            "valueCodeableConcept": ["coding": [["system": .string(value.system), "code": .string(value.code)]]],
        ]
    }

    static func grade(id: String = "g1", snomed: String) -> JSONValue {
        [
            "resourceType": "Observation", "id": .string(id), "status": "final",
            "code": ["coding": [["system": .string(FHIRSystem.ncit), "code": "C18000"]]],
            "subject": ["reference": "Patient/p1"],
            "valueCodeableConcept": ["coding": [["system": .string(FHIRSystem.snomed), "code": .string(snomed)]]],
        ]
    }
}
