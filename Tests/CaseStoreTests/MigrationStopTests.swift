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
        let shipped = try MigratorTests.shipped()
        var files = try TemporaryDatabase.shippedFiles()
        let third = String(format: "%04d_third.sql", shipped.newest + 1)
        let fourth = String(format: "%04d_fourth.sql", shipped.newest + 2)
        files[third] = "CREATE TABLE third (n INTEGER) STRICT;"
        files[fourth] = "CREATE TABLE fourth (n INTEGER) STRICT;"
        let migrations = database.migrationsFolder(files)

        // Asked before each shipped migration and `third` (go on), then before `fourth`:
        // "the signal came while `third` ran".
        var asked: [String] = []
        let error = #expect(throws: CaseStoreError.self) {
            _ = try SQLiteCaseStore.open(database.configuration(migrations: migrations)) { file in
                asked.append(file)
                return file != fourth
            }
        }
        #expect(asked == shipped.names + [third, fourth])
        #expect(error == .migrationsStopped(schemaVersion: shipped.newest + 1, newest: shipped.newest + 2))
        #expect(error?.description.contains("before migration \(fourth.prefix(4))") == true)

        let reopened = try database.open(migrations: migrations)
        defer { reopened.close() }
        #expect(reopened.schemaVersion == shipped.newest + 2)
        let versions = try reopened.readers.withConnection { (connection) throws(CaseStoreError) in
            try connection.rows("SELECT version FROM schema_migrations ORDER BY version") { $0.integer(0) }
        }
        #expect(versions == Array(1...(shipped.newest + 2)))
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test func aStopRequestOnACurrentDatabaseChangesNothing() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        try database.open().close()
        let store = try SQLiteCaseStore.open(database.configuration()) { _ in false }
        defer { store.close() }
        #expect(store.schemaVersion == (try MigratorTests.shipped().newest))
    }
}
