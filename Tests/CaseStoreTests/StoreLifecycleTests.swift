import Foundation
import Testing

@testable import CaseStore

@Suite("Opening, settings and closing")
struct StoreLifecycleTests {
    @Test func everyConnectionUsesWALFullSyncAndForeignKeys() throws {
        try withStore { store, database in
            let fresh = try Connection.open(path: database.path, busyTimeoutMilliseconds: 5000, readOnly: false)
            #expect(try fresh.firstRow("PRAGMA journal_mode") { $0.text(0) } == "wal")
            #expect(try fresh.firstRow("PRAGMA synchronous") { $0.integer(0) } == 2)
            #expect(try fresh.firstRow("PRAGMA foreign_keys") { $0.integer(0) } == 1)
            #expect(try fresh.firstRow("PRAGMA busy_timeout") { $0.integer(0) } == 5000)

            let writerSettings = try store.writer.perform { (database) throws(CaseStoreError) in
                try database.firstRow("SELECT 1") { _ in
                    [
                        try? database.firstRow("PRAGMA synchronous") { $0.integer(0) },
                        try? database.firstRow("PRAGMA query_only") { $0.integer(0) },
                    ]
                }
            }
            #expect(writerSettings == [2, 0])
            #expect(try store.readValue("PRAGMA synchronous") { $0.integer(0) } == 2)
            #expect(try store.readValue("PRAGMA journal_mode") { $0.text(0) } == "wal")
            #expect(try store.readValue("PRAGMA query_only") { $0.integer(0) } == 1)
            #expect(try store.readValue("PRAGMA foreign_keys") { $0.integer(0) } == 1)
        }
    }

    @Test func readConnectionsCannotWrite() throws {
        try withStore { store, _ in
            let error = #expect(throws: CaseStoreError.self) {
                try store.readers.withConnection { (database) throws(CaseStoreError) in
                    try database.run("DELETE FROM cases")
                }
            }
            guard case .sqlite? = error else {
                Issue.record("expected a .sqlite error, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func integrityCheckPassesAfterMixedWork() throws {
        try withStore { store, _ in
            let stored = try (0..<20).map { try store.create(caseInput(externalId: "I-\($0)")) }
            for item in stored.prefix(5) { try store.delete(id: item.id, expectedVersion: nil) }
            for item in stored.suffix(5) {
                _ = try store.replace(id: item.id, with: caseInput(size: 1), expectedVersion: 1)
            }
            #expect(try store.readValue("PRAGMA integrity_check") { $0.text(0) } == "ok")
            #expect(try store.readValue("SELECT count(*) FROM pragma_foreign_key_check") { $0.integer(0) } == 0)
        }
    }

    @Test func theParentFolderIsCreated() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let path = database.folder + "/a/b/c/store.sqlite"
        let store = try SQLiteCaseStore.open(
            CaseStoreConfiguration(path: path, migrationsDirectory: TemporaryDatabase.shippedMigrations))
        defer { store.close() }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(store.isReady())
    }

    @Test func anUnusableLocationIsRefusedNamingThePath() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let blocker = database.folder + "/not-a-folder"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        for path in [blocker + "/store.sqlite", blocker + "/deeper/store.sqlite", database.folder] {
            let error = #expect(throws: CaseStoreError.self) {
                try SQLiteCaseStore.open(
                    CaseStoreConfiguration(path: path, migrationsDirectory: TemporaryDatabase.shippedMigrations))
            }
            guard case .cannotOpen(let reportedPath, _)? = error else {
                Issue.record("expected cannotOpen, got \(String(describing: error))")
                continue
            }
            #expect(reportedPath == path)
            #expect(error?.description.contains(path) == true)
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        try FileManager.default.createDirectory(atPath: database.folder + "/db", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: database.path, contents: Data(repeating: 0x41, count: 4096))
        let error = #expect(throws: CaseStoreError.self) { try database.open() }
        guard case .cannotOpen(let path, _)? = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(path == database.path)
    }

    @Test func closeIsIdempotentAndEndsReadiness() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        #expect(store.isReady())
        store.close()
        store.close()
        #expect(!store.isReady())
        #expect(throws: CaseStoreError.closed) { try store.list(CaseListQuery()) }
    }

    @Test func manyReadersShareAFewConnections() throws {
        try withStore { store, _ in
            let stored = try store.create(caseInput(externalId: "R"))
            let reads = ThreadRun(16) { _ in
                (0..<20).allSatisfy { _ in (try? store.get(id: stored.id)) == stored }
            }.wait()
            #expect(reads.allSatisfy { $0 })
        }
    }
}
