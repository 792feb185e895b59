import Foundation
import HTTPServer
import Testing

/// FHIR import and export on the real binary: the synthetic mCODE bundle of an extremity
/// myxofibrosarcoma (125 mm, G3, cN0, cM0) goes in, is staged, and comes back out as mCODE.
@Suite("FHIR import and export on the real binary")
struct FHIREndToEndTests {
    static let fixtures = ServiceProcess.packageRoot.appendingPathComponent("Tests/FHIRMappingTests/Fixtures")

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(relative), encoding: .utf8)
    }

    static func synthetic() throws -> [String: Any] {
        let data = try Data(
            contentsOf: fixtures.appendingPathComponent("sarcoma/Bundle-myxofibrosarcoma-extremity.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static let fhirJSON = [("Content-Type", "application/fhir+json")]

    @Test func importStageExportRoundTrip() throws {
        let service = try ServiceProcess()
        let bundle = try Self.text("sarcoma/Bundle-myxofibrosarcoma-extremity.json")

        let created = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: bundle)
        #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
        let id = try #require(created.object.string("id"))
        #expect(created.header("Location") == "/v1/cases/\(id)")
        #expect(created.header("ETag") != nil)
        #expect(created.object.string("status") == "created")
        #expect(created.object.string("externalId") == "https://ehr.example.org/cancer-registry|STS-2026-0001")
        #expect(created.object.object("case").object("tumor").string("histology") == "myxofibrosarcoma")
        #expect(
            created.object.array("mapped").contains {
                $0.string("target") == "/tumor/sizeCm" && $0.string("note") == "125 mm -> 12.5 cm"
            })
        #expect(created.object.array("ignored").contains { $0.string("resource") == "Observation/sts-ct-1" })
        // The source's own cT3 and stage IIIB agree with the engine: no warning about them. The
        // fixture's ECOG is dated 2026-10-05: once that is more than 30 days before the import day,
        // delta §9 adds performance_status_dated.
        let codes = Set(created.object.array("warnings").compactMap { $0.string("code") })
        #expect(codes.isSubset(of: ["performance_status_dated"]), "\(codes)")

        // Importing the same tumour again updates the case; no duplicate.
        let again = try service.send(
            "POST", "/v1/fhir/import", headers: [("Content-Type", "application/json")], body: bundle)
        #expect(again.status == 200)
        #expect(again.object.string("id") == id)
        #expect(again.object.string("status") == "updated")
        #expect(again.object.object("case").int("version") == 2)
        let list = try service.send(
            "GET", "/v1/cases?externalId=https%3A%2F%2Fehr.example.org%2Fcancer-registry%7CSTS-2026-0001")
        #expect(list.object.array("items").count == 1)

        // `docs/clinical/clinical-rules-2026.11-1.md` section 2, trunk/extremity: 12.5 cm is T3 (> 10, <= 15); T3 N0 M0 G3 is IIIB.
        let staging = try service.send("GET", "/v1/cases/\(id)/staging")
        #expect(staging.status == 200)
        #expect(staging.object.string("t") == "T3")
        #expect(staging.object.string("n") == "N0")
        #expect(staging.object.string("m") == "M0")
        #expect(staging.object.string("grade") == "G3")
        #expect(staging.object.string("stageGroup") == "IIIB")

        let export = try service.send("GET", "/v1/cases/\(id)/fhir?patient=Patient/sts-patient-1")
        #expect(export.status == 200)
        #expect(export.header("Content-Type") == "application/fhir+json")
        #expect(export.object.string("resourceType") == "Bundle")
        #expect(export.object.string("type") == "collection")
        let observations = export.object.array("entry").map { $0.object("resource") }
        let group = try #require(
            observations.first { $0.object("code").array("coding").first?.string("code") == "399537006" })
        #expect(group.object("valueCodeableConcept").string("text") == "Stage IIIB")
        #expect(group.object("valueCodeableConcept").array("coding").contains { $0.string("code") == "IIIB" })
        #expect(group.object("subject").string("reference") == "Patient/sts-patient-1")
        #expect(group.object("method").array("coding").first?.string("code") == "897275008")
        let t = try #require(
            observations.first { $0.object("code").array("coding").first?.string("code") == "399504009" })
        #expect(t.object("valueCodeableConcept").array("coding").first?.string("code") == "1228938002")  // cT3
        // mCODE STU3: focus 1..1, the primary Condition, by its identifier (the case's externalId).
        let focus = try #require(group.array("focus").first)
        #expect(focus.string("type") == "Condition")
        #expect(focus.object("identifier").string("value") == "STS-2026-0001")
        #expect(focus.object("identifier").string("system") == "https://ehr.example.org/cancer-registry")
        let named = try service.send(
            "GET", "/v1/cases/\(id)/fhir?patient=Patient/sts-patient-1&condition=Condition/sts-primary-1")
        let namedGroup = try #require(
            named.object.array("entry").map { $0.object("resource") }.first {
                $0.object("code").array("coding").first?.string("code") == "399537006"
            })
        #expect(namedGroup.array("focus").first?.string("reference") == "Condition/sts-primary-1")
    }

    /// The synthetic Bundle as another Bundle type, its Condition without an identifier.
    static func reshaped(_ type: String, keepIdentifier: Bool = false, fullUrls: Bool = true) throws -> String {
        var bundle = try synthetic()
        bundle["type"] = type
        var entries = try #require(bundle["entry"] as? [[String: Any]])
        for index in entries.indices {
            if !fullUrls { entries[index]["fullUrl"] = nil }
            if type == "searchset" { entries[index]["search"] = ["mode": "match"] }
            if type == "batch", let resource = entries[index]["resource"] as? [String: Any] {
                entries[index]["request"] = [
                    "method": "PUT", "url": "\(resource["resourceType"] ?? "")/\(resource["id"] ?? "")",
                ]
            }
        }
        if !keepIdentifier, var condition = entries[1]["resource"] as? [String: Any] {
            condition["identifier"] = nil
            entries[1]["resource"] = condition
        }
        if type == "document" {
            let composition: [String: Any] = [
                "resourceType": "Composition", "id": "sts-summary-1", "status": "final",
                "type": ["coding": [["system": "http://loinc.org", "code": "11506-3"]]],
                "subject": ["reference": "Patient/sts-patient-1"], "date": "2026-11-20",
                "title": "Tumour board summary",
                "author": [["display": "Tumour board"]],
            ]
            entries.insert(
                ["fullUrl": "https://ehr.example.org/fhir/Composition/sts-summary-1", "resource": composition], at: 0)
            bundle["identifier"] = ["system": "https://ehr.example.org/documents", "value": "doc-1"]
            bundle["timestamp"] = "2026-11-20T10:00:00Z"
        }
        if type == "searchset" { bundle["total"] = entries.count }
        bundle["entry"] = entries
        return try json(bundle)
    }

    /// What `Patient/$everything`, a FHIR search, a batch and a document hand over is imported
    /// like a collection; a Condition without an identifier is keyed by its fullUrl (or its
    /// id with its subject), so sending it again updates the case instead of adding one.
    @Test(arguments: ["searchset", "batch", "document"])
    func everyPatientBundleTypeImportsAndAReImportUpdates(type: String) throws {
        let service = try ServiceProcess()
        let body = try Self.reshaped(type)
        let created = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
        #expect(created.object.string("stageGroup") == "IIIB")
        #expect(created.object.string("externalId") == "https://ehr.example.org/fhir/Condition/sts-primary-1")
        #expect(created.object.array("warnings").contains { $0.string("code") == "external-id-from-resource" })
        #expect(created.object.array("mapped").first?.string("element") == "fullUrl")
        let id = try #require(created.object.string("id"))

        let again = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(again.status == 200)
        #expect(again.object.string("id") == id)
        #expect(again.object.string("status") == "updated")
        #expect(try service.send("GET", "/v1/cases").object.array("items").count == 1)
    }

    /// Without an identifier or a fullUrl that is unique beyond the server, nothing keys the
    /// case: a server-relative id may name another patient on another server, so a re-import
    /// creates a second case rather than risk replacing someone else's.
    @Test func withoutFullUrlsAServerRelativeIdIsNotAKey() throws {
        let service = try ServiceProcess()
        let body = try Self.reshaped("collection", fullUrls: false)
        let created = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
        #expect(created.object["externalId"] == nil || created.object.string("externalId") == nil)
        #expect(created.object.array("ignored").contains { $0.string("element") == "identifier" })
        let again = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(again.status == 201)
        #expect(again.object.string("id") != created.object.string("id"))
    }

    /// A paged search: the M Observation may be on the next page; nothing is stored.
    @Test func aSearchsetWithANextPageIsRefusedAndNothingIsStored() throws {
        let service = try ServiceProcess()
        var bundle =
            try JSONSerialization.jsonObject(with: Data(try Self.reshaped("searchset").utf8)) as? [String: Any] ?? [:]
        bundle["link"] = [
            ["relation": "self", "url": "https://ehr.example.org/fhir/Patient/sts-patient-1/$everything"],
            ["relation": "next", "url": "https://ehr.example.org/fhir/Patient/sts-patient-1/$everything?page=2"],
        ]
        let refused = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: try Self.json(bundle))
        #expect(refused.status == 422)
        #expect(refused.object.array("errors").first?.string("pointer") == "/link/1")
        #expect(try service.send("GET", "/v1/cases").object.array("items").isEmpty)
    }

    @Test func aReportedStageThatDisagreesIsRefusedAtTheSourceValue() throws {
        let service = try ServiceProcess()
        var bundle = try Self.synthetic()
        var entries = try #require(bundle["entry"] as? [[String: Any]])
        var sizeEntry = entries[2]
        var size = try #require(sizeEntry["resource"] as? [String: Any])
        var components = try #require(size["component"] as? [[String: Any]])
        components[0]["valueQuantity"] = [
            "value": 45, "unit": "mm", "system": "http://unitsofmeasure.org", "code": "mm",
        ]
        size["component"] = components
        sizeEntry["resource"] = size
        entries[2] = sizeEntry
        bundle["entry"] = entries

        let refused = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: try Self.json(bundle))
        // 4.5 cm is T1; T1 N0 M0 G3 is stage II (`docs/clinical/clinical-rules-2026.11-1.md` section 2), not the reported
        // cT3 / IIIB: a contradiction the service cannot settle, so nothing is stored.
        #expect(refused.status == 422)
        #expect(refused.header("Content-Type") == "application/problem+json")
        let errors = refused.object.array("errors")
        let t = try #require(errors.first { $0.string("detail")?.contains("reported-t-differs") == true })
        #expect(t.string("pointer") == "/entry/4/resource/valueCodeableConcept/coding/0")
        #expect(
            t.string("detail")?.contains("reports T3") == true && t.string("detail")?.contains("computes T1") == true)
        #expect(errors.contains { $0.string("detail")?.contains("reported-stage-group-differs") == true })
        let cases = try service.send("GET", "/v1/cases")
        #expect(cases.object.array("items").isEmpty)
    }

    @Test func malformedAndForeignPayloadsAreRefusedPrecisely() throws {
        let service = try ServiceProcess()

        let notJSON = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: "{\"resourceType\": ")
        #expect(notJSON.status == 400)
        #expect(notJSON.header("Content-Type") == "application/problem+json")

        let patient = try service.send(
            "POST", "/v1/fhir/import", headers: Self.fhirJSON,
            body: try Self.text("mcode/stu1-published-json/Patient-mCODEPatientExample01.json"))
        #expect(patient.status == 422)
        #expect(patient.object.array("errors").first?.string("pointer") == "/resourceType")

        let noCondition = try service.send(
            "POST", "/v1/fhir/import", headers: Self.fhirJSON,
            body:
                #"{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": "p"}}]}"#
        )
        #expect(noCondition.status == 422)
        #expect(noCondition.object.array("errors").first?.string("pointer") == "")
        #expect(
            noCondition.object.array("errors").first?.string("detail")?.contains("no primary cancer Condition") == true)

        let breast = try service.send(
            "POST", "/v1/fhir/import", headers: Self.fhirJSON,
            body: try Self.text("mcode/stu4-transcribed-from-fsh/Bundle-jenny-m-staging.json"))
        #expect(breast.status == 422)
        #expect(breast.object.string("title") == "The FHIR payload cannot be imported")
        #expect(breast.object.array("errors").first?.string("pointer") == "/entry/0/resource/code")
        #expect(breast.object.array("errors").first?.string("detail")?.contains("not a soft tissue sarcoma") == true)

        let history = try service.send(
            "POST", "/v1/fhir/import", headers: Self.fhirJSON,
            body: #"{"resourceType": "Bundle", "type": "history", "entry": []}"#)
        #expect(history.status == 422)
        #expect(history.object.array("errors").map { $0.string("pointer") } == ["/type", "/entry"])

        let xml = try service.send(
            "POST", "/v1/fhir/import", headers: [("Content-Type", "application/fhir+xml")], body: "<Bundle/>")
        #expect(xml.status == 415)

        // Nothing of the above was stored.
        #expect(try service.send("GET", "/v1/cases").object.array("items").isEmpty)
    }

    @Test func aCaseTheDecoderRefusesPointsIntoTheBundle() throws {
        let service = try ServiceProcess()
        let gist = try Self.text("sarcoma/Bundle-myxofibrosarcoma-extremity.json").replacingOccurrences(
            of: "8811/3", with: "8936/3")
        let refused = try service.send("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: gist)
        #expect(refused.status == 422)
        let error = try #require(refused.object.array("errors").first)
        #expect(error.string("pointer") == "/entry/1/resource/extension/0/valueCodeableConcept/coding/0")
        #expect(error.string("detail")?.contains("tumor.histology") == true)
        #expect(!refused.object.array("mapped").isEmpty)
    }

    @Test func anUnstageableCaseExportsADataAbsentReason() throws {
        let service = try ServiceProcess()
        let created = try service.send("POST", "/v1/cases", body: #"{"tumor": {"site": "trunk", "grade": 2}}"#)
        let id = try #require(created.object.string("id"))
        // The store keeps no FHIR ids: without ?patient the export asks for it; this case has no
        // externalId, so it asks for the Condition too.
        let noPatient = try service.send("GET", "/v1/cases/\(id)/fhir")
        #expect(noPatient.status == 400)
        #expect(noPatient.object.string("type") == "urn:sarcoma-guide:problem:fhir-export-reference-required")
        #expect(noPatient.object.string("detail")?.contains("?patient=Patient/<id>") == true)
        let noCondition = try service.send("GET", "/v1/cases/\(id)/fhir?patient=Patient/p1")
        #expect(noCondition.status == 400)
        #expect(noCondition.object.string("detail")?.contains("?condition=Condition/<id>") == true)
        let export = try service.send("GET", "/v1/cases/\(id)/fhir?patient=Patient/p1&condition=Condition/c1")
        #expect(export.status == 200)
        let observations = export.object.array("entry").map { $0.object("resource") }
        let group = try #require(
            observations.first { $0.object("code").array("coding").first?.string("code") == "399537006" })
        #expect(group["valueCodeableConcept"] == nil)
        #expect(group.object("dataAbsentReason").array("coding").first?.string("code") == "unknown")
        #expect(group.object("dataAbsentReason").string("text")?.isEmpty == false)
        #expect(group.object("subject").string("reference") == "Patient/p1")

        #expect(try service.send("GET", "/v1/cases/\(id)/fhir?patient=Observation/x").status == 400)
        #expect(try service.send("GET", "/v1/cases/\(id)/fhir?patient=Patient/p1&condition=Patient/x").status == 400)
        #expect(try service.send("GET", "/v1/cases/00000000-0000-0000-0000-000000000000/fhir").status == 404)
    }
}
