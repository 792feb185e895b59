import Foundation

extension CaseStore {
    /// Records an evaluation of a stored case; durable when this returns.
    /// `.notFound(id:)` with the case id when the case does not exist.
    public func recordEvaluation(_ input: EvaluationInput) throws(CaseStoreError) -> StoredEvaluation {
        let id = UUID().uuidString.lowercased()
        return try writer.perform { (database) throws(CaseStoreError) in
            try EvaluationRepository(database: database).insert(input, id: id, now: Timestamp.now())
        }
    }

    /// One page of a case's evaluations, oldest first. `.notFound(id:)` when the case does not
    /// exist (so the caller can answer 404 rather than an empty list); `.invalidCursor`.
    public func evaluations(caseId: String, limit: Int, cursor: String?) throws(CaseStoreError) -> EvaluationPage {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try EvaluationRepository(database: database).page(caseId: caseId, limit: limit, cursor: cursor)
        }
    }
}
