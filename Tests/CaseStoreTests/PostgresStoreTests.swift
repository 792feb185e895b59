import Foundation
import TestSupport
import Testing

@testable import CaseStore

/// What only PostgreSQL has to prove: several processes (here, several stores) on one
/// database migrate it once, race updates safely, cannot rewrite the audit trail, and never
/// show a password. Skipped with the rest of the PostgreSQL half when initdb/pg_ctl are absent.
@Suite("PostgreSQL store", .enabled(if: StoreBackend.all.contains(.postgres)))
struct PostgresStoreTests {
    @Test func twoStoresOpeningAnEmptyDatabaseAtOnceMigrateItOnce() throws {
        let location = try TestStoreLocation(.postgres)
        let configuration = location.postgresConfiguration()
        let opened = ThreadRun(2) { _ in
            Result { () throws(CaseStoreError) in try PostgresCaseStore.open(configuration) }
        }.wait()
        let stores = try opened.map { try $0.get() }
        defer { stores.forEach { $0.close() } }
        let newest = try MigrationFolder(path: configuration.migrationsDirectory).newestVersion
        #expect(stores.map(\.schemaVersion) == [newest, newest])
        #expect(try rowCount("schema_migrations", in: stores[0]) == newest)
    }

    @Test func twoStoresRacingOneIfMatchUpdateLetExactlyOneWin() throws {
        let location = try TestStoreLocation(.postgres)
        let first = try location.open()
        defer { first.close() }
        let second = try location.open()
        defer { second.close() }
        let created = try first.create(caseInput(size: 5))
        let stores = [first, second]
        let outcomes = ThreadRun(2) { index in
            Result { () throws(CaseStoreError) in
                try stores[index].replace(id: created.id, with: caseInput(size: Double(6 + index)), expectedVersion: 1)
            }
        }.wait()
        let winners = outcomes.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        #expect(winners.first?.version == 2)
        let refusals = outcomes.compactMap { outcome -> CaseStoreError? in
            guard case .failure(let error) = outcome else { return nil }
            return error
        }
        #expect(refusals == [.versionMismatch(current: 2)])
        #expect(try second.get(id: created.id)?.version == 2)
    }

    @Test(arguments: [
        "UPDATE audit SET actor = 'someone else'", "UPDATE audit SET case_id = NULL WHERE seq = 1",
        "DELETE FROM audit", "DELETE FROM audit WHERE request_id = 'req-1'", "TRUNCATE audit",
    ])
    func theAuditTableRefusesChanges(statement: String) throws {
        let location = try TestStoreLocation(.postgres)
        let store = try location.open()
        defer { store.close() }
        _ = try store.create(caseInput(), audit: AuditContext(actor: "ehr", requestId: "req-1", route: "/v1/cases"))
        let postgres = try #require(store as? PostgresCaseStore)
        let error = #expect(throws: CaseStoreError.self) {
            try postgres.pool.withConnection { (database) throws(CaseStoreError) in
                try database.execute(statement, operation: "tamper with the audit trail")
            }
        }
        #expect(error?.description.contains("audit rows cannot be") == true, "\(String(describing: error))")
        #expect(try rowCount("audit", in: store) == 1)
        #expect(try store.auditTrail(AuditQuery(limit: 10)).items.map(\.actor) == ["ehr"])
    }

    @Test func noErrorRepeatsThePasswordOfTheURL() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let password = "pw-7f3a9c-never-shown"
        let url = try #require(PostgresURL(cluster.url(database: "no_such_database", password: password)))
        let configuration = PostgresStoreConfiguration(
            url: url, migrationsDirectory: TestStoreLocation.shippedPostgresMigrations)
        do {
            let store = try PostgresCaseStore.open(configuration)
            store.close()
            Issue.record("a missing database opened")
        } catch {
            #expect(!error.description.contains(password))
            #expect(!String(reflecting: error).contains(password))
        }
        #expect(!url.masked.contains(password))
    }

    @Test func theJWTReplayLedgerAdmitsEachIdOnceUntilItExpiresAcrossStores() throws {
        let location = try TestStoreLocation(.postgres)
        let first = try #require(try location.open() as? PostgresCaseStore)
        defer { first.close() }
        let second = try #require(try location.open() as? PostgresCaseStore)
        defer { second.close() }
        let now = 1_800_000_000.0
        #expect(try first.admitTokenID(issuer: "iss", jti: "a", forgetAfter: now + 300, now: now))
        #expect(try !second.admitTokenID(issuer: "iss", jti: "a", forgetAfter: now + 300, now: now + 299))
        #expect(try second.admitTokenID(issuer: "other", jti: "a", forgetAfter: now + 300, now: now))
        // A jti far longer than an index entry may be: the key is its hash.
        let long = String(repeating: "j", count: 10_000)
        #expect(try first.admitTokenID(issuer: "iss", jti: long, forgetAfter: now + 300, now: now))
        #expect(try !second.admitTokenID(issuer: "iss", jti: long, forgetAfter: now + 300, now: now))
        // Once the first token expired, its id may be used again, and expired rows are pruned.
        #expect(try second.admitTokenID(issuer: "iss", jti: "a", forgetAfter: now + 700, now: now + 400))
        #expect(try rowCount("jwt_replay", in: first) == 1)
        #expect(try !first.admitTokenID(issuer: "iss", jti: "a", forgetAfter: now + 700, now: now + 401))
    }

    @Test func twoStoresAdmittingOneJWTIdAtOnceAdmitItOnce() throws {
        let location = try TestStoreLocation(.postgres)
        let stores = try (0..<2).map { _ in try #require(try location.open() as? PostgresCaseStore) }
        defer { stores.forEach { $0.close() } }
        for round in 0..<20 {
            let outcomes = ThreadRun(2) { index in
                Result { () throws(CaseStoreError) in
                    try stores[index].admitTokenID(issuer: "iss", jti: "race-\(round)", forgetAfter: 2e9, now: 1e9)
                }
            }.wait()
            #expect(try outcomes.map { try $0.get() }.sorted { !$0 && $1 } == [false, true], "round \(round)")
        }
    }
}
