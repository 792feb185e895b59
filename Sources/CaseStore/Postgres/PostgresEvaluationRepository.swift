/// The SQL of the `evaluations` table in PostgreSQL.
struct PostgresEvaluationRepository {
    let database: PostgresConnection

    private static let columns = "id, case_id, case_version, endpoint, guideline_version, result, created_at"

    /// Records an evaluation of an existing case (`.notFound` otherwise; the foreign key
    /// backs the check up should the case vanish in between).
    func insert(_ input: EvaluationInput, id: String, now: String) throws(CaseStoreError) -> StoredEvaluation {
        guard try PostgresCaseRepository(database: database).exists(id: input.caseId) else {
            throw .notFound(id: input.caseId)
        }
        do throws(CaseStoreError) {
            try database.execute(
                """
                INSERT INTO evaluations (id, case_id, case_version, endpoint, guideline_version, result, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """,
                [
                    .text(id), .text(input.caseId), .integer(input.caseVersion), .text(input.endpoint),
                    .text(input.guidelineVersion), .bytes(input.result), .text(now),
                ], operation: "insert an evaluation")
        } catch .postgres(let sqlState, _, _) where sqlState == "23503" {
            throw .notFound(id: input.caseId)
        }
        return StoredEvaluation(
            id: id, caseId: input.caseId, caseVersion: input.caseVersion, endpoint: input.endpoint,
            guidelineVersion: input.guidelineVersion, result: input.result, createdAt: now)
    }

    /// One page of a case's evaluations, oldest first; `.notFound` when the case does not
    /// exist. Run inside a snapshot read, so both SELECTs see the same state.
    func page(caseId: String, limit: Int, cursor: String?) throws(CaseStoreError) -> EvaluationPage {
        let limit = PageCursor.clampedLimit(limit)
        let after = try PageCursor.lastSeq(of: cursor, listing: .evaluations)
        guard try PostgresCaseRepository(database: database).exists(id: caseId) else { throw .notFound(id: caseId) }
        let rows = try database.rows(
            "SELECT \(Self.columns), seq FROM evaluations WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            [.text(caseId), .integer(after), .integer(limit + 1)], operation: "list evaluations"
        ) { (item: Self.storedEvaluation($0), seq: $0.integer(7)) }
        let page = PageCursor.page(of: rows, limit: limit, listing: .evaluations)
        return EvaluationPage(items: page.items, nextCursor: page.nextCursor)
    }

    private static func storedEvaluation(_ row: PostgresRow) -> StoredEvaluation {
        StoredEvaluation(
            id: row.text(0), caseId: row.text(1), caseVersion: row.integer(2), endpoint: row.text(3),
            guidelineVersion: row.text(4), result: row.bytes(5), createdAt: row.text(6))
    }
}
