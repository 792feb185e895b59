import Foundation

/// The embedded `CaseStore`: cases and their evaluations in one SQLite file, safe to call from many threads at once.
///
/// Reads go through a `ReadPool` of WAL read connections; writes go to the single
/// `GroupCommitWriter`, which answers each caller only once its write is on disk.
/// The store knows nothing of the clinical model: documents are canonical JSON bytes.
///
/// Online backups are `DatabaseBackup` (its own connection to the file, so the
/// `sarcoma-guide backup` command can copy the database of a running service).
public final class SQLiteCaseStore: CaseStore {
    let writer: GroupCommitWriter<Connection>
    let readers: ReadPool
    /// The highest applied migration (the binary's newest, once `open` returned).
    public let schemaVersion: Int

    private init(writer: GroupCommitWriter<Connection>, readers: ReadPool, schemaVersion: Int) {
        self.writer = writer
        self.readers = readers
        self.schemaVersion = schemaVersion
    }

    deinit {
        close()
    }

    /// Creates the parent folder, opens the database, sets up every connection, applies the
    /// missing migrations and starts the writer thread.
    ///
    /// Refuses (before any change) a malformed migrations folder, an edited applied migration,
    /// a database newer than the binary and an unwritable location. `beforeMigration` is
    /// called with each migration's file name before it is applied (to log it); once it
    /// answers false (a SIGTERM during start-up), the one under way has finished, no other
    /// starts, and `open` throws `.migrationsStopped`.
    public static func open(
        _ configuration: CaseStoreConfiguration, beforeMigration: (String) -> Bool = { _ in true }
    ) throws(CaseStoreError) -> SQLiteCaseStore {
        let path = configuration.path
        guard configuration.readConnections >= 1, configuration.maxBatch >= 1 else {
            throw .cannotOpen(path: path, reason: "readConnections and maxBatch must be at least 1")
        }
        let folder = try MigrationFolder(path: configuration.migrationsDirectory)
        try DatabaseLocation.prepare(path)
        let connect = { (readOnly: Bool) throws(CaseStoreError) -> Connection in
            do throws(CaseStoreError) {
                return try Connection.open(
                    path: path, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds, readOnly: readOnly)
            } catch {
                throw .cannotOpen(path: path, reason: error.description)
            }
        }
        let writerConnection = try connect(false)
        let schemaVersion = try Migrator(folder: folder).migrate(writerConnection, shouldStart: beforeMigration)
        var readConnections: [Connection] = []
        for _ in 0..<configuration.readConnections {
            readConnections.append(try connect(true))
        }
        return SQLiteCaseStore(
            writer: GroupCommitWriter.start(connection: writerConnection, maxBatch: configuration.maxBatch),
            readers: ReadPool(connections: readConnections),
            schemaVersion: schemaVersion)
    }

    /// Commits the writes already queued, then closes every connection. Later calls get
    /// `.closed`. Idempotent.
    public func close() {
        writer.close()
        readers.close()
    }

    /// Open, accepting writes, migrated to `schemaVersion`, and a trivial read works.
    public func isReady() -> Bool {
        guard writer.isRunning else { return false }
        let applied = try? readers.withConnection { (database) throws(CaseStoreError) in
            try database.firstRow("SELECT max(version) FROM schema_migrations") { $0.integer(0) }
        }
        return applied == schemaVersion
    }
}
