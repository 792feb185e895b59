import Foundation

/// The migrations a binary ships: every `NNNN_name.sql` of one folder, checked to form the
/// unbroken sequence 1, 2, ..., n before any of them touches the database.
struct MigrationFolder: Sendable {
    let path: String
    /// In version order, versions exactly 1...n.
    let migrations: [MigrationFile]

    /// The newest version this binary knows (its schema version when fully migrated).
    var newestVersion: Int { migrations.last?.version ?? 0 }

    /// Reads and validates the folder.
    ///
    /// Files ending in `.sql` or starting with a digit are migrations and must be well named;
    /// hidden files and other files (a README) are ignored. A gap, a duplicate version or a
    /// malformed name is refused with the file named, so nothing half-known is ever applied.
    init(path: String) throws(CaseStoreError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .invalidMigration(
                file: path, reason: "the migrations folder does not exist; point the service at its Migrations folder")
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: path)
        } catch {
            throw .invalidMigration(
                file: path, reason: "the migrations folder cannot be read (\(error.localizedDescription))")
        }
        var migrations: [MigrationFile] = []
        for name in names.sorted() where Self.isMigrationCandidate(name) {
            let filePath = (path as NSString).appendingPathComponent(name)
            guard let data = fileManager.contents(atPath: filePath) else {
                throw .invalidMigration(file: name, reason: "the file cannot be read")
            }
            migrations.append(try MigrationFile(fileName: name, bytes: Array(data)))
        }
        migrations.sort { $0.version < $1.version }
        guard !migrations.isEmpty else {
            throw .invalidMigration(file: path, reason: "the folder holds no NNNN_name.sql migration")
        }
        for (index, migration) in migrations.enumerated() where migration.version != index + 1 {
            if index > 0, migrations[index - 1].version == migration.version {
                throw .invalidMigration(
                    file: migration.fileName,
                    reason: "version \(CaseStoreError.paddedVersion(migration.version)) is also used by "
                        + "\(migrations[index - 1].fileName); each version must be unique")
            }
            throw .invalidMigration(
                file: migration.fileName,
                reason: "migration \(CaseStoreError.paddedVersion(index + 1)) is missing: versions must run "
                    + "0001, 0002, ... without gaps")
        }
        self.path = path
        self.migrations = migrations
    }

    /// The migrations still to apply, in order, given the checksums a database recorded
    /// (version -> SHA-256). Refuses, before anything is applied, a database newer than this
    /// folder and an applied migration whose file changed since. Every migrator asks this.
    func pending(applied: [Int: String]) throws(CaseStoreError) -> [MigrationFile] {
        let newestApplied = applied.keys.max() ?? 0
        guard newestApplied <= newestVersion else {
            throw .databaseNewerThanBinary(database: newestApplied, binary: newestVersion)
        }
        for migration in migrations {
            if let checksum = applied[migration.version], checksum != migration.checksum {
                throw .migrationEdited(version: migration.version, name: migration.name)
            }
        }
        return migrations.filter { applied[$0.version] == nil }
    }

    private static func isMigrationCandidate(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        return name.lowercased().hasSuffix(".sql") || name.first?.isNumber == true
    }
}
