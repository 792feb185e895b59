/// The SQL of the `cases` table, run on whichever connection the caller owns.
///
/// Writes run on the writer thread inside a group-commit savepoint, so their checks (does the
/// case exist, which version) and their change see one state no other writer can alter.
struct CaseRepository {
    let database: Connection

    /// Columns in the order `storedCase(_:)` reads them; `seq` comes last where listed.
    private static let columns = "id, external_id, site, document, version, created_at, updated_at"

    func find(id: String) throws(CaseStoreError) -> StoredCase? {
        try database.firstRow("SELECT \(Self.columns) FROM cases WHERE id = ?", [.text(id)], Self.storedCase)
    }

    func insert(_ input: CaseInput, id: String, now: String) throws(CaseStoreError) -> StoredCase {
        do throws(CaseStoreError) {
            try database.run(
                """
                INSERT INTO cases (id, external_id, site, document, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                """,
                [
                    .text(id), .optionalText(input.externalId), .text(input.site), .utf8(bytes: input.document),
                    .text(now), .text(now),
                ])
        } catch {
            throw try explainUniqueViolation(error, externalId: input.externalId)
        }
        return StoredCase(
            id: id, externalId: input.externalId, site: input.site, document: input.document, version: 1,
            createdAt: now, updatedAt: now)
    }

    func replace(id: String, with input: CaseInput, expectedVersion: Int?, now: String) throws(CaseStoreError)
        -> StoredCase
    {
        let current = try currentState(id: id, expectedVersion: expectedVersion)
        // Never let updatedAt go back if the wall clock does.
        let updatedAt = max(now, current.updatedAt)
        do throws(CaseStoreError) {
            try database.run(
                """
                UPDATE cases SET external_id = ?, site = ?, document = ?, version = version + 1, updated_at = ?
                WHERE id = ?
                """,
                [
                    .optionalText(input.externalId), .text(input.site), .utf8(bytes: input.document), .text(updatedAt),
                    .text(id),
                ])
        } catch {
            throw try explainUniqueViolation(error, externalId: input.externalId)
        }
        return StoredCase(
            id: id, externalId: input.externalId, site: input.site, document: input.document,
            version: current.version + 1, createdAt: current.createdAt, updatedAt: updatedAt)
    }

    /// Deletes the case and, by cascade, its evaluations; returns the version deleted.
    @discardableResult
    func delete(id: String, expectedVersion: Int?) throws(CaseStoreError) -> Int {
        let state = try currentState(id: id, expectedVersion: expectedVersion)
        try database.run("DELETE FROM cases WHERE id = ?", [.text(id)])
        return state.version
    }

    func page(_ query: CaseListQuery) throws(CaseStoreError) -> CasePage {
        let limit = PageCursor.clampedLimit(query.limit)
        var sql = "SELECT \(Self.columns), seq FROM cases WHERE seq > ?"
        var parameters: [SQLValue] = [.integer(try PageCursor.lastSeq(of: query.cursor, listing: .cases))]
        if let site = query.site {
            sql += " AND site = ?"
            parameters.append(.text(site))
        }
        if let externalId = query.externalId {
            sql += " AND external_id = ?"
            parameters.append(.text(externalId))
        }
        sql += " ORDER BY seq LIMIT ?"
        parameters.append(.integer(limit + 1))
        let rows = try database.rows(sql, parameters) { (item: Self.storedCase($0), seq: $0.integer(7)) }
        let page = PageCursor.page(of: rows, limit: limit, listing: .cases)
        return CasePage(items: page.items, nextCursor: page.nextCursor)
    }

    func exists(id: String) throws(CaseStoreError) -> Bool {
        try database.firstRow("SELECT 1 FROM cases WHERE id = ?", [.text(id)]) { _ in true } ?? false
    }

    /// The stored version and times, after checking the case exists and `expectedVersion` matches.
    private func currentState(
        id: String, expectedVersion: Int?
    ) throws(CaseStoreError) -> (version: Int, createdAt: String, updatedAt: String) {
        let state = try database.firstRow("SELECT version, created_at, updated_at FROM cases WHERE id = ?", [.text(id)])
        {
            (version: $0.integer(0), createdAt: $0.text(1), updatedAt: $0.text(2))
        }
        guard let state else { throw .notFound(id: id) }
        if let expectedVersion, expectedVersion != state.version {
            throw .versionMismatch(current: state.version)
        }
        return state
    }

    /// A UNIQUE failure on `external_id` becomes `.duplicateExternalId` naming the case that
    /// holds it. The constraint, not a prior SELECT, is what rules out duplicates under races.
    private func explainUniqueViolation(_ error: CaseStoreError, externalId: String?) throws(CaseStoreError)
        -> CaseStoreError
    {
        guard error.isUniqueViolation, let externalId else { return error }
        let holder = try database.firstRow("SELECT id FROM cases WHERE external_id = ?", [.text(externalId)]) {
            $0.text(0)
        }
        return holder.map { .duplicateExternalId(existingId: $0) } ?? error
    }

    private static func storedCase(_ row: Row) -> StoredCase {
        StoredCase(
            id: row.text(0), externalId: row.optionalText(1), site: row.text(2), document: row.bytes(3),
            version: row.integer(4), createdAt: row.text(5), updatedAt: row.text(6))
    }
}
