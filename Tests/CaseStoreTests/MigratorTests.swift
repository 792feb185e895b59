import Foundation
import Testing

@testable import CaseStore

@Suite("Migrations")
struct MigratorTests {
    /// The shipped file names in order, and the newest version (derived, so that adding a
    /// migration does not mean editing these tests).
    static func shipped() throws -> (names: [String], newest: Int) {
        let names = try TemporaryDatabase.shippedFiles().keys.sorted()
        return (names, names.count)
    }

    @Test func freshDatabaseGetsEveryShippedMigration() throws {
        try withStore { store, _ in
            let shipped = try Self.shipped()
            #expect(store.schemaVersion == shipped.newest)
            #expect(shipped.names.prefix(3) == ["0001_cases.sql", "0002_evaluations.sql", "0003_audit.sql"])
            #expect(store.isReady())
            let files = try TemporaryDatabase.shippedFiles()
            let recorded = try store.readers.withConnection { (database) throws(CaseStoreError) in
                try database.rows("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")
                {
                    [$0.text(0), $0.text(1), $0.text(2), $0.text(3)]
                }
            }
            #expect(recorded.map { $0[0] } == (1...shipped.newest).map(String.init))
            #expect(recorded.map { "\(CaseStoreError.paddedVersion(Int($0[0])!))_\($0[1]).sql" } == shipped.names)
            for (row, name) in zip(recorded, shipped.names) {
                #expect(row[2] == MigrationFile.checksum(of: Array(files[name]!.utf8)), "\(name)")
            }
            #expect(try store.readValue("PRAGMA user_version") { $0.integer(0) } == shipped.newest)
            let tables = try store.readers.withConnection { (database) throws(CaseStoreError) in
                try database.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { $0.text(0) }
            }
            #expect(Set(tables).isSuperset(of: ["cases", "evaluations", "audit", "schema_migrations"]))
        }
    }

    @Test func reopeningAppliesNothingAgain() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let query = "SELECT group_concat(version || '@' || applied_at) FROM schema_migrations"
        let first = try database.open()
        let before = try first.readValue(query) { $0.text(0) }
        _ = try first.create(caseInput(externalId: "kept"))
        first.close()

