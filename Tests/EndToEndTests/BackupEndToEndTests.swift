import Foundation
import HTTPServer
import Locking
import Testing

/// `sarcoma-guide backup` against a live service, then a restore from the copy.
@Suite("Backup and restore on the real binary")
struct BackupEndToEndTests {
    @Test func aBackupTakenUnderWriteLoadRestoresEveryCaseAcknowledgedBeforeIt() throws {
        let service = try ServiceProcess()
        let databasePath = service.directory.appendingPathComponent("cases.sqlite").path
        let backupPath = service.directory.appendingPathComponent("backup.sqlite").path
        let port = service.port

        // Three clients keep creating cases during the whole backup.
        let stop = LockedValue(false)
        let acknowledged = LockedValue<[String]>([])
        let group = DispatchGroup()
        for writer in 0..<3 {
            group.enter()
            Thread {
                defer { group.leave() }
                let client = LoopbackClient(host: "127.0.0.1", port: port, timeout: 10)
                var index = 0
                while !stop.withLock({ $0 }) {
                    let body = Fixtures.minimalCase(externalId: "LOAD-\(writer)-\(index)")
                    if let response = try? client.send(
                        "POST", "/v1/cases", headers: [("Content-Type", "application/json")],
                        body: Array(body.utf8)),
                        response.status == 201, let id = response.object.string("id")
                    {
                        acknowledged.withLock { $0.append(id) }
                    }
                    index += 1
                }
            }.start()
        }
        defer {
            stop.withLock { $0 = true }
            group.wait()
        }
        while acknowledged.withLock({ $0.count }) < 30 { Thread.sleep(forTimeInterval: 0.02) }

        let beforeBackup = acknowledged.withLock { $0 }
        let result = try AccessEndToEndTests.run(["backup", "--database", databasePath, "--to", backupPath])
        let duringBackup = acknowledged.withLock { $0.count } - beforeBackup.count
        stop.withLock { $0 = true }
        group.wait()
        #expect(result.status == 0, "backup failed: \(result.stderr)")
        let newest = try Self.shippedMigrationNames().count
        #expect(result.stdout.contains("schema \(newest),"), "\(result.stdout)")
        #expect(duringBackup > 0, "the service kept acknowledging writes while the backup ran")

        // A second backup to the same file is refused without --force.
        let again = try AccessEndToEndTests.run(["backup", "--database", databasePath, "--to", backupPath])
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"))

        // Restore: stop the service, move the database and its -wal/-shm aside, copy the
        // backup in, start again.
        #expect(service.stop() == 0)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        try FileManager.default.copyItem(atPath: backupPath, toPath: databasePath)
        let restored = try ServiceProcess(database: URL(fileURLWithPath: databasePath))
        #expect(restored.standardOutput.contains("database schema \(newest)"))
        #expect(try restored.send("GET", "/ready").status == 200)
        for id in beforeBackup {
            #expect(
                try restored.send("GET", "/v1/cases/\(id)").status == 200, "case \(id) acknowledged before the backup")
        }
        #expect(restored.stop() == 0)
    }

    @Test func sigtermDuringAMigrationFinishesItStartsNoOtherAndExitsZeroWithoutServing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "slow-migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = ServiceProcess.packageRoot.appendingPathComponent("Migrations")
        let names = try Self.shippedMigrationNames()
        for name in names {
            try FileManager.default.copyItem(
                at: shipped.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // About a second of CPU inside one migration transaction, then one more migration.
        let slowVersion = names.count + 1
        let slowFile = String(format: "%04d_drill_slow.sql", slowVersion)
        let afterFile = String(format: "%04d_drill_after.sql", slowVersion + 1)
        let slow = """
            CREATE TABLE drill_slow (n INTEGER NOT NULL) STRICT;
            INSERT INTO drill_slow SELECT count(*) FROM (
                WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT x FROM c);
            """
        try Data(slow.utf8).write(to: folder.appendingPathComponent(slowFile))
        try Data("CREATE TABLE drill_after (n INTEGER) STRICT;\n".utf8).write(
            to: folder.appendingPathComponent(afterFile))

        let run = try StartingProcess(arguments: ["--migrations", folder.path])
        try run.waitFor("applying migration \(slowFile)")
        run.process.terminate()  // SIGTERM while the slow migration runs
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, "\(run.standardError)")
        #expect(!run.standardOutput.contains("listening on"))
        // The slow one was under way: it finished whole; the next one was not started.
        #expect(run.standardOutput.contains("during start-up"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("before migration \(afterFile.prefix(4))"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("schema \(slowVersion) of \(slowVersion + 1)"), "\(run.standardOutput)")

        // The next start applies the rest and serves.
        let next = try ServiceProcess(arguments: ["--migrations", folder.path], database: run.database)
        #expect(next.standardOutput.contains("database schema \(slowVersion + 1)"))
        #expect(try next.send("GET", "/ready").status == 200)
        #expect(next.stop() == 0)
    }

    /// The shipped `NNNN_name.sql` files, in order.
    static func shippedMigrationNames() throws -> [String] {
        let folder = ServiceProcess.packageRoot.appendingPathComponent("Migrations").path
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sql") }.sorted()
    }

    @Test(arguments: [
        ("/proc/sarcoma-guide-e2e/cases.sqlite", "cannot create the folder /proc/sarcoma-guide-e2e"),
        ("/dev/null/cases.sqlite", "/dev/null exists but is not a folder"),
    ])
    func anUnusableDatabaseLocationIsRefusedNamingPathAndReason(path: String, reason: String) throws {
        let result = try AccessEndToEndTests.run([
            "serve", "--port", "0", "--database", path,
            "--migrations", ServiceProcess.packageRoot.appendingPathComponent("Migrations").path,
            "--guidelines", ServiceProcess.packageRoot.appendingPathComponent("Config/guidelines").path,
            "--openapi", ServiceProcess.packageRoot.appendingPathComponent("Config/openapi.json").path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains(path), "\(result.stderr)")
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        #expect(!result.stdout.contains("listening on"))
    }

    @Test func theDefaultDatabaseFolderIsCreated() throws {
        let run = try StartingProcess(arguments: [], passDatabase: false)
        try run.waitFor("listening on")
        run.process.terminate()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0)
        #expect(
            FileManager.default.fileExists(
                atPath: run.directory.appendingPathComponent("data/sarcoma-guide.sqlite").path))
    }
}
