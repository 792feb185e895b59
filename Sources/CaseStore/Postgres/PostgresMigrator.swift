import UTCTime
/// Brings a PostgreSQL database to the newest version of a `MigrationFolder` (its
/// `postgres/` dialect), or refuses to open it, with the same refusals as `Migrator`.
///
/// The whole run holds the session advisory lock `PostgresLock.migrate`: two replicas
/// starting together against an empty database migrate it once, the second waiting, then
/// finding nothing to apply. Each migration runs in one transaction with its
/// `schema_migrations` row, so it is applied whole or not at all.
struct PostgresMigrator {
    let folder: MigrationFolder

    /// Migrates and returns the schema version; `shouldStart` as for `Migrator.migrate`.
    func migrate(_ database: PostgresConnection, shouldStart: (String) -> Bool = { _ in true }) throws(CaseStoreError)
        -> Int
    {
        let lockKey: [PostgresValue] = [.integer(PostgresLock.serviceClass), .integer(PostgresLock.migrate)]
        try database.execute(
            "SELECT pg_advisory_lock($1::int4, $2::int4)", lockKey, operation: "wait for the migration lock")
        defer {
            try? database.execute("SELECT pg_advisory_unlock($1::int4, $2::int4)", lockKey, operation: "unlock")
        }
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """, operation: "create schema_migrations")
        let rows = try database.rows("SELECT version, checksum FROM schema_migrations", operation: "read migrations") {
            ($0.integer(0), $0.text(1))
        }
        let pending = try folder.pending(applied: Dictionary(rows, uniquingKeysWith: { first, _ in first }))
        for migration in pending {
            guard shouldStart(migration.fileName) else {
                throw .migrationsStopped(schemaVersion: migration.version - 1, newest: folder.newestVersion)
            }
            try apply(migration, to: database)
        }
        return folder.newestVersion
    }

    private func apply(_ migration: MigrationFile, to database: PostgresConnection) throws(CaseStoreError) {
        do throws(CaseStoreError) {
            try database.executeScript("BEGIN", operation: "begin migration")
            do throws(CaseStoreError) {
                try database.executeScript(migration.sql, operation: "migration \(migration.fileName)")
            } catch {
                throw Self.explain(error, in: migration)
            }
            try database.execute(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
                [
                    .integer(migration.version), .text(migration.name), .text(migration.checksum),
                    .text(UTCInstant.now().rfc3339),
                ],
                operation: "record migration \(migration.fileName)")
            try database.executeScript("COMMIT", operation: "commit migration \(migration.fileName)")
        } catch {
            database.rollbackQuietly()
            throw error
        }
    }

    /// A failing statement becomes an error naming the file; busy and connection loss stay.
    private static func explain(_ error: CaseStoreError, in migration: MigrationFile) -> CaseStoreError {
        guard case .postgres(let sqlState, _, let message) = error else { return error }
        return .invalidMigration(
            file: migration.fileName,
            reason: "its SQL failed (PostgreSQL error \(sqlState): \(message)); it was rolled back and nothing of "
                + "it was applied. Fix the file: it has never been applied, so it may still change.")
    }
}
