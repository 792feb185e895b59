import CSQLite
import Foundation

/// A consistent copy of a live case database, taken with SQLite's online backup API while
/// the service goes on reading and writing it.
///
/// The source is read inside one read transaction, so the copy is the snapshot of the
/// moment that transaction began (WAL lets writers go on meanwhile, and the copy never
/// restarts). Pages are copied in chunks; a step that finds the files busy or locked is
/// retried after a short sleep until `busyTimeoutMilliseconds`. The copy is written to a
/// temporary name beside the destination, checked (`integrity_check`), fsynced, and only
/// then renamed to the destination, so `destination` is either absent or a whole copy.
///
/// The source is never migrated or otherwise changed: a newer binary backing up an older
/// service's database copies it as it is.
public struct DatabaseBackup: Sendable {
    /// The live database file.
    public var source: String
    /// The file to write; refused when it exists, unless `overwrite`.
    public var destination: String
    /// Replace an existing `destination` (atomically: the old file stays until the new one is whole).
    public var overwrite: Bool
    /// Pages copied per `sqlite3_backup_step`.
    public var pagesPerStep: Int
    /// How long busy or locked steps are retried before giving up.
    public var busyTimeoutMilliseconds: Int

    public init(
        source: String, destination: String, overwrite: Bool = false,
        pagesPerStep: Int = 1_024, busyTimeoutMilliseconds: Int = 10_000
    ) {
        self.source = source
        self.destination = destination
        self.overwrite = overwrite
        self.pagesPerStep = pagesPerStep
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// Takes the backup; returns what the copy holds.
    public func run() throws(CaseStoreError) -> BackupReport {
        try checkPaths()
        let folder = Self.folder(of: destination)
        let temporary =
            folder + "/." + (destination as NSString).lastPathComponent + ".partial-" + UUID().uuidString.prefix(8)
        defer { Self.removeFileAndCompanions(temporary) }

        let report = try copy(to: temporary)
        try Self.sync(temporary, reason: "cannot fsync the copy")
        try moveIntoPlace(temporary)
        try Self.sync(folder, reason: "cannot fsync the destination folder")
        return report
    }

    // MARK: - Steps

    /// Refuses, before touching anything, what would lose data or copy the wrong thing.
    private func checkPaths() throws(CaseStoreError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .cannotOpen(path: source, reason: "no database file there")
        }
        if files.fileExists(atPath: destination, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw failure("it is a folder; name the backup file") }
            guard overwrite else { throw failure("the file exists; pass --force to replace it") }
        }
        let folder = Self.folder(of: destination)
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw failure("the folder \(folder) does not exist")
        }
        guard files.isWritableFile(atPath: folder) else { throw failure("the folder \(folder) is not writable") }
        let resolvedSource = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
        let resolvedDestination = URL(fileURLWithPath: destination).resolvingSymlinksInPath().path
        guard resolvedSource != resolvedDestination else { throw failure("it is the live database itself") }
    }

    /// Copies the source's snapshot into `temporary` and checks the copy.
    private func copy(to temporary: String) throws(CaseStoreError) -> BackupReport {
        let origin: Connection
        do throws(CaseStoreError) {
            origin = try Connection(path: source, createIfMissing: false)
        } catch {
            throw .cannotOpen(path: source, reason: error.description)
        }
        sqlite3_busy_timeout(origin.handle, Int32(clamping: busyTimeoutMilliseconds))
        // One snapshot for the counts and every page copied.
        try origin.run("BEGIN")
        defer { origin.rollbackIfNeeded() }
        let schemaVersion: Int
        let cases: Int
        do throws(CaseStoreError) {
            schemaVersion = try origin.firstRow("SELECT max(version) FROM schema_migrations") { $0.integer(0) } ?? 0
            cases = try origin.firstRow("SELECT count(*) FROM cases") { $0.integer(0) } ?? 0
        } catch {
            throw failure("\(source) is not a sarcoma-guide database (\(error.description))")
        }

        let copy = try Connection(path: temporary)
        let pages = try copyPages(from: origin, to: copy)
        let check = try copy.rows("PRAGMA integrity_check") { $0.text(0) }
        guard check == ["ok"] else {
            throw failure("the copy failed its integrity check: \(check.prefix(3).joined(separator: "; "))")
        }
        let copiedVersion = try copy.firstRow("SELECT max(version) FROM schema_migrations") { $0.integer(0) } ?? 0
        let copiedCases = try copy.firstRow("SELECT count(*) FROM cases") { $0.integer(0) } ?? 0
        guard copiedVersion == schemaVersion, copiedCases == cases else {
            throw failure(
                "the copy holds schema \(copiedVersion) and \(copiedCases) cases, the snapshot \(schemaVersion) and \(cases)"
            )
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0
        return BackupReport(schemaVersion: schemaVersion, cases: cases, pages: pages, bytes: bytes)
    }

    /// The `sqlite3_backup_*` loop; returns the pages copied.
    private func copyPages(from origin: Connection, to copy: Connection) throws(CaseStoreError) -> Int {
        guard let backup = sqlite3_backup_init(copy.handle, "main", origin.handle, "main") else {
            throw CaseStoreError(
                sqliteCode: sqlite3_errcode(copy.handle), operation: "sqlite3_backup_init", database: copy.handle)
        }
        let deadline = Date().addingTimeInterval(Double(busyTimeoutMilliseconds) / 1_000)
        var code = SQLITE_OK
        repeat {
            code = sqlite3_backup_step(backup, Int32(clamping: max(1, pagesPerStep)))
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                guard Date() < deadline else { break }
                Thread.sleep(forTimeInterval: 0.05)
                code = SQLITE_OK
            }
        } while code == SQLITE_OK
        let pages = Int(sqlite3_backup_pagecount(backup))
        let finished = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finished == SQLITE_OK else {
            let failed = code == SQLITE_DONE ? finished : code
            let error = CaseStoreError(sqliteCode: failed, operation: "sqlite3_backup_step", database: copy.handle)
            throw failure("copying pages failed: \(error.description)")
        }
        return pages
    }

    /// Renames the checked copy to `destination`; atomic, so readers never see half a file.
    private func moveIntoPlace(_ temporary: String) throws(CaseStoreError) {
        if overwrite {
            // rename(2) replaces the old file in one step (Foundation's replaceItemAt does not
            // work on Linux); both names are in the same folder, so it cannot cross filesystems.
            guard rename(temporary, destination) == 0 else {
                throw failure("cannot move the copy into place: \(String(cString: strerror(errno)))")
            }
            return
        }
        do {
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)  // fails if it appeared meanwhile
        } catch {
            throw failure("cannot move the copy into place: \(error.localizedDescription)")
        }
    }

    // MARK: - Files

    private func failure(_ reason: String) -> CaseStoreError {
        .backupFailed(destination: destination, reason: reason)
    }

    private static func folder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// fsync of a file or a folder (a folder's entry for a renamed file).
    private static func sync(_ path: String, reason: String) throws(CaseStoreError) {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.synchronize()
        } catch {
            throw .backupFailed(destination: path, reason: "\(reason): \(error.localizedDescription)")
        }
    }

    /// A failed or finished attempt leaves nothing behind under the temporary name.
    private static func removeFileAndCompanions(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}

/// What a backup copied: enough for an operator to see it is the database they meant.
public struct BackupReport: Sendable, Equatable {
    /// The highest migration applied in the copy.
    public let schemaVersion: Int
    /// Cases in the copy.
    public let cases: Int
    /// Database pages copied.
    public let pages: Int
    /// Size of the backup file in bytes.
    public let bytes: Int
}
