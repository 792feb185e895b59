import Foundation
import HTTPServer
import Testing
@testable import SarcomaAPI

/// The FHIR routes in process: order of checks around the write, create-or-update under
/// concurrency, and the export's media type.
@Suite("FHIR routes in process")
struct FHIRRoutesTests {
    static let bundle: String = {
        let url = ServiceFixture.root.appendingPathComponent("Tests/FHIRMappingTests/Fixtures/sarcoma/Bundle-myxofibrosarcoma-extremity.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    static let fhirJSON = [("Content-Type", "application/fhir+json")]

    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    static func caseCount(_ fixture: ServiceFixture) -> Int {
        (object(fixture.handle("GET", "/v1/cases"))["items"] as? [Any])?.count ?? -1
    }

    @Test func aBadQueryIsRefusedBeforeAnythingIsStored() throws {
        let fixture = try ServiceFixture()
        #expect(!Self.bundle.isEmpty)
        #expect(fixture.handle("POST", "/v1/fhir/import?pretty=maybe", headers: Self.fhirJSON, body: Self.bundle).status == 400)
        #expect(fixture.handle("POST", "/v1/fhir/import?dryRun=1", headers: Self.fhirJSON, body: Self.bundle).status == 400)
        #expect(Self.caseCount(fixture) == 0)
    }

    @Test func concurrentImportsOfOneTumourMakeOneCase() throws {
        let fixture = try ServiceFixture()
        let statuses = LockedStatuses([Int]())
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
        let created = fixture.handle("POST", "/v1/cases", body: #"{"externalId": "\#(external)", "tumor": {"site": "trunk", "sizeCm": 3}}"#)
        #expect(created.status == 201)
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        #expect(imported.status == 200)
        let body = Self.object(imported)
        #expect(body["status"] as? String == "updated")
        #expect(created.headers["Location"] == imported.headers["Location"])
        #expect(((body["case"] as? [String: Any])?["tumor"] as? [String: Any])?["site"] as? String == "extremity")
    }

    /// clinical-rules.md section 2: T1 <= 5 cm (inclusive), T2 > 5 cm; with G3 N0 M0 on the
    /// extremity, T1 is stage II and T2 is IIIA. 50 mm must land on the T1 side.
    @Test(arguments: [("50", "II"), ("50.1", "IIIA"), ("125", "IIIB")])
    func millimetresAreStagedOnTheRightSideOfTheBoundary(_ millimetres: String, _ group: String) throws {
        let fixture = try ServiceFixture()
        let body = Self.bundle.replacingOccurrences(of: #""value": 125, "unit": "mm""#, with: #""value": \#(millimetres), "unit": "mm""#)
        #expect(body != Self.bundle || millimetres == "125")
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: body)
        #expect(imported.status == 201)
        #expect(Self.object(imported)["stageGroup"] as? String == group)
    }

    @Test func importsAndExportsLeaveAuditRows() throws {
        let fixture = try ServiceFixture()
        let first = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        #expect(fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle).status == 200)
        let id = try #require(Self.object(first)["id"] as? String)
        #expect(fixture.handle("GET", "/v1/cases/\(id)/fhir").status == 200)
        #expect(fixture.handle("HEAD", "/v1/cases/\(id)/fhir").status == 200)  // HEAD records nothing
        let audit = Self.object(fixture.handle("GET", "/v1/audit?caseId=\(id)"))["items"] as? [[String: Any]] ?? []
        let rows = audit.map { "\($0["action"] ?? "") v\($0["caseVersion"] ?? "") \($0["route"] ?? "")" }
        #expect(rows == ["import v1 /v1/fhir/import", "import v2 /v1/fhir/import", "export v2 /v1/cases/{id}/fhir"])
        // A refused import writes nothing, so it leaves no row.
        let refused = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: #"{"resourceType": "Patient"}"#)
        #expect(refused.status == 422)
        let after = Self.object(fixture.handle("GET", "/v1/audit"))["items"] as? [[String: Any]] ?? []
        #expect(after.count == 3)
    }

    @Test func theExportIsFHIRJSONAndPretty() throws {
        let fixture = try ServiceFixture()
        let imported = fixture.handle("POST", "/v1/fhir/import", headers: Self.fhirJSON, body: Self.bundle)
        let location = try #require(imported.headers["Location"])
        let export = fixture.handle("GET", location + "/fhir?pretty=true")
        #expect(export.status == 200)
        #expect(export.headers["Content-Type"] == "application/fhir+json")
        #expect(String(decoding: export.body, as: UTF8.self).hasPrefix("{\n"))
        // Stable: the same case exports the same bytes.
        #expect(fixture.handle("GET", location + "/fhir?pretty=true").body == export.body)
    }
}

/// A lock around a value, for collecting results from concurrent work in a test.
private final class LockedStatuses<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` holds `lock`.
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
