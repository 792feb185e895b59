/// What the service needs from durable storage, whatever the database behind it: cases with
/// versions (ETag/If-Match) and unique externalIds, evaluations, the insert-only audit trail,
/// CDS feedback, paged listings, readiness and the schema version.
///
/// Every write is durable when it returns and carries its audit row in the same transaction
/// (see `SQLiteCaseStore+Audit.swift` for how callers record reads). `SQLiteCaseStore` is the
/// embedded implementation.
public protocol CaseStore: AnyObject, Sendable {
    /// The highest applied migration (the binary's newest, once the store is open).
    var schemaVersion: Int { get }

    /// Open, accepting writes, migrated to `schemaVersion`, and a trivial read works.
    func isReady() -> Bool

    /// Commits the writes already queued, then closes every connection; later calls get
    /// `.closed`. Idempotent.
    func close()

    /// Stores a new case at version 1 with its audit row (`action`: `.create`, or `.import`).
    /// `.duplicateExternalId` when another case holds the externalId.
    func create(_ input: CaseInput, audit: AuditContext, as action: AuditAction) throws(CaseStoreError) -> StoredCase

    /// The case, or nil when absent. Not audited by itself.
    func get(id: String) throws(CaseStoreError) -> StoredCase?

    /// Replaces the whole case, bumps its version, records its audit row (`.update` or `.import`).
    /// `.notFound`, `.versionMismatch(current:)` for a stale `expectedVersion`, `.duplicateExternalId`.
    func replace(
        id: String, with input: CaseInput, expectedVersion: Int?, audit: AuditContext, as action: AuditAction
    ) throws(CaseStoreError) -> StoredCase

    /// Deletes the case and its evaluations, recording a `.delete` row; earlier audit rows stay.
    /// `.notFound`, or `.versionMismatch(current:)` for a stale `expectedVersion`.
    func delete(id: String, expectedVersion: Int?, audit: AuditContext) throws(CaseStoreError)

    /// One page of cases in creation order; `.invalidCursor` for a cursor not issued here.
    func list(_ query: CaseListQuery) throws(CaseStoreError) -> CasePage

    /// Records an evaluation with its `.evaluate` audit row; `.notFound(id:)` for an absent case.
    func recordEvaluation(_ input: EvaluationInput, audit: AuditContext) throws(CaseStoreError) -> StoredEvaluation

    /// One page of a case's evaluations, oldest first; `.notFound(id:)`, `.invalidCursor`.
    func evaluations(caseId: String, limit: Int, cursor: String?) throws(CaseStoreError) -> EvaluationPage

    /// Records one audit row per entry in one transaction; an empty array records nothing.
    @discardableResult
    func recordAudit(_ entries: [AuditEntry]) throws(CaseStoreError) -> [AuditRecord]

    /// One page of the audit trail in recording order; `.invalidCursor`.
    func auditTrail(_ query: AuditQuery) throws(CaseStoreError) -> AuditPage

    /// Records the items of one CDS feedback call in one transaction, all or none.
    func recordCDSFeedback(_ items: [CDSFeedbackInput]) throws(CaseStoreError) -> [StoredCDSFeedback]

    /// The feedback recorded for one card, oldest first (at most `limit` items).
    func cdsFeedback(card: String, limit: Int) throws(CaseStoreError) -> [StoredCDSFeedback]
}

extension CaseStore {
    /// `create(_:audit:as:)` with the usual `.create` action.
    public func create(_ input: CaseInput, audit: AuditContext) throws(CaseStoreError) -> StoredCase {
        try create(input, audit: audit, as: .create)
    }

    /// `replace(id:with:expectedVersion:audit:as:)` with the usual `.update` action.
    public func replace(
        id: String, with input: CaseInput, expectedVersion: Int?, audit: AuditContext
    ) throws(CaseStoreError) -> StoredCase {
        try replace(id: id, with: input, expectedVersion: expectedVersion, audit: audit, as: .update)
    }

    /// Records one audit row; durable when this returns.
    @discardableResult
    public func recordAudit(_ entry: AuditEntry) throws(CaseStoreError) -> AuditRecord {
        let records = try recordAudit([entry])
        guard let record = records.first else { preconditionFailure("one entry gives one record") }
        return record
    }

    /// The first 100 feedback items for one card.
    public func cdsFeedback(card: String) throws(CaseStoreError) -> [StoredCDSFeedback] {
        try cdsFeedback(card: card, limit: 100)
    }
}
