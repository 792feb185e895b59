import Dispatch
import Foundation
import HTTPServer
import Locking
import TestSupport
import Testing

/// The real binary on `--database postgresql://...`, one database of the test process's
/// throw-away cluster per test: the case API behaves as on SQLite, and two binaries on one
/// database (two replicas) behave as one service. Skipped, with the rest of the PostgreSQL
/// half, only when initdb/pg_ctl are missing.
@Suite("PostgreSQL on the real binary", .enabled(if: PostgresTestCluster.unavailableReason == nil))
struct PostgresEndToEndTests {
    /// A fresh, empty database of the shared cluster, as the URL a replica is given.
    /// With a password in the URL (trust authentication ignores it) that no log may show.
    static func freshDatabase() throws -> String {
        let cluster = try PostgresTestCluster.shared.get()
        let name = "e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try cluster.createDatabase(name)
        return cluster.url(database: name, password: password)
    }

    static let password = "e2e-never-logged"

    /// `count` replicas on one fresh database, started one after the other (the first migrates).
    static func replicas(_ count: Int, arguments: [String] = []) throws -> [ServiceProcess] {
        let url = try freshDatabase()
        return try (0..<count).map { _ in try ServiceProcess(arguments: arguments, databaseURL: url) }
    }

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// The case as read, with its tumor size changed: a whole-case PUT body.
    static func resized(_ read: ClientResponse, to size: Double) throws -> String {
        var document = read.object
        var tumor = document.object("tumor")
        tumor["sizeCm"] = size
        document["tumor"] = tumor
        return try json(document)
    }

    @Test func oneReplicaServesTheCaseAPIAsOnSQLite() throws {
        let service = try #require(try Self.replicas(1).first)
        let ready = try service.send("GET", "/ready")
        #expect(ready.status == 200, "\(ready.text)")

        let created = try service.send("POST", "/v1/cases", body: Fixtures.contractCase(externalId: "EHR-PG-1"))
        #expect(created.status == 201)
        let id = try #require(created.object.string("id"))
        let etag = try #require(created.header("ETag"))
        #expect(created.object.int("version") == 1)

        let read = try service.send("GET", "/v1/cases/\(id)")
        #expect(read.status == 200)
        #expect(read.header("ETag") == etag)
        #expect(try service.send("GET", "/v1/cases/\(id)", headers: [("If-None-Match", etag)]).status == 304)

        let body = try Self.resized(read, to: 4.5)
        let replaced = try service.send("PUT", "/v1/cases/\(id)", headers: [("If-Match", etag)], body: body)
        #expect(replaced.status == 200)
        #expect(replaced.object.int("version") == 2)
        let stale = try service.send("PUT", "/v1/cases/\(id)", headers: [("If-Match", etag)], body: body)
        #expect(stale.status == 412)
        #expect(stale.header("Content-Type") == "application/problem+json")

        let duplicate = try service.send("POST", "/v1/cases", body: Fixtures.contractCase(externalId: "EHR-PG-1"))
        #expect(duplicate.status == 409)
        #expect(duplicate.object.string("existingId") == id)

        let staging = try service.send("GET", "/v1/cases/\(id)/staging")
        #expect(staging.status == 200)
        let records = try service.send("GET", "/v1/cases/\(id)/evaluations").object.array("items")
        #expect(records.count == 1)
        #expect(records.first?.string("caseId") ?? id == id)

        let trail = try service.send("GET", "/v1/audit?caseId=\(id)")
        #expect(trail.status == 200)
        let actions = trail.object.array("items").compactMap { $0.string("action") }
        #expect(actions.first == "create")
        #expect(Set(actions).isSuperset(of: ["create", "read", "update", "evaluate"]), "\(actions)")

        #expect(try service.send("DELETE", "/v1/cases/\(id)").status == 204)
        #expect(try service.send("GET", "/v1/cases/\(id)").status == 404)
        #expect(!(service.standardOutput + service.standardError).contains(Self.password))
        #expect(service.stop() == 0)
    }

    @Test func aWriteOnOneReplicaIsReadAndVersionCheckedOnTheOther() throws {
        let pair = try Self.replicas(2)
        let (a, b) = (pair[0], pair[1])
        let created = try a.send("POST", "/v1/cases", body: Fixtures.contractCase(externalId: "EHR-AB"))
        let id = try #require(created.object.string("id"))
        let etag = try #require(created.header("ETag"))

        let onB = try b.send("GET", "/v1/cases/\(id)")
        #expect(onB.status == 200)
        #expect(onB.header("ETag") == etag)
        #expect(try b.send("POST", "/v1/cases", body: Fixtures.contractCase(externalId: "EHR-AB")).status == 409)

        let updated = try b.send(
            "PUT", "/v1/cases/\(id)", headers: [("If-Match", etag)], body: try Self.resized(onB, to: 3))
        #expect(updated.status == 200)
        let stale = try a.send(
            "PUT", "/v1/cases/\(id)", headers: [("If-Match", etag)], body: try Self.resized(onB, to: 2))
        #expect(stale.status == 412, "A's ETag went stale when B updated the case")
        #expect(try a.send("GET", "/v1/cases/\(id)").header("ETag") == updated.header("ETag"))

        // Both replicas wrote to one audit trail, which either replica reads whole.
        let trailA = try a.send("GET", "/v1/audit?caseId=\(id)").object.array("items").compactMap { $0.string("id") }
        let trailB = try b.send("GET", "/v1/audit?caseId=\(id)").object.array("items").compactMap { $0.string("id") }
        #expect(trailA == trailB)
        let actions = try b.send("GET", "/v1/audit?caseId=\(id)").object.array("items").compactMap {
            $0.string("action")
        }
        #expect(actions.first == "create")
        #expect(actions.contains("update"))
    }

