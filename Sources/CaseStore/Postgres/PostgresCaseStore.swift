import Foundation

/// The `CaseStore` for several replicas: cases, evaluations, the audit trail and CDS feedback
/// in one PostgreSQL database, reached through libpq.
///
/// Each read borrows a connection from a bounded `PostgresPool`. Writes queue for this
/// replica's `GroupCommitWriter`, which commits the writes waiting together in one transaction
/// (each in its own savepoint) with `synchronous_commit = on` before any of them returns. Version checks
/// and externalId uniqueness are the database's (`UPDATE ... WHERE version = $n`, a UNIQUE
/// index), so they hold across replicas. A lost connection answers `.connectionLost` and the
/// next call reconnects; nothing needs restarting.
public final class PostgresCaseStore: CaseStore {
    let pool: PostgresPool
    let writer: GroupCommitWriter<PostgresBatchConnection>
    let url: PostgresURL
    /// The highest applied migration (the binary's newest, once `open` returned).
    public let schemaVersion: Int

    private init(pool: PostgresPool, maxBatch: Int, url: PostgresURL, schemaVersion: Int) {
        self.pool = pool
        self.writer = GroupCommitWriter.start(connection: PostgresBatchConnection(pool: pool), maxBatch: maxBatch)
        self.url = url
        self.schemaVersion = schemaVersion
    }

    deinit {
        close()
    }

    /// Connects, applies the missing migrations under the migration lock, and opens the pool.
    ///
    /// Refuses (before any change) a malformed migrations folder, an edited applied migration
    /// and a database newer than the binary; `.cannotOpen` (naming the URL with its password
    /// masked) when PostgreSQL cannot be reached. `beforeMigration` as for `SQLiteCaseStore.open`.
    public static func open(
        _ configuration: PostgresStoreConfiguration, beforeMigration: (String) -> Bool = { _ in true }
    ) throws(CaseStoreError) -> PostgresCaseStore {
        let url = configuration.url
        guard configuration.poolSize >= 1, configuration.maxBatch >= 1 else {
            throw .cannotOpen(path: url.masked, reason: "the pool size and maxBatch must be at least 1")
        }
        let folder = try MigrationFolder(path: configuration.migrationsDirectory)
        let connect = { @Sendable () throws(CaseStoreError) -> PostgresConnection in
            try PostgresConnection(
                url: url, connectTimeoutSeconds: configuration.connectTimeoutSeconds,
                lockTimeoutMilliseconds: configuration.lockTimeoutMilliseconds)
        }
        let schemaVersion: Int
        do throws(CaseStoreError) {
            let migrating = try connect()
            schemaVersion = try PostgresMigrator(folder: folder).migrate(migrating, shouldStart: beforeMigration)
        } catch .connectionLost(let reason) {
            throw .cannotOpen(path: url.masked, reason: reason)
        }
        let pool = PostgresPool(
            size: configuration.poolSize, waitMilliseconds: configuration.lockTimeoutMilliseconds, connect: connect)
        return PostgresCaseStore(
            pool: pool, maxBatch: configuration.maxBatch, url: url, schemaVersion: schemaVersion)
    }

    /// Commits the writes queued, waits for the reads under way, then closes every connection.
    /// Later calls get `.closed`. Idempotent.
    public func close() {
        writer.close()
        pool.close()
    }

    /// Runs `work` in this replica's next group commit; returns once that is committed.
    func write<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) throws(CaseStoreError) -> T
    ) throws(CaseStoreError) -> T {
        try writer.perform { (batch) throws(CaseStoreError) in try work(batch.connection) }
    }

    /// Open, PostgreSQL reachable, migrated to `schemaVersion`, and a trivial read works.
    /// False while PostgreSQL is down; true again once it is back (no restart needed).
    public func isReady() -> Bool {
        guard writer.isRunning else { return false }
        let applied = try? pool.read { (database) throws(CaseStoreError) in
            try database.firstRow("SELECT max(version) FROM schema_migrations", operation: "readiness") {
                $0.optionalInteger(0)
            } ?? nil
        }
        return applied == schemaVersion
    }
}
