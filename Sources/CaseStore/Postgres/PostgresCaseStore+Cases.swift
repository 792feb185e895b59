import UTCTime
import Foundation

extension PostgresCaseStore {
    /// Stores a new case at version 1 and its audit row in one transaction; committed when
    /// this returns. `.duplicateExternalId` when another case holds the externalId.
    public func create(_ input: CaseInput, audit: AuditContext, as action: AuditAction) throws(CaseStoreError)
        -> StoredCase
    {
        try insert(input, audit: (audit, action))
    }

    /// The case, or nil when absent. Not audited by itself (see `SQLiteCaseStore+Audit.swift`).
    public func get(id: String) throws(CaseStoreError) -> StoredCase? {
        try pool.read { (database) throws(CaseStoreError) in try PostgresCaseRepository(database: database).find(id: id)
        }
    }

    /// Replaces the whole case, bumps its version and records its audit row in one
    /// transaction. `.notFound`, `.versionMismatch(current:)`, `.duplicateExternalId`.
    public func replace(
        id: String, with input: CaseInput, expectedVersion: Int?, audit: AuditContext, as action: AuditAction
    ) throws(CaseStoreError) -> StoredCase {
        try update(id: id, with: input, expectedVersion: expectedVersion, audit: (audit, action))
    }

    /// Deletes the case and its evaluations and records a `.delete` row in one transaction.
    public func delete(id: String, expectedVersion: Int?, audit: AuditContext) throws(CaseStoreError) {
        try remove(id: id, expectedVersion: expectedVersion, audit: audit)
    }

    /// One page of cases in creation order; `.invalidCursor` for a cursor not issued here.
    public func list(_ query: CaseListQuery) throws(CaseStoreError) -> CasePage {
        try pool.read { (database) throws(CaseStoreError) in try PostgresCaseRepository(database: database).page(query)
        }
    }

    // MARK: - Unaudited writes, for this module's tests only (`UnauditedCaseWrites`)

    func create(_ input: CaseInput) throws(CaseStoreError) -> StoredCase {
        try insert(input, audit: nil)
    }

    func replace(id: String, with input: CaseInput, expectedVersion: Int?) throws(CaseStoreError) -> StoredCase {
        try update(id: id, with: input, expectedVersion: expectedVersion, audit: nil)
    }

    func delete(id: String, expectedVersion: Int?) throws(CaseStoreError) {
        try remove(id: id, expectedVersion: expectedVersion, audit: nil)
    }

    // MARK: - The writes, each with its optional audit row in the same transaction

    private func insert(_ input: CaseInput, audit: (AuditContext, AuditAction)?) throws(CaseStoreError) -> StoredCase {
        let id = UUID().uuidString.lowercased()
        return try write { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            let stored = try PostgresCaseRepository(database: database).insert(input, id: id, now: now)
            if case let (context, action)? = audit {
                _ = try PostgresAuditRepository(database: database).insert(
                    AuditEntry(action: action, caseId: stored.id, caseVersion: stored.version, context: context),
                    now: now)
            }
            return stored
        }
    }

    private func update(
        id: String, with input: CaseInput, expectedVersion: Int?, audit: (AuditContext, AuditAction)?
    ) throws(CaseStoreError) -> StoredCase {
        try write { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            let stored = try PostgresCaseRepository(database: database).replace(
                id: id, with: input, expectedVersion: expectedVersion, now: now)
            if case let (context, action)? = audit {
                _ = try PostgresAuditRepository(database: database).insert(
                    AuditEntry(action: action, caseId: stored.id, caseVersion: stored.version, context: context),
                    now: now)
            }
            return stored
        }
    }

    private func remove(id: String, expectedVersion: Int?, audit: AuditContext?) throws(CaseStoreError) {
        try write { (database) throws(CaseStoreError) in
            let deletedVersion = try PostgresCaseRepository(database: database).delete(
                id: id, expectedVersion: expectedVersion)
            if let audit {
                _ = try PostgresAuditRepository(database: database).insert(
                    AuditEntry(action: .delete, caseId: id, caseVersion: deletedVersion, context: audit),
                    now: UTCInstant.now().rfc3339)
            }
        }
    }
}
