import UTCTime

/// Brings a database to the newest version of a `MigrationFolder`, or refuses to open it.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with its
/// `schema_migrations` row, so it is applied whole or not at all, and two processes starting
/// at once apply it once. Refused: a database newer than the folder, and an applied migration
/// whose file changed since (compared by SHA-256). Re-running on a current database is a no-op.
struct Migrator {
    let folder: MigrationFolder

    /// Migrates and returns the schema version (the highest applied migration).
    /// `shouldStart` is asked before each migration still to apply, with its file name; once
    /// it answers false, no further migration starts (`.migrationsStopped`): the one under
    /// way always finishes.
    func migrate(_ database: Connection, shouldStart: (String) -> Bool = { _ in true }) throws(CaseStoreError) -> Int {
        try database.immediateTransaction { () throws(CaseStoreError) in
            try database.run(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    checksum TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                ) STRICT
                """)
        }
        let pending = try folder.pending(applied: try appliedChecksums(database))
        for migration in pending {
            guard shouldStart(migration.fileName) else {
                throw .migrationsStopped(schemaVersion: migration.version - 1, newest: folder.newestVersion)
            }
            try apply(migration, to: database)
        }
        return folder.newestVersion
    }

    private func appliedChecksums(_ database: Connection) throws(CaseStoreError) -> [Int: String] {
        let rows = try database.rows("SELECT version, checksum FROM schema_migrations") { ($0.integer(0), $0.text(1)) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    private func apply(_ migration: MigrationFile, to database: Connection) throws(CaseStoreError) {
        try database.immediateTransaction { () throws(CaseStoreError) in
            // Another process may have applied it between our read and our write lock.
            let recorded = try database.firstRow(
                "SELECT checksum FROM schema_migrations WHERE version = ?", [.integer(migration.version)]
            ) { $0.text(0) }
            if let recorded {
                guard recorded == migration.checksum else {
                    throw .migrationEdited(version: migration.version, name: migration.name)
                }
                return
            }
            do throws(CaseStoreError) {
                try database.executeScript(migration.sql)
            } catch {
                throw Self.explain(error, in: migration)
            }
            try database.run(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                [
                    .integer(migration.version), .text(migration.name), .text(migration.checksum),
                    .text(UTCInstant.now().rfc3339),
                ])
            // An integer parsed from the file name; PRAGMA values cannot be bound.
            try database.run("PRAGMA user_version = \(migration.version)")
        }
    }

    /// A failing statement becomes an error naming the file; busy, full and I/O stay what they are.
    private static func explain(_ error: CaseStoreError, in migration: MigrationFile) -> CaseStoreError {
        guard case .sqlite(let code, let operation, let message) = error else { return error }
        return .invalidMigration(
            file: migration.fileName,
            reason: "its SQL failed (SQLite error \(code): \(message), in \(operation)); it was rolled back and "
                + "nothing of it was applied. Fix the file: it has never been applied, so it may still change.")
    }
}
