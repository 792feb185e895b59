import Foundation
import HTTPServer
import Locking
import Testing
@testable import SarcomaAPI

/// The FHIR routes in process: order of checks around the write, create-or-update under
/// concurrency, and the export's media type.
@Suite("FHIR routes in process")
struct FHIRRoutesTests {
    static let bundle: String = {
        let url = ServiceFixture.root.appendingPathComponent(
            "Tests/FHIRMappingTests/Fixtures/sarcoma/Bundle-myxofibrosarcoma-extremity.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    static let fhirJSON = [("Content-Type", "application/fhir+json")]

    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    static func caseCount(_ fixture: ServiceFixture) -> Int {
        (object(fixture.handle("GET", "/v1/cases"))["items"] as? [Any])?.count ?? -1
    }

    /// The fixture without the resources whose ids are given (e.g. the reported cT and stage
    /// group, so a changed fact is not refused as a contradiction).
    static func bundle(without ids: Set<String>, replacing: [(String, String)] = []) -> String {
        var text = bundle
        for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
        guard var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let entries = object["entry"] as? [[String: Any]]
        else { return "" }
        object["entry"] = entries.filter { !ids.contains(($0["resource"] as? [String: Any])?["id"] as? String ?? "") }
        return (try? JSONSerialization.data(withJSONObject: object)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func errors(_ response: HTTPResponse) -> [(pointer: String, detail: String)] {
        (object(response)["errors"] as? [[String: Any]] ?? []).map {
            ($0["pointer"] as? String ?? "", $0["detail"] as? String ?? "")
        }
    }

    static func warningCodes(_ response: HTTPResponse) -> [String] {
        (object(response)["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    /// The reviewer's case: SNOMED cM1a. Before, it was left out as unknown and the case was
    /// stored M0, stage IIIB. It is M1 (AJCC 8 soft tissue sarcoma has no M1 subcategories).
    @Test func cM1aIsStoredAsM1AndStagedIV() throws {
        let fixture = try ServiceFixture()
        let body = Self.bundle(without: ["sts-stage-group-1"], replacing: [(#""1229901006""#, #""1229904003""#)])
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(imported.status == 201)
        #expect(Self.object(imported)["stageGroup"] as? String == "IV")
        #expect(
            ((Self.object(imported)["case"] as? [String: Any])?["tumor"] as? [String: Any])?["metastasis"] as? String
                == "M1")
    }

    @Test func anUnreadableMetastasisIsA422AtTheValueAndNothingIsStored() throws {
        let fixture = try ServiceFixture()
        let body = Self.bundle(without: [], replacing: [(#""1229901006""#, #""1229999999""#)])
        let refused = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(refused.status == 422)
        #expect(Self.errors(refused).map(\.pointer) == ["/entry/6/resource/valueCodeableConcept"])
        #expect(Self.caseCount(fixture) == 0)
    }

    @Test func aPreliminaryMetastasisIsA422AtItsStatus() throws {
        let fixture = try ServiceFixture()
        var body = Self.bundle(without: [])
        // The cM observation is the only one whose status we change: edit it as JSON.
        var object = try #require((try JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any])
        var entries = try #require(object["entry"] as? [[String: Any]])
        var resource = try #require(entries[6]["resource"] as? [String: Any])
        #expect(resource["id"] as? String == "sts-cm-1")
        resource["status"] = "preliminary"
        entries[6]["resource"] = resource
        object["entry"] = entries
        body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let refused = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(refused.status == 422)
        #expect(Self.errors(refused).map(\.pointer) == ["/entry/6/resource/status"])
    }

    /// A reported T and stage group that contradict the computed ones are refused at the
    /// source values, with both values named; before, the case was stored with a warning.
    @Test func aContradictingReportedTAndStageGroupAreA422() throws {
        let fixture = try ServiceFixture()
        let body = Self.bundle.replacingOccurrences(
            of: #""value": 125, "unit": "mm""#, with: #""value": 45, "unit": "mm""#)
        let refused = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(refused.status == 422)
        let errors = Self.errors(refused)
        #expect(errors.map(\.pointer).contains("/entry/4/resource/valueCodeableConcept/coding/0"))
        #expect(
            errors.contains {
                $0.detail.contains("reported-t-differs") && $0.detail.contains("T3")
                    && $0.detail.contains("computes T1")
            })
        #expect(
            errors.contains {
                $0.detail.contains("reported-stage-group-differs") && $0.detail.contains("IIIB")
                    && $0.detail.contains("stage II ")
            })
        #expect(Self.caseCount(fixture) == 0)
        // Agreement is accepted.
        #expect(fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle).status == 201)
    }

    @Test func assumedNodesAndMetastasisAreAnnouncedAndExportedAsAbsent() throws {
        let fixture = try ServiceFixture()
        let body = Self.bundle(without: ["sts-cn-1", "sts-cm-1"])
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(imported.status == 201)
        let codes = Self.warningCodes(imported)
        #expect(codes.contains("nodes_defaulted_n0") && codes.contains("metastasis_defaulted_m0"))
        let location = try #require(imported.headers["Location"])
        let export = Self.object(fixture.handle("GET", location + "/fhir?patient=Patient/p1"))
        let resources = (export["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        let m = try #require(resources.first { String(describing: $0["code"] ?? "").contains("399387003") })
        #expect(m["valueCodeableConcept"] == nil)
        #expect(m["dataAbsentReason"] != nil)
    }

    @Test func aReImportNamesTheStoredFieldsItDrops() throws {
        let fixture = try ServiceFixture()
        let external = "https://ehr.example.org/cancer-registry|STS-2026-0001"
        let created = fixture.handle(
            "POST", "/v1/cases",
            body:
                #"{"externalId": "\#(external)", "tumor": {"site": "extremity", "sizeCm": 12.5, "ntrkFusion": false}, "disease": {"presentation": "primary", "resectable": true}}"#
        )
        #expect(created.status == 201)
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        #expect(imported.status == 200)
        let warnings = Self.object(imported)["warnings"] as? [[String: Any]] ?? []
        let dropped = try #require(
            warnings.first { $0["code"] as? String == "stored-fields-dropped" }?["message"] as? String)
        #expect(
            dropped.contains("tumor.ntrkFusion") && dropped.contains("disease.presentation")
                && dropped.contains("disease.resectable"))
        #expect(!dropped.contains("tumor.site") && !dropped.contains("primary"))
        // A second import of the same Bundle drops nothing more.
        let again = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        #expect(!Self.warningCodes(again).contains("stored-fields-dropped"))
    }

    /// Contract delta §9: the members the import cannot map are dropped by a re-import, and the
    /// safety-relevant ones are named with the instruction to re-send them.
    @Test func aReImportSaysWhichSafetyRelevantMembersMustBeReSent() throws {
        let fixture = try ServiceFixture()
        let external = "https://ehr.example.org/cancer-registry|STS-2026-0001"
        let created = fixture.handle(
            "POST", "/v1/cases",
            body:
                #"{"externalId": "\#(external)", "tumor": {"site": "extremity", "sizeCm": 12.5, "biomarkers": {"hlaA0205Present": false, "msiHigh": false}}, "disease": {"priorAnthracycline": true, "cumulativeDoxorubicinMgM2": 300, "progressedOnAnthracycline": true, "progressedOnAgents": ["doxorubicin"], "priorCardiotoxicTherapy": true}}"#
        )
        #expect(created.status == 201)
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        #expect(imported.status == 200)
        let warnings = Self.object(imported)["warnings"] as? [[String: Any]] ?? []
        let dropped = try #require(
            warnings.first { $0["code"] as? String == "stored-fields-dropped" }?["message"] as? String)
        let (listed, safety) = try #require(dropped.split(separator: "Safety-relevant").map(String.init).pairOrNil)
        for field in [
            "tumor.biomarkers.hlaA0205Present", "tumor.biomarkers.msiHigh", "disease.priorAnthracycline",
            "disease.cumulativeDoxorubicinMgM2", "disease.progressedOnAgents", "disease.priorCardiotoxicTherapy",
        ] {
            #expect(listed.contains(field), "\(field) is named as dropped")
        }
        #expect(safety.contains("must be re-sent") && safety.contains("PUT /v1/cases/{id}"))
        for field in [
            "disease.priorCardiotoxicTherapy", "disease.progressedOnAgents", "tumor.biomarkers.hlaA0205Present",
            "disease.cumulativeDoxorubicinMgM2", "disease.progressedOnAnthracycline",
        ] {
            #expect(safety.contains(field), "\(field) is named as safety-relevant")
        }
        #expect(!safety.contains("msiHigh") && !safety.contains("disease.priorAnthracycline "))
        // No value is repeated, names only.
        #expect(!dropped.contains("300"))
    }

    /// Contract delta §0.7, §9: the export stages with the newest contract-2 pack (2026.12-1):
    /// DFSP has no AJCC group (not-applicable, the DFSP reason), a recurrence shows rTNM, and a
    /// synovial sarcoma GX exports its AJCC group, not the planning group.
    static let packTwoExports: [(String, String, String?, String?)] = [
        (
            #"{"tumor": {"site": "extremity", "sizeCm": 3, "histology": "dermatofibrosarcoma_protuberans", "nodes": "N0", "metastasis": "M0"}}"#,
            "cT1", nil, "not-applicable"
        ),
        (
            #"{"tumor": {"site": "extremity", "sizeCm": 4, "grade": 2, "nodes": "N0", "metastasis": "M0"}, "disease": {"presentation": "recurrent"}}"#,
            "rT1", "Stage II (rT1 N0 M0 G2)", nil
        ),
        (
            #"{"tumor": {"site": "extremity", "sizeCm": 12, "histology": "synovial_sarcoma", "nodes": "N0", "metastasis": "M0"}}"#,
            "cT3", "Stage IB", nil
        ),
    ]

    @Test(arguments: packTwoExports)
    func theExportStagesWithPackTwo(body: String, tText: String, groupText: String?, absent: String?) throws {
        let fixture = try ServiceFixture()
        let created = fixture.handle("POST", "/v1/cases", body: body)
        #expect(created.status == 201)
        let location = try #require(created.headers["Location"])
        let export = Self.object(fixture.handle("GET", location + "/fhir?patient=Patient/p1&condition=Condition/c1"))
        let tag = ((export["meta"] as? [String: Any])?["tag"] as? [[String: Any]])?.first?["code"] as? String
        #expect(tag == "2026.12-1")
        let resources = (export["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        func resource(_ code: String) -> [String: Any]? {
            resources.first {
                ((($0["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String) == code
            }
        }
        let t = try #require(resource("399504009"))
        #expect((t["valueCodeableConcept"] as? [String: Any])?["text"] as? String == tText)
        let group = try #require(resource("399537006"))
        #expect((group["valueCodeableConcept"] as? [String: Any])?["text"] as? String == groupText)
        let reason = group["dataAbsentReason"] as? [String: Any]
        #expect((reason?["coding"] as? [[String: Any]])?.first?["code"] as? String == absent)
        if absent != nil { #expect((reason?["text"] as? String)?.hasPrefix("DFSP") == true) }
    }

    @Test func aBadQueryIsRefusedBeforeAnythingIsStored() throws {
        let fixture = try ServiceFixture()
        #expect(!Self.bundle.isEmpty)
        #expect(
            fixture.handle("POST", "/v1/fhir/import?pretty=maybe", headers: Self.fhirJSON, body: Self.bundle).status
                == 400)
        #expect(
            fixture.handle("POST", "/v1/fhir/import?dryRun=1", headers: Self.fhirJSON, body: Self.bundle).status == 400)
        #expect(Self.caseCount(fixture) == 0)
    }

    @Test func concurrentImportsOfOneTumourMakeOneCase() throws {
        let fixture = try ServiceFixture()
        let statuses = LockedValue([Int]())
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let status = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle).status
            statuses.withLock { $0.append(status) }
        }
        let all = statuses.withLock { $0 }.sorted()
        #expect(all == [200, 200, 200, 200, 200, 200, 200, 201])
        #expect(Self.caseCount(fixture) == 1)
        let items = Self.object(fixture.handle("GET", "/v1/cases"))["items"] as? [[String: Any]] ?? []
        #expect(items.first?["version"] as? Int == 8)
    }

    @Test func anImportReplacesACaseCreatedWithTheSameExternalId() throws {
        let fixture = try ServiceFixture()
        let external = "https://ehr.example.org/cancer-registry|STS-2026-0001"
        let created = fixture.handle(
            "POST", "/v1/cases", body: #"{"externalId": "\#(external)", "tumor": {"site": "trunk", "sizeCm": 3}}"#)
        #expect(created.status == 201)
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        #expect(imported.status == 200)
        let body = Self.object(imported)
        #expect(body["status"] as? String == "updated")
        #expect(created.headers["Location"] == imported.headers["Location"])
        #expect(((body["case"] as? [String: Any])?["tumor"] as? [String: Any])?["site"] as? String == "extremity")
    }

    /// `docs/clinical/clinical-rules-2026.11-1.md` section 2: T1 <= 5 cm (inclusive), T2 > 5 cm; with G3 N0 M0 on the
    /// extremity, T1 is stage II and T2 is IIIA. 50 mm must land on the T1 side.
    @Test(arguments: [("50", "II"), ("50.1", "IIIA"), ("125", "IIIB")])
    func millimetresAreStagedOnTheRightSideOfTheBoundary(_ millimetres: String, _ group: String) throws {
        let fixture = try ServiceFixture()
        // Without the reported cT3 / IIIB, which a changed size would contradict (422).
        let body = Self.bundle(
            without: ["sts-ct-1", "sts-stage-group-1"],
            replacing: [(#""value": 125, "unit": "mm""#, #""value": \#(millimetres), "unit": "mm""#)])
        #expect(!body.isEmpty)
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(imported.status == 201)
        #expect(Self.object(imported)["stageGroup"] as? String == group)
    }

    @Test func importsAndExportsLeaveAuditRows() throws {
        let fixture = try ServiceFixture()
        let first = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        #expect(fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle).status == 200)
        let id = try #require(Self.object(first)["id"] as? String)
        #expect(fixture.handle("GET", "/v1/cases/\(id)/fhir?patient=Patient/p1").status == 200)
        #expect(fixture.handle("HEAD", "/v1/cases/\(id)/fhir?patient=Patient/p1").status == 200)  // HEAD records nothing
        let audit = Self.object(fixture.handle("GET", "/v1/audit?caseId=\(id)"))["items"] as? [[String: Any]] ?? []
        let rows = audit.map { "\($0["action"] ?? "") v\($0["caseVersion"] ?? "") \($0["route"] ?? "")" }
        #expect(rows == ["import v1 /v1/fhir/import", "import v2 /v1/fhir/import", "export v2 /v1/cases/{id}/fhir"])
        // A refused import writes nothing, so it leaves no row.
        let refused = fixture.handle(
            "POST", "/v1/fhir/import", headers: Self.fhirJSON, body: #"{"resourceType": "Patient"}"#)
        #expect(refused.status == 422)
        let after = Self.object(fixture.handle("GET", "/v1/audit"))["items"] as? [[String: Any]] ?? []
        #expect(after.count == 3)
    }

    @Test func theExportIsFHIRJSONAndPretty() throws {
        let fixture = try ServiceFixture()
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        let location = try #require(imported.headers["Location"])
        let export = fixture.handle("GET", location + "/fhir?pretty=true&patient=Patient/p1")
        #expect(export.status == 200)
        #expect(export.headers["Content-Type"] == "application/fhir+json")
        #expect(String(decoding: export.body, as: UTF8.self).hasPrefix("{\n"))
        // Stable: the same case exports the same bytes.
        #expect(fixture.handle("GET", location + "/fhir?pretty=true&patient=Patient/p1").body == export.body)
    }
}

/// Reported values the engine cannot check, and a re-import that would drop a stored N1 / M1.
extension FHIRRoutesTests {
    @Test func aReportedTAndGroupWithoutASizeAreAnnouncedNotRefused() throws {
        let fixture = try ServiceFixture()
        let imported = fixture.handle(
            "POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle(without: ["sts-tumor-size-1"]))
        #expect(imported.status == 201, "\(Self.errors(imported))")
        let codes = Self.warningCodes(imported)
        #expect(codes.contains("reported-t-not-checked"))
        #expect(codes.contains("reported-stage-group-not-checked"))
        #expect(Self.object(imported)["stageGroup"] is NSNull)
    }

    @Test func aReImportThatWouldDropAStoredM1IsA422() throws {
        let fixture = try ServiceFixture()
        let external = "https://ehr.example.org/cancer-registry|STS-2026-0001"
        let created = fixture.handle(
            "POST", "/v1/cases",
            body: #"{"externalId": "\#(external)", "tumor": {"site": "extremity", "sizeCm": 12.5, "metastasis": "M1"}}"#
        )
        #expect(created.status == 201)
        let body = Self.bundle(without: ["sts-cm-1", "sts-stage-group-1"])
        let refused = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(refused.status == 422)
        #expect(
            Self.errors(refused).contains {
                $0.detail.contains("stored-metastasis-dropped") && $0.detail.contains("M1")
            })
        let stored = Self.object(fixture.handle("GET", try #require(created.headers["Location"])))
        #expect(((stored["tumor"] as? [String: Any])?["metastasis"] as? String) == "M1")
    }
}

extension Array {
    /// The two elements of a two-element array.
    fileprivate var pairOrNil: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
