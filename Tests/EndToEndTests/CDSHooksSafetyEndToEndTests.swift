import Foundation
import HTTPServer
import Testing

/// The CDS Hooks safety defects of issue 9, each with the request that showed it, on the real
/// binary: a prefetch made exactly from the discovery template (SNOMED CT coded mCODE STU3
/// observations), assumed M0 / N0, another patient's resources, an inactive sarcoma.
@Suite("CDS Hooks safety on the real binary")
struct CDSHooksSafetyEndToEndTests {
    static let path = "/cds-services/sarcoma-patient-view"
    static let snomed = "http://snomed.info/sct"
    static let loinc = "http://loinc.org"

    /// A dedifferentiated liposarcoma of the lower limb (ICD-10 C49.2, ICD-O-3 8858/3).
    static func condition(patient: String = "p1", clinicalStatus: String? = nil) -> [String: Any] {
        var condition: [String: Any] = [
            "resourceType": "Condition", "id": "c1", "subject": ["reference": "Patient/\(patient)"],
            "extension": [
                [
                    "url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                    "valueCodeableConcept": [
                        "coding": [["system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": "8858/3"]]
                    ],
                ]
            ],
            "code": ["coding": [["system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C49.2"]]],
        ]
        if let clinicalStatus {
            condition["clinicalStatus"] = [
                "coding": [
                    [
                        "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                        "code": clinicalStatus,
                    ]
                ]
            ]
        }
        return condition
    }

    /// An mCODE STU3-style observation: SNOMED CT observable, SNOMED CT AJCC value.
    static func category(_ id: String, code: String, value: String, patient: String = "p1") -> [String: Any] {
        [
            "resourceType": "Observation", "id": id, "status": "final", "subject": ["reference": "Patient/\(patient)"],
            "code": ["coding": [["system": snomed, "code": code]]],
            "valueCodeableConcept": ["coding": [["system": snomed, "code": value]]],
        ]
    }

    /// The patient's whole chart of observations: cN0 and cM1 (SNOMED CT), a 12 cm greatest
    /// dimension (LOINC 33728-7), grade G3 (NCIT C18000 with the SNOMED CT AJCC G3 value), and
    /// an unrelated haemoglobin. With M1 the answer is stage IV, palliative; never surgery.
    static func chart(nodes: Bool = true, metastasis: String? = "1229903009") -> [[String: Any]] {
        var observations: [[String: Any]] = [
            [
                "resourceType": "Observation", "id": "size", "status": "final", "subject": ["reference": "Patient/p1"],
                "code": ["coding": [["system": loinc, "code": "33728-7"]]],
                "valueQuantity": ["value": 12, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"],
            ],
            [
                "resourceType": "Observation", "id": "grade", "status": "final", "subject": ["reference": "Patient/p1"],
                "code": [
                    "coding": [["system": "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "code": "C18000"]]
                ],
                "valueCodeableConcept": ["coding": [["system": snomed, "code": "1228851006"]]],
            ],
            [
                "resourceType": "Observation", "id": "hb", "status": "final", "subject": ["reference": "Patient/p1"],
                "code": ["coding": [["system": loinc, "code": "718-7"]]],
                "valueQuantity": ["value": 13.1, "unit": "g/dL"],
            ],
        ]
        if nodes { observations.append(category("n", code: "399534004", value: "1229967007")) }  // cN category: cN0
        if let metastasis { observations.append(category("m", code: "399387003", value: metastasis)) }  // cM category
        return observations
    }

    static func body(
        patientId: String? = "p1", patient: String = "p1", conditions: [[String: Any]] = [condition()],
        observations: [[String: Any]]
    ) -> String {
        var context: [String: Any] = ["userId": "Practitioner/1"]
        if let patientId { context["patientId"] = patientId }
        let bundle = { (resources: [[String: Any]]) -> [String: Any] in
            ["resourceType": "Bundle", "type": "searchset", "entry": resources.map { ["resource": $0] }]
        }
        let request: [String: Any] = [
            "hook": "patient-view", "hookInstance": UUID().uuidString, "context": context,
            "prefetch": [
                "patient": ["resourceType": "Patient", "id": patient, "birthDate": "1961-04-02"],
                "conditions": bundle(conditions), "observations": bundle(observations),
            ],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: request), as: UTF8.self)
    }

    static func cards(_ text: String) -> [[String: Any]] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any])?["cards"] as? [[String: Any]]
            ?? []
    }

    static func summaries(_ text: String) -> [String] { cards(text).compactMap { $0["summary"] as? String } }

    /// The `code=` tokens (`system|code`) of the discovery document's observations query.
    static func templateCodes(_ discovery: String) throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(discovery.utf8)) as? [String: Any])
        let services = try #require(document["services"] as? [[String: Any]])
        let view = try #require(services.first { $0["id"] as? String == "sarcoma-patient-view" })
        let query = try #require((view["prefetch"] as? [String: String])?["observations"])
        let codes = try #require(query.split(separator: "&").first { $0.hasPrefix("code=") })
        return Set(codes.dropFirst(5).split(separator: ",").map(String.init))
    }

    /// What an EHR's `Observation?code=a,b` search returns: those of the chart with a listed code.
    static func searched(_ chart: [[String: Any]], codes: Set<String>) -> [[String: Any]] {
        chart.filter { observation in
            let codings = ((observation["code"] as? [String: Any])?["coding"] as? [[String: Any]]) ?? []
            return codings.contains {
                codes.contains("\($0["system"] as? String ?? "")|\($0["code"] as? String ?? "")")
            }
        }
    }

    @Test func aPrefetchMadeExactlyFromTheTemplateGetsTheSameStageAndCardsAsTheWholeChart() throws {
        let service = try ServiceProcess()
        let discovery = try service.send("GET", "/cds-services")
        let codes = try Self.templateCodes(discovery.text)
        // The codes of the issue's report that the template lacked.
        for code in ["399537006", "399504009", "399534004", "399387003"] {
            #expect(codes.contains("\(Self.snomed)|\(code)"), "\(code)")
        }
        for code in ["33728-7", "21858-6", "33732-9", "21889-1", "89247-1"] {
            #expect(codes.contains("\(Self.loinc)|\(code)"), "\(code)")
        }
        let templated = Self.searched(Self.chart(), codes: codes)
        #expect(templated.count == 4, "every sarcoma observation is requested, the haemoglobin is not")
        let exact = try service.send("POST", Self.path, body: Self.body(observations: templated))
        let everything = try service.send("POST", Self.path, body: Self.body(observations: Self.chart()))
        #expect(exact.status == 200, "\(exact.text)")
        #expect(Self.summaries(exact.text) == Self.summaries(everything.text))
        let summaries = Self.summaries(exact.text)
        // Pack 2026.12-1 (delta §9): "AJCC IV" on the stage card, the systemic card, no local treatment.
        #expect(summaries.contains { $0.contains("AJCC IV") && $0.contains("M1") }, "\(summaries)")
        #expect(summaries.contains { $0.hasPrefix("Systemic") }, "\(summaries)")
        #expect(!summaries.contains { $0.contains("Local treatment") || $0.contains("surgery") }, "\(summaries)")
        #expect(service.stop() == 0)
    }

    @Test func withoutMetastasisStatusTheOnlyCardIsTheMissingDataWarning() throws {
        let service = try ServiceProcess()
        let response = try service.send("POST", Self.path, body: Self.body(observations: Self.chart(metastasis: nil)))
        #expect(response.status == 200, "\(response.text)")
        let cards = Self.cards(response.text)
        #expect(cards.count == 1, "\(response.text)")
        #expect(cards.first?["indicator"] as? String == "warning")
        #expect(
            (cards.first?["summary"] as? String)?.contains("metastasis status (M) is not in the record") == true,
            "\(response.text)")
        #expect(
            !response.text.contains("Local treatment") && !response.text.contains("Surgical plan")
                && !response.text.contains("Systemic"))
        #expect(service.stop() == 0)
    }

    @Test func withoutNodalStatusThatWouldChangeTheStageGroupNoGuidanceIsGiven() throws {
        let service = try ServiceProcess()
        // Extremity T3 M0 G3: N0 is IIIB, N1 is IV, so an assumed N0 would mis-stage.
        let missing = try service.send(
            "POST", Self.path, body: Self.body(observations: Self.chart(nodes: false, metastasis: "1229901006")))
        let cards = Self.cards(missing.text)
        #expect(cards.count == 1, "\(missing.text)")
        #expect((cards.first?["detail"] as? String)?.contains("`/tumor/nodes`") == true, "\(missing.text)")
        #expect(!missing.text.contains("Local treatment") && !missing.text.contains("Surgical plan"))
        // Both stated (cN0, cM0): the usual cards.
        let stated = try service.send(
            "POST", Self.path, body: Self.body(observations: Self.chart(metastasis: "1229901006")))
        let summaries = Self.summaries(stated.text)
        #expect(summaries.contains { $0.contains("AJCC IIIB") }, "\(summaries)")
        #expect(summaries.contains { $0.hasPrefix("Surgical plan") }, "\(summaries)")
        #expect(service.stop() == 0)
    }

    @Test func anotherPatientsResourcesOrNoPatientIdGetNoCards() throws {
        let service = try ServiceProcess()
        let otherPatient = try service.send(
            "POST", Self.path, body: Self.body(patient: "p2", observations: Self.chart()))
        #expect(otherPatient.status == 400, "\(otherPatient.text)")
        #expect(otherPatient.text.contains("urn:sarcoma-guide:problem:cds-prefetch-wrong-patient"))
        #expect(otherPatient.text.contains("/prefetch/patient/id"), "\(otherPatient.text)")
        var chart = Self.chart()
        chart.append(Self.category("m2", code: "399387003", value: "1229901006", patient: "p2"))
        let otherObservation = try service.send("POST", Self.path, body: Self.body(observations: chart))
        #expect(otherObservation.status == 400, "\(otherObservation.text)")
        #expect(
            otherObservation.text.contains("/prefetch/observations/entry/5/resource/subject/reference"),
            "\(otherObservation.text)")
        #expect(!otherObservation.text.contains("p2"), "no identifier echoed")
        let otherCondition = try service.send(
            "POST", Self.path,
            body: Self.body(conditions: [Self.condition(patient: "p2")], observations: Self.chart()))
        #expect(otherCondition.status == 400, "\(otherCondition.text)")
        let noPatientId = try service.send(
            "POST", Self.path, body: Self.body(patientId: nil, observations: Self.chart()))
        #expect(noPatientId.status == 400, "\(noPatientId.text)")
        #expect(noPatientId.text.contains("context.patientId"), "\(noPatientId.text)")
        #expect(service.stop() == 0)
    }

    @Test(arguments: ["resolved", "remission", "inactive"])
    func anInactiveSarcomaIsSaidNotTreated(status: String) throws {
        let service = try ServiceProcess()
        let response = try service.send(
            "POST", Self.path,
            body: Self.body(conditions: [Self.condition(clinicalStatus: status)], observations: Self.chart()))
        let cards = Self.cards(response.text)
        #expect(cards.count == 1, "\(response.text)")
        #expect(
            (cards.first?["summary"] as? String)?.contains("clinicalStatus is '\(status)'") == true, "\(response.text)")
        // A recurrence is active: the usual cards.
        let recurrence = try service.send(
            "POST", Self.path,
            body: Self.body(conditions: [Self.condition(clinicalStatus: "recurrence")], observations: Self.chart()))
        #expect(Self.summaries(recurrence.text).contains { $0.contains("AJCC IV") }, "\(recurrence.text)")
        // FHIR import refuses the inactive one: 422 at its clinicalStatus.
        let bundle: [String: Any] = [
            "resourceType": "Bundle", "type": "collection",
            "entry": [["resource": Self.condition(clinicalStatus: status)]],
        ]
        let imported = try service.send(
            "POST", "/v1/fhir/import", headers: [("Content-Type", "application/fhir+json")],
            body: String(decoding: try JSONSerialization.data(withJSONObject: bundle), as: UTF8.self))
        #expect(imported.status == 422, "\(imported.text)")
        #expect(imported.text.contains("/entry/0/resource/clinicalStatus"), "\(imported.text)")
        #expect(service.stop() == 0)
    }
}
