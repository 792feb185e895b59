import Foundation
import HTTPServer
import Testing
@testable import SarcomaAPI

/// FHIR routes speak FHIR on error to FHIR clients: an OperationOutcome with the problem's
/// pointers and messages; `_format=json` is taken; XML is a 406.
@Suite("FHIR error format")
struct FHIRErrorFormatTests {
    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    static let notABundle = #"{"resourceType": "Bundle", "type": "history", "entry": [{"fullUrl": "x"}]}"#

    /// (Accept, _format) -> OperationOutcome (true) or problem+json (false).
    @Test(
        arguments: [
            ("application/fhir+json", nil, true),
            ("application/fhir+json;q=0.9, application/json", nil, true),
            (nil, "json", true),
            (nil, "application/fhir+json", true),
            ("application/json", nil, false),
            ("*/*", nil, false),
            (nil, nil, false),
        ] as [(String?, String?, Bool)])
    func aFHIRClientGetsAnOperationOutcomeWithTheProblemsPointers(accept: String?, format: String?, outcome: Bool)
        throws
    {
        let fixture = try ServiceFixture()
        var headers = [("Content-Type", "application/fhir+json")]
        if let accept { headers.append(("Accept", accept)) }
        let path = "/v1/fhir/import" + (format.map { "?_format=\($0)" } ?? "")
        let answer = fixture.handle("POST", path, headers: headers, body: Self.notABundle)
        let problem = fixture.handle(
            "POST", "/v1/fhir/import", headers: headers.filter { $0.0 != "Accept" }, body: Self.notABundle)
        #expect(answer.status == 422)
        let errors = Self.object(problem)["errors"] as? [[String: Any]] ?? []
        #expect(errors.count == 2)
        guard outcome else {
            #expect(answer.headers["Content-Type"] == "application/problem+json")
            return
        }
        #expect(answer.headers["Content-Type"] == "application/fhir+json")
        let body = Self.object(answer)
        #expect(body["resourceType"] as? String == "OperationOutcome")
        let issues = body["issue"] as? [[String: Any]] ?? []
        #expect(issues.map { ($0["location"] as? [String])?.first } == errors.map { $0["pointer"] as? String })
        #expect(issues.map { $0["diagnostics"] as? String } == errors.map { $0["detail"] as? String })
        #expect(issues.map { ($0["expression"] as? [String])?.first } == ["Bundle.type", "Bundle.entry[0].resource"])
        #expect(issues.allSatisfy { $0["severity"] as? String == "error" && $0["code"] as? String == "processing" })
        let coding = (issues.first?["details"] as? [String: Any])?["coding"] as? [[String: Any]]
        #expect(coding?.first?["code"] as? String == "validation-failed")
    }

    @Test func xmlIsA406InFHIRTermsAndJSONFormatIsTaken() throws {
        let fixture = try ServiceFixture()
        let bundle = FHIRRoutesTests.bundle
        let imported = fixture.handle(
            "POST", "/v1/fhir/import?_format=json", headers: FHIRRoutesTests.fhirJSON, body: bundle)
        #expect(imported.status == 201)
        let location = try #require(imported.headers["Location"])
        #expect(fixture.handle("GET", location + "/fhir?patient=Patient/p1&_format=json").status == 200)
        #expect(
            fixture.handle("GET", location + "/fhir?patient=Patient/p1", headers: [("Accept", "application/fhir+json")])
                .status == 200)

        for (headers, query) in [
            ([("Accept", "application/fhir+xml")], ""), ([], "&_format=xml"), ([], "&_format=application/fhir+xml"),
        ] {
            let refused = fixture.handle("GET", location + "/fhir?patient=Patient/p1" + query, headers: headers)
            #expect(refused.status == 406, "\(headers) \(query)")
            #expect(refused.headers["Content-Type"] == "application/fhir+json")
            let issue = (Self.object(refused)["issue"] as? [[String: Any]])?.first
            #expect(issue?["code"] as? String == "not-supported")
        }
        // Neither JSON nor FHIR: the service's own 406.
        let html = fixture.handle("GET", location + "/fhir?patient=Patient/p1", headers: [("Accept", "text/html")])
        #expect(html.status == 406)
        #expect(html.headers["Content-Type"] == "application/problem+json")
        #expect(fixture.handle("GET", location + "/fhir?patient=Patient/p1&_format=turtle").status == 400)
    }

    @Test func aFHIRClientsMissingReferenceIsAnOperationOutcomeToo() throws {
        let fixture = try ServiceFixture()
        let created = fixture.handle(
            "POST", "/v1/cases", body: #"{"tumor": {"site": "trunk", "sizeCm": 3, "grade": 1}}"#)
        let location = try #require(created.headers["Location"])
        let answer = fixture.handle("GET", location + "/fhir", headers: [("Accept", "application/fhir+json")])
        #expect(answer.status == 400)
        let issue = (Self.object(answer)["issue"] as? [[String: Any]])?.first
        #expect((issue?["diagnostics"] as? String)?.contains("?patient=Patient/<id>") == true)
        #expect(issue?["location"] == nil)
        #expect(issue?["code"] as? String == "invalid")
    }

    @Test(arguments: [
        ("/entry/0/resource/code", "Bundle.entry[0].resource.code"),
        ("/entry/12/resource/component/0/valueQuantity", "Bundle.entry[12].resource.component[0].valueQuantity"),
        ("/type", "Bundle.type"),
        ("/entry/0/resource/a~1b", "Bundle.entry[0].resource.`a/b`"),
    ])
    func pointersBecomeFHIRPath(pointer: String, path: String) {
        #expect(OperationOutcomePresenter.fhirPath(pointer) == path)
    }
}

/// The access gate's refusals on FHIR routes, in FHIR terms for FHIR clients.
@Suite("FHIR error format: access refusals")
struct FHIRAccessRefusalFormatTests {
    @Test func a401And403OnAFHIRRouteAreOperationOutcomesForFHIRClients() throws {
        let fixture = try ServiceFixture(tokensFile: AccessControlTests.tokensFile)
        let fhir = [("Accept", "application/fhir+json"), ("Content-Type", "application/fhir+json")]
        let missing = fixture.handle("POST", "/v1/fhir/import", headers: fhir, body: "{}")
        #expect(missing.status == 401)
        #expect(missing.headers["Content-Type"] == "application/fhir+json")
        #expect(missing.headers["WWW-Authenticate"] == AccessControlTests.challenge)
        let issue = (FHIRErrorFormatTests.object(missing)["issue"] as? [[String: Any]])?.first
        #expect(issue?["code"] as? String == "login")

        let clinician = fhir + [("Authorization", "Bearer \(AccessControlTests.clinicianToken)")]
        let forbidden = fixture.handle("POST", "/v1/fhir/import", headers: clinician, body: "{}")
        #expect(forbidden.status == 403)
        #expect(forbidden.headers["Content-Type"] == "application/fhir+json")

        // Other routes, and FHIR routes for other clients, keep problem+json.
        #expect(fixture.handle("GET", "/v1/cases", headers: fhir).headers["Content-Type"] == "application/problem+json")
        #expect(
            fixture.handle("POST", "/v1/fhir/import", body: "{}").headers["Content-Type"] == "application/problem+json")
    }
}
