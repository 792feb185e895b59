import UTCTime
import Foundation

extension PostgresCaseStore {
    /// Records an evaluation and its `.evaluate` audit row in one transaction; `.notFound(id:)`
    /// with the case id when the case does not exist (and no row is recorded).
    public func recordEvaluation(_ input: EvaluationInput, audit: AuditContext) throws(CaseStoreError)
        -> StoredEvaluation
    {
        try insert(input, audit: audit)
    }

    /// One page of a case's evaluations, oldest first. `.notFound(id:)`, `.invalidCursor`.
    public func evaluations(caseId: String, limit: Int, cursor: String?) throws(CaseStoreError) -> EvaluationPage {
        try pool.read(snapshot: true) { (database) throws(CaseStoreError) in
            try PostgresEvaluationRepository(database: database).page(caseId: caseId, limit: limit, cursor: cursor)
        }
    }

    /// Unaudited, for this module's tests only (`UnauditedCaseWrites`).
    func recordEvaluation(_ input: EvaluationInput) throws(CaseStoreError) -> StoredEvaluation {
        try insert(input, audit: nil)
    }

    private func insert(_ input: EvaluationInput, audit: AuditContext?) throws(CaseStoreError) -> StoredEvaluation {
        let id = UUID().uuidString.lowercased()
        return try write { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            let recorded = try PostgresEvaluationRepository(database: database).insert(input, id: id, now: now)
            if let audit {
                _ = try PostgresAuditRepository(database: database).insert(
                    AuditEntry(action: .evaluate, caseId: input.caseId, caseVersion: input.caseVersion, context: audit),
                    now: now)
            }
            return recorded
        }
    }
}
