import Foundation
import Testing

@testable import CaseStore

/// A stop request (SIGTERM during start-up) between migrations: the migration under way
/// finishes whole, no other starts, and the next open applies the rest.
@Suite("Stopping between migrations")
struct MigrationStopTests {
    @Test func aStopRequestedDuringAMigrationLetsItFinishAndStartsNoOther() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        var files = try TemporaryDatabase.shippedFiles()
        files["0003_third.sql"] = "CREATE TABLE third (n INTEGER) STRICT;"
        files["0004_fourth.sql"] = "CREATE TABLE fourth (n INTEGER) STRICT;"
        let migrations = database.migrationsFolder(files)

        // Asked before 0001, 0002, 0003 (go on), then before 0004: "the signal came while
        // 0003 ran".
        var asked: [String] = []
        let error = #expect(throws: CaseStoreError.self) {
            _ = try CaseStore.open(database.configuration(migrations: migrations)) { file in
                asked.append(file)
                return asked.count <= 3
            }
        }
        #expect(asked == ["0001_cases.sql", "0002_evaluations.sql", "0003_third.sql", "0004_fourth.sql"])
        #expect(error == .migrationsStopped(schemaVersion: 3, newest: 4))
        #expect(error?.description.contains("before migration 0004") == true)

        let reopened = try database.open(migrations: migrations)
        defer { reopened.close() }
        #expect(reopened.schemaVersion == 4)
        let versions = try reopened.readers.withConnection { (connection) throws(CaseStoreError) in
            try connection.rows("SELECT version FROM schema_migrations ORDER BY version") { $0.integer(0) }
        }
        #expect(versions == [1, 2, 3, 4])
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test func aStopRequestOnACurrentDatabaseChangesNothing() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        try database.open().close()
        let store = try CaseStore.open(database.configuration()) { _ in false }
        defer { store.close() }
        #expect(store.schemaVersion == 2)
    }
}
