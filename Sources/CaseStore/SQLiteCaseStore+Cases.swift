import Foundation
import UTCTime

extension SQLiteCaseStore {
    /// Stores a new case at version 1 and its audit row (`action`, normally `.create`; `.import`
    /// from FHIR) in one transaction; durable when this returns.
    /// `.duplicateExternalId` when another case holds the externalId (and no row is recorded).
    public func create(_ input: CaseInput, audit: AuditContext, as action: AuditAction) throws(CaseStoreError)
        -> StoredCase
    {
        try insert(input, audit: (audit, action))
    }

    /// The case, or nil when absent. Not audited by itself: a caller that answers the case's
    /// data records a `.read` (or `.export`) with `recordAudit` before answering.
    public func get(id: String) throws(CaseStoreError) -> StoredCase? {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try CaseRepository(database: database).find(id: id)
        }
    }

    /// Replaces the whole case, bumps its version and records its audit row (`.update`, or
    /// `.import`) in one transaction; durable when this returns.
    /// `.notFound`, `.versionMismatch(current:)` when `expectedVersion` is given and stale,
    /// `.duplicateExternalId` when another case holds the new externalId.
    public func replace(
        id: String, with input: CaseInput, expectedVersion: Int?, audit: AuditContext, as action: AuditAction
    ) throws(CaseStoreError) -> StoredCase {
        try update(id: id, with: input, expectedVersion: expectedVersion, audit: (audit, action))
    }

    /// Deletes the case and its evaluations and records a `.delete` row (naming the version
    /// deleted) in one transaction; durable when this returns. The case's earlier audit rows stay.
    /// `.notFound`, or `.versionMismatch(current:)` when `expectedVersion` is given and stale.
    public func delete(id: String, expectedVersion: Int?, audit: AuditContext) throws(CaseStoreError) {
        try remove(id: id, expectedVersion: expectedVersion, audit: audit)
    }

    /// One page of cases in creation order; `.invalidCursor` for a cursor not issued here.
    /// Not audited by itself: a caller that answers the page records one `.list` row per case.
    public func list(_ query: CaseListQuery) throws(CaseStoreError) -> CasePage {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try CaseRepository(database: database).page(query)
        }
    }

    // MARK: - Unaudited writes, for this module's tests only (internal on purpose: nothing
    // outside the store can change a case without its audit row).

    func create(_ input: CaseInput) throws(CaseStoreError) -> StoredCase {
        try insert(input, audit: nil)
    }

    func replace(id: String, with input: CaseInput, expectedVersion: Int?) throws(CaseStoreError) -> StoredCase {
        try update(id: id, with: input, expectedVersion: expectedVersion, audit: nil)
    }

    func delete(id: String, expectedVersion: Int?) throws(CaseStoreError) {
        try remove(id: id, expectedVersion: expectedVersion, audit: nil)
    }

    // MARK: - The writes, each with its optional audit row in the same savepoint

    private func insert(_ input: CaseInput, audit: (AuditContext, AuditAction)?) throws(CaseStoreError) -> StoredCase {
        let id = UUID().uuidString.lowercased()
        return try writer.perform { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            let stored = try CaseRepository(database: database).insert(input, id: id, now: now)
            if case let (context, action)? = audit {
                _ = try AuditRepository(database: database).insert(
                    AuditEntry(action: action, caseId: stored.id, caseVersion: stored.version, context: context),
                    now: now)
            }
            return stored
        }
    }

    private func update(
        id: String, with input: CaseInput, expectedVersion: Int?, audit: (AuditContext, AuditAction)?
    ) throws(CaseStoreError) -> StoredCase {
        try writer.perform { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            let stored = try CaseRepository(database: database).replace(
                id: id, with: input, expectedVersion: expectedVersion, now: now)
            if case let (context, action)? = audit {
                _ = try AuditRepository(database: database).insert(
                    AuditEntry(action: action, caseId: stored.id, caseVersion: stored.version, context: context),
                    now: now)
            }
            return stored
        }
    }

    private func remove(id: String, expectedVersion: Int?, audit: AuditContext?) throws(CaseStoreError) {
        try writer.perform { (database) throws(CaseStoreError) in
            let deletedVersion = try CaseRepository(database: database).delete(id: id, expectedVersion: expectedVersion)
            if let audit {
                _ = try AuditRepository(database: database).insert(
                    AuditEntry(action: .delete, caseId: id, caseVersion: deletedVersion, context: audit),
                    now: UTCInstant.now().rfc3339)
            }
        }
    }
}
