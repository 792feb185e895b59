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

    @Test(arguments: ["UPDATE audit SET actor = 'someone else'", "DELETE FROM audit"])
    func theAuditTableRefusesChanges(statement: String) throws {
        let location = try TestStoreLocation(.postgres)
        let store = try location.open()
        defer { store.close() }
        _ = try store.create(caseInput(), audit: AuditContext(actor: "ehr", requestId: "req-1", route: "/v1/cases"))
        let postgres = try #require(store as? PostgresCaseStore)
        #expect(throws: CaseStoreError.self) {
            try postgres.pool.withConnection { (database) throws(CaseStoreError) in
                try database.execute(statement, operation: "tamper with the audit trail")
            }
        }
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
}