        let second = try database.open()
        defer { second.close() }
        #expect(second.schemaVersion == (try Self.shipped().newest))
        #expect(try second.readValue(query) { $0.text(0) } == before)
        #expect(try second.list(CaseListQuery()).items.map(\.externalId) == ["kept"])
    }

    @Test func aNewMigrationIsAppliedOnTheNextOpen() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        var files = try TemporaryDatabase.shippedFiles()
        let folder = database.migrationsFolder(files)
        try database.open(migrations: folder).close()

        let next = try Self.shipped().newest + 1
        files["\(CaseStoreError.paddedVersion(next))_case_notes.sql"] =
            "CREATE TABLE case_notes (id INTEGER PRIMARY KEY, note TEXT);"
        let grown = database.migrationsFolder(files)
        let store = try database.open(migrations: grown)
        defer { store.close() }
        #expect(store.schemaVersion == next)
        #expect(store.isReady())
        #expect(try store.readValue("SELECT count(*) FROM case_notes") { $0.integer(0) } == 0)
    }

    @Test func anEditedAppliedMigrationIsRefused() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        var files = try TemporaryDatabase.shippedFiles()
        try database.open(migrations: database.migrationsFolder(files)).close()

        files["0002_evaluations.sql"]! += "\n-- a harmless-looking edit\n"
        let edited = database.migrationsFolder(files)
        #expect(throws: CaseStoreError.migrationEdited(version: 2, name: "evaluations")) {
            try database.open(migrations: edited)
        }
    }

    @Test func aDatabaseNewerThanTheBinaryIsRefused() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        var files = try TemporaryDatabase.shippedFiles()
        try database.open(migrations: database.migrationsFolder(files)).close()

        let shipped = try Self.shipped()
        files[shipped.names.last!] = nil
        let older = database.migrationsFolder(files, named: "older")
        #expect(throws: CaseStoreError.databaseNewerThanBinary(database: shipped.newest, binary: shipped.newest - 1)) {
            try database.open(migrations: older)
        }
    }

    @Test(arguments: [
        "2_evaluations.sql", "0002-evaluations.sql", "0002_Evaluations.sql", "0002_.sql", "0000_zero.sql", "0002_x.SQL",
        "00002_x.sql",
    ])
    func aMalformedFileNameIsRefusedByName(fileName: String) throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let folder = database.migrationsFolder([
            "0001_cases.sql": "CREATE TABLE a (x);", fileName: "CREATE TABLE b (x);",
        ])
        let error = #expect(throws: CaseStoreError.self) { try database.open(migrations: folder) }
        guard case .invalidMigration(let file, _) = error else {
            Issue.record("expected invalidMigration, got \(String(describing: error))")
            return
        }
        #expect(file == fileName)
        #expect(
            !FileManager.default.fileExists(atPath: database.path), "nothing is created before the folder checks out")
    }

    @Test func aGapIsRefusedNamingTheFileAfterIt() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let folder = database.migrationsFolder([
            "0001_a.sql": "CREATE TABLE a (x);", "0003_c.sql": "CREATE TABLE c (x);",
        ])
        let error = #expect(throws: CaseStoreError.self) { try database.open(migrations: folder) }
        guard case .invalidMigration(let file, let reason) = error else {
            Issue.record("expected invalidMigration, got \(String(describing: error))")
            return
        }
        #expect(file == "0003_c.sql")
        #expect(reason.contains("0002"))
    }

    @Test func aDuplicateVersionIsRefused() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let folder = database.migrationsFolder([
            "0001_a.sql": "CREATE TABLE a (x);", "0001_b.sql": "CREATE TABLE b (x);",
        ])
        let error = #expect(throws: CaseStoreError.self) { try database.open(migrations: folder) }
        guard case .invalidMigration(let file, _) = error else {
            Issue.record("expected invalidMigration, got \(String(describing: error))")
            return
        }
        #expect(file == "0001_b.sql")
    }

    @Test func otherFilesInTheFolderAreIgnored() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let folder = database.migrationsFolder(
            ["0001_a.sql": "CREATE TABLE a (x);", "README.md": "notes", ".0002_hidden.sql": "garbage"])
        let store = try database.open(migrations: folder)
        defer { store.close() }
        #expect(store.schemaVersion == 1)
    }

    @Test func emptyOrMissingFolderIsRefused() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let empty = database.migrationsFolder([:])
        #expect(
            throws: CaseStoreError.invalidMigration(file: empty, reason: "the folder holds no NNNN_name.sql migration")
        ) {
            try database.open(migrations: empty)
        }
        let missing = database.folder + "/no-such-folder"
        let error = #expect(throws: CaseStoreError.self) { try database.open(migrations: missing) }
        #expect(error?.description.contains(missing) == true)
    }

    @Test func aFailingMigrationIsRolledBackWhole() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let folder = database.migrationsFolder([
            "0001_a.sql": "CREATE TABLE a (x);",
            "0002_b.sql": "CREATE TABLE b (x);\nINSERT INTO a VALUES (1);\nCREATE TABLE broken (",
        ])
        let error = #expect(throws: CaseStoreError.self) { try database.open(migrations: folder) }
        guard case .invalidMigration(let file, let reason) = error else {
            Issue.record("expected invalidMigration, got \(String(describing: error))")
            return
        }
        #expect(file == "0002_b.sql")
        #expect(reason.contains("rolled back"))

        // Fix the file: version 1 stays applied, version 2 now applies from scratch.
        let fixed = database.migrationsFolder(
            ["0001_a.sql": "CREATE TABLE a (x);", "0002_b.sql": "CREATE TABLE b (x);\nINSERT INTO a VALUES (1);"],
            named: "fixed")
        let store = try database.open(migrations: fixed)
        defer { store.close() }
        #expect(store.schemaVersion == 2)
        #expect(try store.readValue("SELECT count(*) FROM a") { $0.integer(0) } == 1)
    }

    @Test func errorMessagesTellTheOperatorWhatToDo() {
        let edited = CaseStoreError.migrationEdited(version: 2, name: "evaluations").description
        #expect(edited.contains("0002") && edited.contains("evaluations") && edited.contains("new migration"))
        let newer = CaseStoreError.databaseNewerThanBinary(database: 5, binary: 2).description
        #expect(newer.contains("5") && newer.contains("2") && newer.contains("newer"))
    }
}
