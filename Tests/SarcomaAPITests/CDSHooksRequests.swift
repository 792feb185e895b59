import Foundation

/// CDS Hooks request bodies for tests: mCODE-shaped prefetch for a sarcoma patient and
/// drafted MedicationRequests.
enum CDSHooksRequests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: ServiceFixture.root.appendingPathComponent("Tests/Fixtures/cds-hooks/\(name)"))
    }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func bundle(_ resources: [[String: Any]]) -> [String: Any] {
        ["resourceType": "Bundle", "type": "searchset", "entry": resources.map { ["resource": $0] }]
    }

    /// An mCODE primary cancer condition: histology in the code (ICD-O-3 morphology and
    /// text), body site in `bodySite`.
    static func condition(histology: String, morphology: String, bodySite: String, bodySiteCode: String) -> [String:
        Any]
    {
        [
            "resourceType": "Condition", "id": "primary",
            "subject": ["reference": "Patient/p1"],
            "clinicalStatus": [
                "coding": [["system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"]]
            ],
            "verificationStatus": [
                "coding": [
                    ["system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"]
                ]
            ],
            "category": [
                [
                    "coding": [
                        [
                            "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                            "code": "problem-list-item",
                        ]
                    ]
                ]
            ],
            "extension": [
                [
                    "url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                    "valueCodeableConcept": [
                        "coding": [
                            [
                                "system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": morphology,
                                "display": histology,
                            ]
                        ], "text": histology,
                    ],
                ]
            ],
            "code": [
                "coding": [
                    [
                        "system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": morphology,
                        "display": histology,
                    ]
                ],
                "text": histology,
            ],
            "bodySite": [
                [
                    "coding": [["system": "http://snomed.info/sct", "code": bodySiteCode, "display": bodySite]],
                    "text": bodySite,
                ]
            ],
        ]
    }

    static func observation(loinc: String, display: String, value: [String: Any]) -> [String: Any] {
        var resource: [String: Any] = [
            "resourceType": "Observation", "id": "obs-\(loinc)", "status": "final",
            "subject": ["reference": "Patient/p1"],
            "code": ["coding": [["system": "http://loinc.org", "code": loinc, "display": display]]],
        ]
        for (key, item) in value { resource[key] = item }
        return resource
    }

    /// Today in UTC, `YYYY-MM-DD`.
    static var today: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    /// Metastatic dedifferentiated liposarcoma of the retroperitoneum, 22 cm, cM1, ECOG 1.
    static func liposarcomaPrefetch(sizeCm: Double? = 22) -> [String: Any] {
        var observations = [
            observation(
                loinc: "21907-1", display: "Distant metastases.clinical [Class] Cancer",
                value: [
                    "valueCodeableConcept": [
                        "coding": [["system": "http://cancerstaging.org", "code": "cM1", "display": "M1"]],
                        "text": "M1",
                    ]
                ]),
            observation(
                loinc: "21906-3", display: "Regional lymph nodes.clinical [Class] Cancer",
                value: [
                    "valueCodeableConcept": [
                        "coding": [["system": "http://cancerstaging.org", "code": "cN0", "display": "N0"]],
                        "text": "N0",
                    ]
                ]),
            // Measured today: an undated or older ECOG is a caution of its own (delta §9, CDSHooksPackTwoTests).
            observation(
                loinc: "89247-1", display: "ECOG Performance Status score",
                value: ["valueInteger": 1, "effectiveDateTime": today]),
        ]
        if let sizeCm {
            observations.append(
                observation(
                    loinc: "21889-1", display: "Size Tumor",
                    value: [
                        "valueQuantity": [
                            "value": sizeCm, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm",
                        ]
                    ]))
        }
        return [
            "patient": ["resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1965-03-01"],
            "conditions": bundle([
                condition(
                    histology: "Dedifferentiated liposarcoma", morphology: "8858/3",
                    bodySite: "Retroperitoneum", bodySiteCode: "82849001")
            ]),
            "observations": bundle(observations),
            "medicationRequests": NSNull(),
        ]
    }

    /// Metastatic (cM1) leiomyosarcoma of the retroperitoneum, 12 cm, ECOG 1; `given` are
    /// MedicationStatements (name, status) of earlier systemic therapy.
    static func leiomyosarcomaPrefetch(given: [(String, String)] = []) -> [String: Any] {
        var prefetch = liposarcomaPrefetch(sizeCm: 12)
        prefetch["conditions"] = bundle([
            condition(
                histology: "Leiomyosarcoma", morphology: "8890/3",
                bodySite: "Retroperitoneum", bodySiteCode: "82849001")
        ])
        prefetch["medicationStatements"] = bundle(
            given.enumerated().map { index, item in
                [
                    "resourceType": "MedicationStatement", "id": "ms\(index)", "status": item.1,
                    "subject": ["reference": "Patient/p1"], "medicationCodeableConcept": ["text": item.0],
                ]
            })
        return prefetch
    }

    /// The liposarcoma with cM0 instead of cM1: advanced only if not resectable, which the
    /// record does not say.
    static func localizedLiposarcomaPrefetch() -> [String: Any] {
        var prefetch = liposarcomaPrefetch()
        var observations = (prefetch["observations"] as? [String: Any])?["entry"] as? [[String: Any]] ?? []
        observations[0] = [
            "resource": observation(
                loinc: "21907-1", display: "Distant metastases.clinical [Class] Cancer",
                value: [
                    "valueCodeableConcept": [
                        "coding": [["system": "http://cancerstaging.org", "code": "cM0", "display": "M0"]],
                        "text": "M0",
                    ]
                ])
        ]
        prefetch["observations"] = ["resourceType": "Bundle", "type": "searchset", "entry": observations]
        return prefetch
    }

    static func medicationRequest(id: String, name: String, status: String = "draft") -> [String: Any] {
        [
            "resourceType": "MedicationRequest", "id": id, "status": status, "intent": "proposal",
            "subject": ["reference": "Patient/p1"],
            "medicationCodeableConcept": ["text": name],
        ]
    }

    static func patientView(prefetch: [String: Any]?) -> String {
        var body: [String: Any] = [
            "hook": "patient-view", "hookInstance": UUID().uuidString,
            "context": ["userId": "Practitioner/1", "patientId": "p1"],
        ]
        if let prefetch { body["prefetch"] = prefetch }
        return json(body)
    }

    static func orderSelect(orders: [[String: Any]], selections: [String]? = nil, prefetch: [String: Any]?) -> String {
        var body: [String: Any] = [
            "hook": "order-select", "hookInstance": UUID().uuidString,
            "context": [
                "userId": "Practitioner/1", "patientId": "p1",
                "selections": selections ?? orders.map { "MedicationRequest/\($0["id"] ?? "")" },
                "draftOrders": [
                    "resourceType": "Bundle", "type": "collection", "entry": orders.map { ["resource": $0] },
                ],
            ],
        ]
        if let prefetch { body["prefetch"] = prefetch }
        return json(body)
    }
}
