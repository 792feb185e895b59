/// The SQL of the `evaluations` table.
struct EvaluationRepository {
    let database: Connection

    private static let columns = "id, case_id, case_version, endpoint, guideline_version, result, created_at"

    /// Records an evaluation of an existing case (`.notFound` otherwise).
    func insert(_ input: EvaluationInput, id: String, now: String) throws(CaseStoreError) -> StoredEvaluation {
        guard try CaseRepository(database: database).exists(id: input.caseId) else {
            throw .notFound(id: input.caseId)
        }
        try database.run(
            """
            INSERT INTO evaluations (id, case_id, case_version, endpoint, guideline_version, result, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(id), .text(input.caseId), .integer(input.caseVersion), .text(input.endpoint),
                .text(input.guidelineVersion), .utf8(bytes: input.result), .text(now),
            ])
        return StoredEvaluation(
            id: id, caseId: input.caseId, caseVersion: input.caseVersion, endpoint: input.endpoint,
            guidelineVersion: input.guidelineVersion, result: input.result, createdAt: now)
    }

    /// One page of a case's evaluations, oldest first; `.notFound` when the case does not exist.
    /// Both SELECTs run in one read transaction, so they see the same snapshot.
    func page(caseId: String, limit: Int, cursor: String?) throws(CaseStoreError) -> EvaluationPage {
        let limit = PageCursor.clampedLimit(limit)
        let after = try PageCursor.lastSeq(of: cursor, listing: .evaluations)
        return try database.readTransaction { () throws(CaseStoreError) in
            guard try CaseRepository(database: database).exists(id: caseId) else { throw .notFound(id: caseId) }
            let rows = try database.rows(
                "SELECT \(Self.columns), seq FROM evaluations WHERE case_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                [.text(caseId), .integer(after), .integer(limit + 1)]
            ) { (item: Self.storedEvaluation($0), seq: $0.integer(7)) }
            let page = PageCursor.page(of: rows, limit: limit, listing: .evaluations)
            return EvaluationPage(items: page.items, nextCursor: page.nextCursor)
        }
    }

    private static func storedEvaluation(_ row: Row) -> StoredEvaluation {
        StoredEvaluation(
            id: row.text(0), caseId: row.text(1), caseVersion: row.integer(2), endpoint: row.text(3),
            guidelineVersion: row.text(4), result: row.bytes(5), createdAt: row.text(6))
    }
}
