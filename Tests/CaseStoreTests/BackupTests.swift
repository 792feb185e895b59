import Foundation
import Locking
import Testing

@testable import CaseStore

@Suite("Online backup")
struct BackupTests {
    /// Files in `folder` whose name contains `fragment` (leftover temporary copies).
    private static func files(in folder: String, containing fragment: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(fragment) }
    }

    @Test func aBackupTakenWhileWritesGoOnHoldsEveryCaseAcknowledgedBeforeIt() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        defer { store.close() }
        for index in 0..<20 { _ = try store.create(caseInput(externalId: "PRE-\(index)")) }

        // Four writers go on creating cases during the whole backup.
        let stop = LockedValue(false)
        let acknowledged = LockedValue<[StoredCase]>([])
        let writers = ThreadRun(4) { writer in
            var count = 0
            while !stop.withLock({ $0 }) {
                if let stored = try? store.create(caseInput(externalId: "W\(writer)-\(count)")) {
                    acknowledged.withLock { $0.append(stored) }
                }
                count += 1
            }
            return count
        }
        Thread.sleep(forTimeInterval: 0.2)
        let beforeBackup = acknowledged.withLock { $0 }
        let destination = database.folder + "/backup.sqlite"
        let report = try DatabaseBackup(source: database.path, destination: destination, pagesPerStep: 2).run()
        stop.withLock { $0 = true }
        _ = writers.wait()

        let newest = try MigratorTests.shipped().newest
        #expect(report.schemaVersion == newest)
        #expect(report.cases >= 20 + beforeBackup.count)
        #expect(report.bytes == report.pages * 4_096)
        #expect(Self.files(in: database.folder, containing: ".partial-").isEmpty)

        let copy = try SQLiteCaseStore.open(
            CaseStoreConfiguration(path: destination, migrationsDirectory: TemporaryDatabase.shippedMigrations))
        defer { copy.close() }
        #expect(try copy.integrityCheck() == ["ok"])
        #expect(copy.schemaVersion == newest)
        for stored in beforeBackup { #expect(try copy.get(id: stored.id) == stored) }
        #expect(try copy.readValue("SELECT count(*) FROM cases") { $0.integer(0) } == report.cases)
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        try withStore { store, database in
            let kept = try store.create(caseInput(externalId: "ONE"))
            let destination = database.folder + "/backup.sqlite"
            #expect(FileManager.default.createFile(atPath: destination, contents: Data("precious".utf8)))
            let refused = #expect(throws: CaseStoreError.self) {
                try DatabaseBackup(source: database.path, destination: destination).run()
            }
            #expect(refused?.description.contains("--force") == true)
            #expect(FileManager.default.contents(atPath: destination) == Data("precious".utf8))

            let report = try DatabaseBackup(source: database.path, destination: destination, overwrite: true).run()
            #expect(report.cases == 1)
            let copy = try SQLiteCaseStore.open(
                CaseStoreConfiguration(path: destination, migrationsDirectory: TemporaryDatabase.shippedMigrations))
            defer { copy.close() }
            #expect(try copy.get(id: kept.id) == kept)
        }
    }

    @Test func refusalsNameThePathAndLeaveNothingBehind() throws {
        try withStore { _, database in
            let folder = database.folder
            let notADatabase = folder + "/notes.txt"
            #expect(
                FileManager.default.createFile(
                    atPath: notADatabase, contents: Data(String(repeating: "not sqlite ", count: 500).utf8)))
            let cases: [(source: String, destination: String, fragment: String)] = [
                (folder + "/missing.sqlite", folder + "/b1.sqlite", "missing.sqlite"),
                (notADatabase, folder + "/b2.sqlite", "not a sarcoma-guide database"),
                (database.path, database.path, "live database"),
                (database.path, folder + "/no-such-folder/b3.sqlite", "does not exist"),
                (database.path, folder, "folder"),
            ]
            for (source, destination, fragment) in cases {
                let error = #expect(throws: CaseStoreError.self) {
                    try DatabaseBackup(source: source, destination: destination, overwrite: true).run()
                }
                #expect(error?.description.contains(fragment) == true, "\(String(describing: error))")
            }
            #expect(!FileManager.default.fileExists(atPath: folder + "/b1.sqlite"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/b2.sqlite"))
            #expect(Self.files(in: folder, containing: ".partial-").isEmpty)
        }
    }
}
