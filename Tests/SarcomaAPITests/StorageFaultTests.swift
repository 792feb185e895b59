import CaseStore
import Foundation
import HTTPServer
import Testing
@testable import SarcomaAPI

/// Database faults as clients see them: busy and I/O trouble are 503 with `Retry-After`, a
/// full disk is 507; nothing acknowledged is lost and the service recovers by itself.
@Suite("Storage faults over HTTP")
struct StorageFaultTests {
    /// A valid case with a long but legal externalId, so each row takes room.
    static func body(_ index: Int) -> String {
        let externalId = "FILL-\(index)-" + String(repeating: "x", count: 100)
        return #"{"externalId": "\#(externalId)", "tumor": {"site": "trunk", "sizeCm": 3, "grade": 1}}"#
    }

    static func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    @Test func aFullDatabaseIs507ThenWritesSucceedOnceSpaceReturns() throws {
        let fixture = try ServiceFixture()
        let store = try #require(fixture.service.store as? SQLiteCaseStore)
        try store.limitSize(toPages: try store.pageCount() + 6)
        var stored: [String] = []
        var refusal: HTTPResponse?
        for index in 0..<2_000 {
            let response = fixture.handle("POST", "/v1/cases", body: Self.body(index))
            if response.status == 201, let location = response.headers["Location"] {
                stored.append(location)
                continue
            }
            refusal = response
            break
        }
        let full = try #require(refusal, "the capped database never filled")
        #expect(full.status == 507)
        #expect(full.headers["Content-Type"] == "application/problem+json")
        #expect(Self.json(full)["type"] as? String == "urn:sarcoma-guide:problem:insufficient-storage")
        #expect(!stored.isEmpty)

        // The service stays ready and evaluates cases sent to it. Reading a stored case writes
        // its audit row first (fail closed): small rows fit in the last pages' free space for
        // a while, then the read is 507 too, never an unaudited answer.
        #expect(fixture.handle("GET", "/ready").status == 200)
        #expect(fixture.handle("POST", "/v1/staging", body: Self.body(0)).status == 200)
        var readStatuses: [Int] = []
        while readStatuses.last != 507 && readStatuses.count < 5_000 {
            readStatuses.append(fixture.handle("GET", stored[readStatuses.count % stored.count]).status)
        }
        #expect(readStatuses.last == 507)
        #expect(Set(readStatuses).isSubset(of: [200, 507]))
        #expect(try store.integrityCheck() == ["ok"])
        #expect(fixture.handle("POST", "/v1/cases", body: Self.body(9_999)).status == 507)

        // Space returns: writes succeed again and every acknowledged case is intact.
        try store.limitSize(toPages: nil)
        let after = fixture.handle("POST", "/v1/cases", body: Self.body(9_999))
        #expect(after.status == 201)
        for location in stored { #expect(fixture.handle("GET", location).status == 200) }
        let list = Self.json(fixture.handle("GET", "/v1/cases?limit=100"))
        #expect((list["items"] as? [Any])?.count == min(100, stored.count + 1))
    }

    @Test(arguments: [
        (CaseStoreError.busy, 503, "database-busy", true),
        (.ioError(code: 10 | (4 << 8), message: "disk I/O error"), 503, "service-unavailable", true),
        (.diskFull, 507, "insufficient-storage", false),
        (.closed, 503, "service-unavailable", true),
    ])
    func storeFaultsMapToRetryableStatuses(error: CaseStoreError, status: Int, slug: String, retryAfter: Bool) {
        let response = ProblemPresenter.response(for: Problem.from(error))
        #expect(response.status == status)
        #expect(Self.json(response)["type"] as? String == "urn:sarcoma-guide:problem:\(slug)")
        #expect((response.headers["Retry-After"] != nil) == retryAfter)
        #expect(
            !String(decoding: response.body, as: UTF8.self).contains("disk I/O error"),
            "SQLite's text stays in the logs")
    }
}
