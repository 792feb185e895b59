import Foundation
import HTTPServer
import Testing
@testable import SarcomaAPI

/// In-process checks of the case routes (no sockets): the order of checks around writes.
@Suite("Case routes in process")
struct CaseRoutesTests {
    static let body = #"{"externalId": "EHR-7", "tumor": {"site": "trunk", "sizeCm": 3, "grade": 1}}"#

    @Test func aBadQueryOnCreateIsRefusedBeforeAnythingIsStored() throws {
        let fixture = try ServiceFixture()
        let refused = fixture.handle(
            "POST", "/v1/cases?pretty=perhaps", headers: [("Content-Type", "application/json")], body: Self.body)
        #expect(refused.status == 400)
        let list = fixture.handle("GET", "/v1/cases")
        #expect(String(decoding: list.body, as: UTF8.self).contains(#""items":[]"#))
    }

    @Test func aBadQueryIsRefusedEvenWhenTheETagMatches() throws {
        let fixture = try ServiceFixture()
        let created = fixture.handle("POST", "/v1/cases", body: Self.body)
        #expect(created.status == 201)
        let location = try #require(created.headers["Location"])
        let etag = try #require(created.headers["ETag"])
        #expect(fixture.handle("GET", location, headers: [("If-None-Match", etag)]).status == 304)
        #expect(fixture.handle("GET", location + "?pretty=garbage", headers: [("If-None-Match", etag)]).status == 400)
    }

    @Test func unknownAndRepeatedQueryParametersAre400() throws {
        let fixture = try ServiceFixture()
        #expect(fixture.handle("GET", "/openapi.json?verbose=1").status == 400)
        #expect(fixture.handle("GET", "/v1/cases?limit=5&limit=6").status == 400)
        let problem = fixture.handle("POST", "/v1/staging?explain=yes", body: Self.body)
        #expect(problem.status == 400)
        #expect(problem.headers["Content-Type"] == "application/problem+json")
    }

    @Test func curlFormContentTypeIsReadAsJSONButOtherTypesAre415() throws {
        let fixture = try ServiceFixture()
        let form = fixture.handle(
            "POST", "/v1/validate", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Self.body)
        #expect(form.status == 200)
        let xml = fixture.handle(
            "POST", "/v1/validate", headers: [("Content-Type", "application/xml")], body: Self.body)
        #expect(xml.status == 415)
        let fhir = fixture.handle(
            "POST", "/v1/validate", headers: [("Content-Type", "application/fhir+json")], body: Self.body)
        #expect(fhir.status == 200)
    }

    @Test func anOverflowingSUVRatioGivesNoPercentageButAWarning() throws {
        let fixture = try ServiceFixture()
        let body = #"{"tumor": {"site": "trunk"}, "pet": {"suvMaxBaseline": 5e-324, "suvMaxPostTherapy": 3}}"#
        let response = fixture.handle("POST", "/v1/imaging", body: body)
        #expect(response.status == 200)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(json["petResponse"] is NSNull)
        let warnings = json["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.contains { ($0["message"] as? String)?.contains("SUVmax") == true })
    }
}

/// Findings of the contract review, each pinned by a test.
@Suite("Review findings")
struct ReviewFindingTests {
    static let body = CaseRoutesTests.body

    @Test func headOnAStoredEvaluationRecordsNothing() throws {
        let fixture = try ServiceFixture()
        let location = try #require(fixture.handle("POST", "/v1/cases", body: Self.body).headers["Location"])
        #expect(fixture.handle("HEAD", location + "/assessment").status == 200)
        #expect(fixture.handle("GET", location + "/staging").status == 200)
        let list = fixture.handle("GET", location + "/evaluations")
        let items = (try JSONSerialization.jsonObject(with: Data(list.body)) as? [String: Any])?["items"] as? [Any]
        #expect(items?.count == 1, "only the GET is recorded")
    }

    @Test func ifMatchOnAMissingCaseIsAFailedPrecondition() throws {
        let fixture = try ServiceFixture()
        let missing = "/v1/cases/00000000-0000-0000-0000-000000000000"
        #expect(fixture.handle("DELETE", missing, headers: [("If-Match", "*")]).status == 412)
        #expect(fixture.handle("PUT", missing, headers: [("If-Match", "*")], body: Self.body).status == 412)
        #expect(fixture.handle("DELETE", missing).status == 404)
    }

    @Test func anUnreadableAcceptWeightIsIgnored() throws {
        let fixture = try ServiceFixture()
        #expect(
            fixture.handle("POST", "/v1/staging", headers: [("Accept", "application/json;q=abc")], body: Self.body)
                .status == 200)
        #expect(
            fixture.handle("POST", "/v1/staging", headers: [("Accept", "application/json;q=0")], body: Self.body).status
                == 406)
    }

    @Test(arguments: [
        #"{"tumor": {"site": "trunk", "sizeCm": 1e400}}"#,
        String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
    ])
    func grammaticalJSONNoCaseCanHoldIs422(body: String) throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle("POST", "/v1/validate", body: body)
        #expect(response.status == 422)
    }

    @Test func inventedMethodsShareOneMetricsLabel() {
        #expect(MetricsRegistry.methodLabel("GET") == "GET")
        #expect(MetricsRegistry.methodLabel("FOOA") == "other")
        let registry = MetricsRegistry()
        for method in ["FOOA", "FOOB", "FOOC"] {
            registry.record(
                RequestLogRecord(
                    method: method, routeTemplate: nil, status: 404, durationSeconds: 0.001,
                    requestID: "r", bytesIn: 0, bytesOut: 0))
        }
        let text = registry.render(openConnections: 0)
        #expect(text.contains(#"sarcoma_guide_http_requests_total{method="other",route="unmatched",status="404"} 3"#))
        #expect(!text.contains("FOO"))
    }

    @Test func publicBaseURLIsASettingAndIsChecked() throws {
        let loaded = try ConfigurationLoader(environment: ["SARCOMA_GUIDE_PUBLIC_BASE_URL": "https://sts.example.org"])
            .load(flags: [:], configFile: nil)
        #expect(loaded.publicBaseUrl == "https://sts.example.org")
        for bad in ["sts.example.org", "https://sts.example.org/", "ftp://x", "https://"] {
            #expect(throws: ConfigurationError.self) {
                _ = try ConfigurationLoader(environment: ["SARCOMA_GUIDE_PUBLIC_BASE_URL": bad]).load(
                    flags: [:], configFile: nil)
            }
        }
    }
}
