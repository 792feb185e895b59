/// The SQL of the `cases` table in PostgreSQL, run on the connection the caller borrowed.
///
/// Writes run inside a group-commit batch (`PostgresBatchConnection`). The version check is the UPDATE's own WHERE
/// clause and duplicates are refused by the UNIQUE index, so two replicas racing the same
/// change cannot both succeed whatever they read before.
struct PostgresCaseRepository {
    let database: PostgresConnection

    /// Columns in the order `storedCase(_:)` reads them; `seq` comes last where listed.
    private static let columns = "id, external_id, site, document, version, created_at, updated_at"

    func find(id: String) throws(CaseStoreError) -> StoredCase? {
        try database.firstRow(
            "SELECT \(Self.columns) FROM cases WHERE id = $1", [.text(id)], operation: "read a case", Self.storedCase)
    }

    func insert(_ input: CaseInput, id: String, now: String) throws(CaseStoreError) -> StoredCase {
        try guardingExternalId(input.externalId) { () throws(CaseStoreError) in
            try database.execute(
                """
                INSERT INTO cases (id, external_id, site, document, version, created_at, updated_at)
                VALUES ($1, $2, $3, $4, 1, $5, $5)
                """,
                [.text(id), .optionalText(input.externalId), .text(input.site), .bytes(input.document), .text(now)],
                operation: "insert a case")
        }
        return StoredCase(
            id: id, externalId: input.externalId, site: input.site, document: input.document, version: 1,
            createdAt: now, updatedAt: now)
    }

    func replace(id: String, with input: CaseInput, expectedVersion: Int?, now: String) throws(CaseStoreError)
        -> StoredCase
    {
        // updated_at never goes back if the wall clock does.
        let updated = try guardingExternalId(input.externalId) { () throws(CaseStoreError) in
            try database.firstRow(
                """
                UPDATE cases SET external_id = $1, site = $2, document = $3, version = version + 1,
                    updated_at = GREATEST($4::text, updated_at)
                WHERE id = $5 AND ($6::int8 IS NULL OR version = $6::int8)
                RETURNING version, created_at, updated_at
                """,
                [
                    .optionalText(input.externalId), .text(input.site), .bytes(input.document), .text(now), .text(id),
                    expectedVersion.map { .integer($0) } ?? .null,
                ], operation: "update a case"
            ) { (version: $0.integer(0), createdAt: $0.text(1), updatedAt: $0.text(2)) }
        }
        guard let updated else { throw try missingOrStale(id: id) }
        return StoredCase(
            id: id, externalId: input.externalId, site: input.site, document: input.document,
            version: updated.version, createdAt: updated.createdAt, updatedAt: updated.updatedAt)
    }

    /// Deletes the case and, by cascade, its evaluations; returns the version deleted.
    func delete(id: String, expectedVersion: Int?) throws(CaseStoreError) -> Int {
        let deleted = try database.firstRow(
            "DELETE FROM cases WHERE id = $1 AND ($2::int8 IS NULL OR version = $2::int8) RETURNING version",
            [.text(id), expectedVersion.map { .integer($0) } ?? .null], operation: "delete a case"
        ) { $0.integer(0) }
        guard let deleted else { throw try missingOrStale(id: id) }
        return deleted
    }

    func page(_ query: CaseListQuery) throws(CaseStoreError) -> CasePage {
        let limit = PageCursor.clampedLimit(query.limit)
        var sql = "SELECT \(Self.columns), seq FROM cases WHERE seq > $1"
        var parameters: [PostgresValue] = [.integer(try PageCursor.lastSeq(of: query.cursor, listing: .cases))]
        if let site = query.site {
            parameters.append(.text(site))
            sql += " AND site = $\(parameters.count)"
        }
        if let externalId = query.externalId {
            parameters.append(.text(externalId))
            sql += " AND external_id = $\(parameters.count)"
        }
        parameters.append(.integer(limit + 1))
        sql += " ORDER BY seq LIMIT $\(parameters.count)"
        let rows = try database.rows(sql, parameters, operation: "list cases") {
            (item: Self.storedCase($0), seq: $0.integer(7))
        }
        let page = PageCursor.page(of: rows, limit: limit, listing: .cases)
        return CasePage(items: page.items, nextCursor: page.nextCursor)
    }

    func exists(id: String) throws(CaseStoreError) -> Bool {
        try database.firstRow("SELECT 1 FROM cases WHERE id = $1", [.text(id)], operation: "find a case") { _ in true }
            ?? false
    }

    /// Why an UPDATE or DELETE matched no row: the case is gone, or at another version.
    private func missingOrStale(id: String) throws(CaseStoreError) -> CaseStoreError {
        let current = try database.firstRow(
            "SELECT version FROM cases WHERE id = $1", [.text(id)], operation: "read a case version"
        ) { $0.integer(0) }
        return current.map { .versionMismatch(current: $0) } ?? .notFound(id: id)
    }

    /// Runs `write` in a savepoint; a UNIQUE failure on `external_id` rolls back to it and
    /// becomes `.duplicateExternalId` naming the case that holds it (the transaction goes on).
    private func guardingExternalId<T>(_ externalId: String?, _ write: () throws(CaseStoreError) -> T)
        throws(CaseStoreError) -> T
    {
        try database.execute("SAVEPOINT external_id", operation: "savepoint")
        do throws(CaseStoreError) {
            let value = try write()
            try database.execute("RELEASE SAVEPOINT external_id", operation: "release savepoint")
            return value
        } catch {
            guard error.isPostgresUniqueViolation, let externalId else { throw error }
            try database.execute("ROLLBACK TO SAVEPOINT external_id", operation: "roll back to savepoint")
            let holder = try database.firstRow(
                "SELECT id FROM cases WHERE external_id = $1", [.text(externalId)], operation: "find the holder"
            ) { $0.text(0) }
            throw holder.map { .duplicateExternalId(existingId: $0) } ?? error
        }
    }

    private static func storedCase(_ row: PostgresRow) -> StoredCase {
        StoredCase(
            id: row.text(0), externalId: row.optionalText(1), site: row.text(2), document: row.bytes(3),
            version: row.integer(4), createdAt: row.text(5), updatedAt: row.text(6))
    }
}
