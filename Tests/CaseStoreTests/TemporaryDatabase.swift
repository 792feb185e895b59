import Foundation
import Testing

@testable import CaseStore

/// A fresh folder per test, removed afterwards; the store opens a database inside it with the
/// worktree's real `Migrations/` unless a test passes its own folder.
struct TemporaryDatabase {
    let folder: String
    var path: String { folder + "/db/cases.sqlite" }

    /// The repository's `Migrations/`, found from this file's location.
    static let shippedMigrations: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations").path

    init() {
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("casestore-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func configuration(migrations: String = TemporaryDatabase.shippedMigrations) -> CaseStoreConfiguration {
        CaseStoreConfiguration(path: path, migrationsDirectory: migrations, readConnections: 3)
    }

    func open(migrations: String = TemporaryDatabase.shippedMigrations) throws(CaseStoreError) -> SQLiteCaseStore {
        try SQLiteCaseStore.open(configuration(migrations: migrations))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `files` (name -> SQL) into a new migrations folder inside this test's folder.
    func migrationsFolder(_ files: [String: String], named name: String = "migrations") -> String {
        let directory = folder + "/" + name
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (file, sql) in files {
            _ = FileManager.default.createFile(atPath: directory + "/" + file, contents: Data(sql.utf8))
        }
        return directory
    }

    /// The shipped migration files' contents, to copy into a folder a test may then alter.
    static func shippedFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: shippedMigrations) where name.hasSuffix(".sql")
        {
            files[name] = try String(contentsOfFile: shippedMigrations + "/" + name, encoding: .utf8)
        }
        return files
    }
}

/// Opens a store on a fresh database, runs `body`, then closes the store and removes the files.
func withStore(_ body: (SQLiteCaseStore, TemporaryDatabase) throws -> Void) throws {
    let database = TemporaryDatabase()
    defer { database.remove() }
    let store = try database.open()
    defer { store.close() }
    try body(store, database)
}

/// A case input whose document is a small JSON object.
func caseInput(externalId: String? = nil, site: String = "extremity", size: Double = 5) -> CaseInput {
    let external = externalId.map { "\"externalId\":\"\($0)\"," } ?? ""
    let json = "{\(external)\"tumor\":{\"site\":\"\(site)\",\"sizeCm\":\(size)}}"
    return CaseInput(externalId: externalId, site: site, document: Array(json.utf8))
}

extension SQLiteCaseStore {
    /// One value read on a pool connection (tests inspect the database directly).
    func readValue<T>(_ sql: String, _ transform: @escaping (Row) -> T) throws(CaseStoreError) -> T? {
        try readers.withConnection { (database) throws(CaseStoreError) in try database.firstRow(sql, [], transform) }
    }
}
