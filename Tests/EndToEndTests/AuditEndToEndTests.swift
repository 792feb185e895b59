import Foundation
import HTTPServer
import Testing

/// The audit trail on the real binary, with tokens made by `sarcoma-guide token create`: every
/// case action by a named token is found in `GET /v1/audit` with its actor, action, case and the
/// X-Request-ID the client sent; the trail is admin-only and cannot be changed.
@Suite("Audit trail on the real binary")
struct AuditEndToEndTests {
    typealias Tokens = AccessEndToEndTests

    static func bearer(_ issued: Tokens.Issued, requestId: String? = nil) -> [(String, String)] {
        var headers = [("Authorization", "Bearer \(issued.token)")]
        if let requestId { headers.append(("X-Request-ID", requestId)) }
        return headers
    }

    @Test func everyActionIsFoundWithItsActorCaseAndRequestId() throws {
        let ehr = try Tokens.create(name: "ehr-gateway", role: "ehr")
        let clinician = try Tokens.create(name: "dr.jones", role: "clinician")
        let admin = try Tokens.create(name: "ops", role: "admin")
        let file = try Tokens.tokensFile([ehr, clinician, admin])
        defer { try? FileManager.default.removeItem(at: file) }
        let service = try ServiceProcess(environment: ["SARCOMA_GUIDE_TOKENS_FILE": file.path])
        let run = UUID().uuidString.prefix(8)

        let created = try service.send(
            "POST", "/v1/cases", headers: Self.bearer(ehr, requestId: "\(run)-create"),
            body: Fixtures.contractCase())
        #expect(created.status == 201)
        #expect(created.header("X-Request-ID") == "\(run)-create")
        let location = try #require(created.header("Location"))
        let id = String(location.dropFirst("/v1/cases/".count))
        let steps: [(method: String, path: String, body: String?, status: Int, action: String)] = [
            ("GET", location, nil, 200, "read"),
            ("GET", "/v1/cases", nil, 200, "list"),
            ("PUT", location, Fixtures.contractCase(), 200, "update"),
            ("GET", location + "/assessment", nil, 200, "evaluate"),
            ("DELETE", location, nil, 204, "delete"),
        ]
        for step in steps {
            let response = try service.send(
                step.method, step.path, headers: Self.bearer(ehr, requestId: "\(run)-\(step.action)"),
                body: step.body)
            #expect(response.status == step.status, "\(step.method) \(step.path): \(response.status)")
        }

        #expect(try service.send("GET", "/v1/audit", headers: Self.bearer(ehr)).status == 403)
        #expect(try service.send("GET", "/v1/audit", headers: Self.bearer(clinician)).status == 403)
        let trail = try service.send("GET", "/v1/audit?caseId=\(id)", headers: Self.bearer(admin))
        #expect(trail.status == 200)
        let rows = trail.object.array("items")
        #expect(rows.map { $0.string("action") } == ["create", "read", "list", "update", "evaluate", "delete"])
        for (row, action) in zip(rows, ["create", "read", "list", "update", "evaluate", "delete"]) {
            #expect(row.string("actor") == "ehr-gateway")
            #expect(row.string("caseId") == id)
            #expect(row.string("requestId") == "\(run)-\(action)")
        }
        #expect(rows.map { $0.int("caseVersion") } == [1, 1, 1, 2, 2, 2])

        // The trail outlives the case, and the admin's own reading of it is not recorded.
        #expect(try service.send("GET", location, headers: Self.bearer(ehr)).status == 404)
        let again = try service.send("GET", "/v1/audit", headers: Self.bearer(admin))
        #expect(again.object.array("items").count == rows.count)
        #expect(service.stop() == 0)
        #expect(
            service.standardOutput.split(separator: "\n").contains {
                $0.contains("request_id=\(run)-create ") && $0.contains("client=ehr-gateway")
            }, "the access log line carries the same request id and client as the audit row")
    }

    @Test func theTrailCannotBeChangedAndPagesAndFilters() throws {
        let ehr = try Tokens.create(name: "ehr-gateway", role: "ehr")
        let admin = try Tokens.create(name: "ops", role: "admin")
        let file = try Tokens.tokensFile([ehr, admin])
        defer { try? FileManager.default.removeItem(at: file) }
        let service = try ServiceProcess(environment: ["SARCOMA_GUIDE_TOKENS_FILE": file.path])

        for index in 1...3 {
            let created = try service.send(
                "POST", "/v1/cases", headers: Self.bearer(ehr),
                body: Fixtures.minimalCase(externalId: "EHR-P\(index)"))
            #expect(created.status == 201)
        }
        for method in ["POST", "PUT", "DELETE"] {
            let refused = try service.send(
                method, "/v1/audit", headers: Self.bearer(admin), body: method == "DELETE" ? nil : "{}")
            #expect(refused.status == 405, "\(method)")
            #expect(refused.header("Allow") == "GET, HEAD")
            #expect(refused.header("Content-Type") == "application/problem+json")
        }

        let first = try service.send("GET", "/v1/audit?limit=2", headers: Self.bearer(admin))
        #expect(first.object.array("items").count == 2)
        let cursor = try #require(first.object.string("nextCursor"))
        let second = try service.send("GET", "/v1/audit?limit=2&cursor=\(cursor)", headers: Self.bearer(admin))
        #expect(second.object.array("items").count == 1)
        #expect(second.object["nextCursor"] is NSNull)
        let ids = (first.object.array("items") + second.object.array("items")).compactMap { $0.string("id") }
        #expect(Set(ids).count == 3)

        let lastAt = try #require(second.object.array("items").first?.string("at"))
        let since = try service.send("GET", "/v1/audit?since=\(lastAt)", headers: Self.bearer(admin))
        #expect(since.object.array("items").last?.string("id") == ids.last)
        #expect(since.object.array("items").allSatisfy { ($0.string("at") ?? "") >= lastAt })
        let bad = try service.send("GET", "/v1/audit?since=last-tuesday", headers: Self.bearer(admin))
        #expect(bad.status == 400)
        #expect(bad.object.string("detail")?.contains("'since'") == true)
        #expect(service.stop() == 0)
    }
}
