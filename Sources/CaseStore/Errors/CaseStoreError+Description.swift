/// Operator-facing sentences: what happened, which file or version, and what to do.
extension CaseStoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let id):
            return "case \(id) not found"
        case .duplicateExternalId(let existingId):
            return "a case with this externalId already exists (id \(existingId))"
        case .versionMismatch(let current):
            return "version mismatch: the stored case is at version \(current)"
        case .invalidCursor:
            return "invalid cursor: pass back the nextCursor of a previous page of the same listing"
        case .busy:
            return "the database is busy (still locked after the busy timeout); retry later"
        case .diskFull:
            return "the database or its disk is full; free disk space, then retry"
        case .ioError(let code, let message):
            return "disk I/O error (SQLite extended code \(code)): \(message)"
        case .databaseNewerThanBinary(let database, let binary):
            return "the database is at schema version \(database), newer than this binary (its newest migration "
                + "is \(Self.paddedVersion(binary))): refusing to open it. Run a binary that ships migration "
                + "\(Self.paddedVersion(database)) or later, or restore a backup taken for this version."
        case .migrationEdited(let version, let name):
            return "migration \(Self.paddedVersion(version))_\(name).sql was edited after it was applied: "
                + "its checksum no longer matches the one in schema_migrations. Restore the shipped file "
                + "and put the change in a new migration instead."
        case .invalidMigration(let file, let reason):
            return "migration \(file): \(reason)"
        case .cannotOpen(let path, let reason):
            return "cannot open the database at \(path): \(reason)"
        case .migrationsStopped(let schemaVersion, let newest):
            return "stopped on request before migration \(Self.paddedVersion(schemaVersion + 1)): the database is at "
                + "schema \(schemaVersion) of \(newest), each applied migration whole; the rest apply at the next start"
        case .backupFailed(let destination, let reason):
            return "no backup written to \(destination): \(reason)"
        case .closed:
            return "the case store is closed"
        case .sqlite(let code, let operation, let message):
            return "SQLite error \(code) during \(operation): \(message)"
        case .connectionLost(let reason):
            return "PostgreSQL is unreachable or the connection broke: \(reason); retry later"
        case .postgres(let sqlState, let operation, let message):
            return "PostgreSQL error \(sqlState) during \(operation): \(message)"
        }
    }

    /// Versions as they appear in file names (`0002`), so the operator can find the file.
    static func paddedVersion(_ version: Int) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
