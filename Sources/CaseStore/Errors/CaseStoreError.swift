/// Everything the case store can fail with, one case per answer the HTTP layer gives.
///
/// Cases carry the SQLite (extended) result code or the PostgreSQL SQLSTATE, the operation and SQLite's own message, but
/// never a bound value: parameters are patient data and must not reach logs or problem bodies.
/// `notFound` and `duplicateExternalId` carry only server-issued case ids (UUIDs).
public enum CaseStoreError: Error, Sendable, Equatable {
    /// No case (or, for evaluations, no parent case) with this id.
    case notFound(id: String)
    /// Another case already has the externalId; `existingId` is that case's id (HTTP 409).
    case duplicateExternalId(existingId: String)
    /// `expectedVersion` differed from the stored version (HTTP 412).
    case versionMismatch(current: Int)
    /// A cursor this store did not issue, or one for another listing (HTTP 400).
    case invalidCursor
    /// SQLITE_BUSY / SQLITE_LOCKED after the busy timeout (HTTP 503 with Retry-After).
    case busy
    /// SQLITE_FULL: the disk or `max_page_count` is exhausted (HTTP 507).
    case diskFull
    /// SQLITE_IOERR_* (HTTP 503); `code` is the extended code.
    case ioError(code: Int32, message: String)
    /// The database has migrations newer than the newest file this binary ships.
    case databaseNewerThanBinary(database: Int, binary: Int)
    /// An applied migration's file no longer matches the checksum recorded when it ran.
    case migrationEdited(version: Int, name: String)
    /// A migration file is misnamed, missing from the sequence, unreadable or failed to run.
    case invalidMigration(file: String, reason: String)
    /// The database file cannot be created or opened at `path`.
    case cannotOpen(path: String, reason: String)
    /// `open` was asked to stop (SIGTERM during start-up) before migration `newest` was
    /// reached; migrations through `schemaVersion` are applied, each whole.
    case migrationsStopped(schemaVersion: Int, newest: Int)
    /// A backup to `destination` was refused or failed; nothing was left at `destination`.
    case backupFailed(destination: String, reason: String)
    /// The store was closed; no further reads or writes are accepted.
    case closed
    /// Any other SQLite failure; `code` is the extended result code.
    case sqlite(code: Int32, operation: String, message: String)
    /// PostgreSQL cannot be reached, or the connection broke (HTTP 503 with Retry-After, as
    /// for an I/O error). A write that failed so was not acknowledged; one that broke during
    /// COMMIT may or may not be committed. `reason` never holds the password or the conninfo.
    case connectionLost(reason: String)
    /// Any other PostgreSQL failure: its SQLSTATE, the operation and the primary message
    /// (never the DETAIL line, which may quote a bound value).
    case postgres(sqlState: String, operation: String, message: String)
}