    @Test func conflictingIfMatchUpdatesThroughTwoReplicasLetExactlyOneWin() throws {
        let pair = try Self.replicas(2)
        for round in 0..<5 {
            let created = try pair[0].send(
                "POST", "/v1/cases", body: Fixtures.contractCase(externalId: "EHR-RACE-\(round)"))
            let id = try #require(created.object.string("id"))
            let etag = try #require(created.header("ETag"))
            let read = try pair[0].send("GET", "/v1/cases/\(id)")
            let bodies = [try Self.resized(read, to: 6), try Self.resized(read, to: 7)]
            let statuses = LockedValue<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let status =
                    (try? pair[index].send("PUT", "/v1/cases/\(id)", headers: [("If-Match", etag)], body: bodies[index]))?
                    .status ?? -1
                statuses.withLock { $0.append(status) }
            }
            #expect(statuses.withLock { $0.sorted() } == [200, 412], "round \(round)")
            #expect(try pair[1].send("GET", "/v1/cases/\(id)").object.int("version") == 2)
        }
    }

    @Test func listingsPageConsistentlyAcrossReplicas() throws {
        let pair = try Self.replicas(2)
        var created: [String] = []
        for index in 0..<9 {
            let response = try pair[index % 2].send(
                "POST", "/v1/cases", body: Fixtures.minimalCase(externalId: "EHR-L\(index)"))
            created.append(try #require(response.object.string("id")))
        }
        // Each page from the other replica than the one before, following its cursor.
        var seen: [String] = []
        var cursor: String?
        var page = 0
        repeat {
            let path = "/v1/cases?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
            let response = try pair[page % 2].send("GET", path)
            #expect(response.status == 200)
            seen += response.object.array("items").compactMap { $0.string("id") }
            cursor = response.object.string("nextCursor")
            page += 1
        } while cursor != nil && page < 20
        #expect(seen == created)
    }

    /// The CDS Hooks flags of `CDSHooksEndToEndTests` (its per-run keys, issuer and base URL).
    static func signedArguments() throws -> [String] {
        [
            "--cds-jwks-file", try CDSHooksEndToEndTests.keys.jwksFile().path,
            "--cds-issuers", CDSHooksEndToEndTests.issuer, "--public-base-url", CDSHooksEndToEndTests.base,
        ]
    }

    static func call(_ service: ServiceProcess, token: String) throws -> ClientResponse {
        try service.send(
            "POST", CDSHooksEndToEndTests.path, headers: [("Authorization", "Bearer \(token)")],
            body: CDSHooksEndToEndTests.patientViewBody())
    }

    @Test func aJWTOneReplicaAcceptedIsRefusedByTheOtherAndAfterARestart() throws {
        let arguments = try Self.signedArguments()
        let url = try Self.freshDatabase()
        let a = try ServiceProcess(arguments: arguments, databaseURL: url)
        let b = try ServiceProcess(arguments: arguments, databaseURL: url)
        let token = try CDSHooksEndToEndTests.keys.token(alg: "ES384", path: CDSHooksEndToEndTests.path)

        let accepted = try Self.call(a, token: token)
        #expect(accepted.status == 200, "\(accepted.text)")
        for replica in [b, a] {
            let replayed = try Self.call(replica, token: token)
            #expect(replayed.status == 401)
            #expect(CDSHooksEndToEndTests.problemType(replayed.text) == "urn:sarcoma-guide:problem:jwt-replayed")
        }
        let fresh = try CDSHooksEndToEndTests.keys.token(alg: "RS384", path: CDSHooksEndToEndTests.path)
        #expect(try Self.call(b, token: fresh).status == 200)

        // The ledger is the database's: a replica started afresh still refuses both tokens.
        #expect(b.stop() == 0)
        let restarted = try ServiceProcess(arguments: arguments, databaseURL: url)
        #expect(try Self.call(restarted, token: token).status == 401)
        #expect(try Self.call(restarted, token: fresh).status == 401)
    }

    @Test func oneJWTSentToTwoReplicasAtOnceIsAcceptedOnce() throws {
        let pair = try Self.replicas(2, arguments: try Self.signedArguments())
        for round in 0..<5 {
            let token = try CDSHooksEndToEndTests.keys.token(alg: "ES384", path: CDSHooksEndToEndTests.path)
            let statuses = LockedValue<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let status = (try? Self.call(pair[index], token: token))?.status ?? -1
                statuses.withLock { $0.append(status) }
            }
            #expect(statuses.withLock { $0.sorted() } == [200, 401], "round \(round)")
        }
    }
}
