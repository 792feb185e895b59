import Foundation
import UTCTime

/// The audit trail (`audit` table, migration 0003): who did what to which case, when,
/// through which request.
///
/// How a caller records an action, so that no audited action can be answered without its row:
/// - Writes use the audited variants, which insert the row in the same transaction (and the
///   same group-commit savepoint) as the change: `create(_:audit:as:)`,
///   `replace(id:with:expectedVersion:audit:as:)`, `delete(id:expectedVersion:audit:)` and
///   `recordEvaluation(_:audit:)`. A failed write leaves no row; a row that cannot be written
///   fails the write. Pass `as: .import` for a case created or replaced from FHIR.
/// - Reads (and exports) first read, then call `recordAudit` and answer only once it returned:
///   when it throws, answer the error (503/507), never the data.
///
/// Rows are never updated or deleted: the table's triggers refuse it, even from this module.
extension SQLiteCaseStore {
    /// Records one row per entry, all in one transaction; durable when this returns.
    /// An empty array records nothing and returns at once.
    @discardableResult
    public func recordAudit(_ entries: [AuditEntry]) throws(CaseStoreError) -> [AuditRecord] {
        guard !entries.isEmpty else { return [] }
        return try writer.perform { (database) throws(CaseStoreError) in
            let repository = AuditRepository(database: database)
            let now = UTCInstant.now().rfc3339
            var records: [AuditRecord] = []
            for entry in entries {
                records.append(try repository.insert(entry, now: now))
            }
            return records
        }
    }

    /// One page of the trail in recording order; `.invalidCursor` for a cursor not issued by
    /// this listing.
    public func auditTrail(_ query: AuditQuery) throws(CaseStoreError) -> AuditPage {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try AuditRepository(database: database).page(query)
        }
    }
}
