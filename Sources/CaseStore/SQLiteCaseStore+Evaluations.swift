import Foundation
import UTCTime

extension SQLiteCaseStore {
    /// Records an evaluation of a stored case and its `.evaluate` audit row in one transaction;
    /// durable when this returns. `.notFound(id:)` with the case id when the case does not exist
    /// (and no row is recorded).
    public func recordEvaluation(_ input: EvaluationInput, audit: AuditContext) throws(CaseStoreError)
        -> StoredEvaluation
    {
        try insert(input, audit: audit)
    }

    /// One page of a case's evaluations, oldest first. `.notFound(id:)` when the case does not
    /// exist (so the caller can answer 404 rather than an empty list); `.invalidCursor`.
    /// Not audited by itself: a caller that answers the page records a `.read`.
    public func evaluations(caseId: String, limit: Int, cursor: String?) throws(CaseStoreError) -> EvaluationPage {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try EvaluationRepository(database: database).page(caseId: caseId, limit: limit, cursor: cursor)
        }
    }

    /// Unaudited, for this module's tests only (internal on purpose).
    func recordEvaluation(_ input: EvaluationInput) throws(CaseStoreError) -> StoredEvaluation {
        try insert(input, audit: nil)
    }

    private func insert(_ input: EvaluationInput, audit: AuditContext?) throws(CaseStoreError) -> StoredEvaluation {
        let id = UUID().uuidString.lowercased()
        return try writer.perform { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            let recorded = try EvaluationRepository(database: database).insert(input, id: id, now: now)
            if let audit {
                _ = try AuditRepository(database: database).insert(
                    AuditEntry(action: .evaluate, caseId: input.caseId, caseVersion: input.caseVersion, context: audit),
                    now: now)
            }
            return recorded
        }
    }
}
