import Foundation
import HTTPServer
import Testing
@testable import CaseStore
@testable import SarcomaAPI

/// The audit trail in process: each case action recorded with its actor and request id,
/// nothing for answers without case data, `/v1/audit` for admins only, reads fail closed.
@Suite("Audit trail in process")
struct AuditRoutesTests {
    typealias Tokens = AccessControlTests
    static let body = #"{"externalId": "EHR-A1", "tumor": {"site": "trunk", "sizeCm": 3, "grade": 1}}"#

    static func headers(_ token: String, requestId: String? = nil) -> [(String, String)] {
        var headers = [("Authorization", "Bearer \(token)")]
        if let requestId { headers.append(("X-Request-ID", requestId)) }
        return headers
    }

    static let ehr = Tokens.ehrToken
    static let clinician = Tokens.clinicianToken
    static let admin = Tokens.adminToken

    static func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    static func trail(_ fixture: ServiceFixture, _ query: String = "") -> [[String: Any]] {
        let response = fixture.handle("GET", "/v1/audit" + query, headers: headers(admin))
        #expect(response.status == 200, "\(response.bodyText)")
        return json(response)["items"] as? [[String: Any]] ?? []
    }

    @Test func everyCaseActionIsRecordedWithItsActorRequestAndRoute() throws {
        let fixture = try ServiceFixture(tokensFile: Tokens.tokensFile)
        let created = fixture.handle(
            "POST", "/v1/cases", headers: Self.headers(Self.ehr, requestId: "r-create"), body: Self.body)
        #expect(created.status == 201)
        let location = try #require(created.headers["Location"])
        let id = String(location.dropFirst("/v1/cases/".count))
        #expect(
            fixture.handle("GET", location, headers: Self.headers(Self.clinician, requestId: "r-read")).status == 200)
        #expect(
            fixture.handle("GET", "/v1/cases", headers: Self.headers(Self.clinician, requestId: "r-list")).status == 200
        )
        #expect(
            fixture.handle("PUT", location, headers: Self.headers(Self.ehr, requestId: "r-update"), body: Self.body)
                .status == 200)
        #expect(
            fixture.handle("GET", location + "/staging", headers: Self.headers(Self.clinician, requestId: "r-eval"))
                .status == 200)
        #expect(
            fixture.handle(
                "GET", location + "/evaluations", headers: Self.headers(Self.clinician, requestId: "r-evals")
            ).status == 200)
        #expect(
            fixture.handle("DELETE", location, headers: Self.headers(Self.admin, requestId: "r-delete")).status == 204)

        let rows = Self.trail(fixture, "?caseId=\(id)")
        #expect(
            rows.map { $0["requestId"] as? String } == [
                "r-create", "r-read", "r-list", "r-update", "r-eval", "r-evals", "r-delete",
            ])
        #expect(
            rows.map { $0["action"] as? String } == ["create", "read", "list", "update", "evaluate", "read", "delete"])
        #expect(
            rows.map { $0["actor"] as? String } == [
                "ehr-gateway", "dr.jones", "dr.jones", "ehr-gateway", "dr.jones", "dr.jones", "ops_1",
            ])
        #expect(
            rows.map { $0["route"] as? String } == [
                "/v1/cases", "/v1/cases/{id}", "/v1/cases", "/v1/cases/{id}", "/v1/cases/{id}/staging",
                "/v1/cases/{id}/evaluations", "/v1/cases/{id}",
            ])
        #expect(rows.map { $0["caseVersion"] as? Int } == [1, 1, 1, 2, 2, nil, 2])
        #expect(rows.allSatisfy { $0["caseId"] as? String == id })
        let keys = rows.first.map { Set($0.keys) } ?? []
        #expect(keys == ["id", "at", "actor", "action", "caseId", "caseVersion", "requestId", "route"])
    }

    @Test func aListRecordsOneRowPerCaseAnswered() throws {
        let fixture = try ServiceFixture(tokensFile: Tokens.tokensFile)
        for index in 1...3 {
            let body = #"{"externalId": "EHR-L\#(index)", "tumor": {"site": "trunk"}}"#
            #expect(fixture.handle("POST", "/v1/cases", headers: Self.headers(Self.ehr), body: body).status == 201)
        }
        #expect(
            fixture.handle("GET", "/v1/cases?limit=2", headers: Self.headers(Self.clinician, requestId: "page-1"))
                .status == 200)
        #expect(
            fixture.handle("GET", "/v1/cases?site=visceral", headers: Self.headers(Self.clinician, requestId: "empty"))
                .status == 200)
        let listed = Self.trail(fixture).filter { $0["action"] as? String == "list" }
        #expect(listed.count == 2)
        #expect(listed.allSatisfy { $0["requestId"] as? String == "page-1" })
        #expect(Set(listed.compactMap { $0["caseId"] as? String }).count == 2)
    }

    @Test func answersWithoutCaseDataRecordNothing() throws {
        let fixture = try ServiceFixture(tokensFile: Tokens.tokensFile)
        let ehr = Self.headers(Self.ehr)
        let created = fixture.handle("POST", "/v1/cases", headers: ehr, body: Self.body)
        let location = try #require(created.headers["Location"])
        let etag = try #require(created.headers["ETag"])
        let missing = "/v1/cases/00000000-0000-0000-0000-000000000000"

        #expect(fixture.handle("GET", location, headers: ehr + [("If-None-Match", etag)]).status == 304)
        #expect(fixture.handle("GET", missing, headers: ehr).status == 404)
        #expect(fixture.handle("GET", missing + "/evaluations", headers: ehr).status == 404)
        #expect(fixture.handle("GET", missing + "/staging", headers: ehr).status == 404)
        #expect(fixture.handle("HEAD", location, headers: ehr).status == 200)
        #expect(fixture.handle("HEAD", "/v1/cases", headers: ehr).status == 200)
        #expect(fixture.handle("HEAD", location + "/staging", headers: ehr).status == 200)
        #expect(fixture.handle("HEAD", location + "/evaluations", headers: ehr).status == 200)
        #expect(fixture.handle("GET", location + "?pretty=maybe", headers: ehr).status == 400)
        #expect(fixture.handle("POST", "/v1/staging", headers: ehr, body: Self.body).status == 200)
        #expect(fixture.handle("POST", "/v1/validate", headers: ehr, body: Self.body).status == 200)
        #expect(fixture.handle("POST", "/v1/cases", headers: ehr, body: Self.body).status == 409)
        #expect(fixture.handle("POST", "/v1/cases", headers: ehr, body: #"{"tumor": {"site": "moon"}}"#).status == 422)
        #expect(
            fixture.handle("PUT", location, headers: ehr + [("If-Match", "\"stale-v9\"")], body: Self.body).status
                == 412)
        #expect(fixture.handle("DELETE", missing, headers: ehr).status == 404)
        #expect(fixture.handle("GET", "/v1/audit", headers: Self.headers(Self.admin)).status == 200)

        let rows = Self.trail(fixture)
        #expect(rows.map { $0["action"] as? String } == ["create"])
    }

    @Test func theTrailIsForAdminsOnly() throws {
        let fixture = try ServiceFixture(tokensFile: Tokens.tokensFile)
        #expect(fixture.handle("GET", "/v1/audit").status == 401)
        #expect(fixture.handle("GET", "/v1/audit", headers: Self.headers(Self.ehr)).status == 403)
        #expect(fixture.handle("GET", "/v1/audit", headers: Self.headers(Self.clinician)).status == 403)
        let answer = fixture.handle("GET", "/v1/audit", headers: Self.headers(Self.admin))
        #expect(answer.status == 200)
        #expect(answer.bodyText == #"{"items":[],"nextCursor":null}"#)
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            #expect(fixture.handle(method, "/v1/audit", headers: Self.headers(Self.admin)).status == 405, "\(method)")
        }
    }

    @Test func withoutTokensTheActorIsLocal() throws {
        let fixture = try ServiceFixture()
        let created = fixture.handle("POST", "/v1/cases", headers: [("X-Request-ID", "local-1")], body: Self.body)
        #expect(created.status == 201)
        let rows = Self.json(fixture.handle("GET", "/v1/audit"))["items"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["actor"] as? String } == ["(local)"])
        #expect(rows.first?["requestId"] as? String == "local-1")
    }

    @Test func filtersAndPagination() throws {
        let fixture = try ServiceFixture(tokensFile: Tokens.tokensFile)
        var ids: [String] = []
        for index in 1...2 {
            let body = #"{"externalId": "EHR-F\#(index)", "tumor": {"site": "trunk"}}"#
            let created = fixture.handle("POST", "/v1/cases", headers: Self.headers(Self.ehr), body: body)
            ids.append(String(try #require(created.headers["Location"]).dropFirst("/v1/cases/".count)))
        }
        for round in 1...3 {
            for id in ids {
                #expect(
                    fixture.handle(
                        "GET", "/v1/cases/\(id)", headers: Self.headers(Self.ehr, requestId: "read-\(round)")
                    ).status == 200)
            }
        }
        let all = Self.trail(fixture)
        try #require(all.count == 8, "2 creates and 6 reads")

        // Pages of 3 cover every row once, in order.
        var paged: [String] = []
        var cursor: String?
        repeat {
            let query = "?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = Self.json(fixture.handle("GET", "/v1/audit" + query, headers: Self.headers(Self.admin)))
            let items = page["items"] as? [[String: Any]] ?? []
            #expect(items.count <= 3)
            paged += items.compactMap { $0["id"] as? String }
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        #expect(paged == all.compactMap { $0["id"] as? String })

        #expect(Self.trail(fixture, "?caseId=\(ids[1])").count == 4)
        #expect(Self.trail(fixture, "?caseId=no-such-case").isEmpty)

        // `since` an existing row's time includes it and everything after it.
        let fifth = try #require(all[4]["at"] as? String)
        let since = Self.trail(fixture, "?since=\(fifth)")
        let expected = all.filter { ($0["at"] as? String ?? "") >= fifth }
        #expect(expected.count >= 4)
        #expect(since.compactMap { $0["id"] as? String } == expected.compactMap { $0["id"] as? String })
        #expect(Self.trail(fixture, "?since=2999-01-01T00:00:00Z").isEmpty)
        #expect(Self.trail(fixture, "?since=2000-01-01T00:00:00%2B01:00&caseId=\(ids[0])").count == 4)
    }

    @Test(arguments: [
        ("?since=yesterday", "'since'"),
        ("?since=2026-11-26", "'since'"),
        ("?since=2026-11-26T10:00:00+01:00", "%2B"),
        ("?limit=0", "'limit'"),
        ("?limit=201", "'limit'"),
        ("?cursor=", "'cursor'"),
        ("?cursor=bm9wZQ", "cursor"),
        ("?caseId=", "'caseId'"),
        ("?actor=ops", "unknown query parameter 'actor'"),
        ("?since=2026-11-26T10:00:00Z&since=2026-11-26T11:00:00Z", "more than once"),
    ])
    func badQueriesAre400NamingTheParameter(query: String, fragment: String) throws {
        let fixture = try ServiceFixture(tokensFile: Tokens.tokensFile)
        let response = fixture.handle("GET", "/v1/audit" + query, headers: Self.headers(Self.admin))
        #expect(response.status == 400)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let detail = Self.json(response)["detail"] as? String ?? ""
        #expect(detail.contains(fragment), "\(detail)")
    }

    /// Fail closed: when the audit row cannot be written, the read is refused and no case data
    /// leaves (a temporary trigger on the store's writer connection refuses every audit insert).
    @Test func aReadWhoseAuditRowCannotBeWrittenIsRefused() throws {
        let fixture = try ServiceFixture(tokensFile: Tokens.tokensFile)
        let created = fixture.handle("POST", "/v1/cases", headers: Self.headers(Self.ehr), body: Self.body)
        let location = try #require(created.headers["Location"])
        try #require(fixture.service.store as? SQLiteCaseStore).writer.perform { (database) throws(CaseStoreError) in
            try database.run(
                "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit BEGIN SELECT RAISE(ABORT, 'refused in a test'); END"
            )
        }
        for (method, path) in [
            ("GET", location), ("GET", "/v1/cases"), ("GET", location + "/evaluations"),
            ("GET", location + "/assessment"), ("DELETE", location),
        ] {
            let response = fixture.handle(method, path, headers: Self.headers(Self.ehr))
            #expect(response.status == 503, "\(method) \(path)")
            #expect(response.headers["Content-Type"] == "application/problem+json")
            #expect(!response.bodyText.contains("EHR-A1"), "no case data in a refused read")
        }
        let another = #"{"externalId": "EHR-A2", "tumor": {"site": "trunk"}}"#
        #expect(fixture.handle("POST", "/v1/cases", headers: Self.headers(Self.ehr), body: another).status == 503)
        #expect(try fixture.service.store.list(CaseListQuery()).items.map(\.externalId) == ["EHR-A1"])
        #expect(
            try fixture.service.store.evaluations(caseId: String(location.dropFirst(10)), limit: 10, cursor: nil).items
                .isEmpty)
    }
}
