import UTCTime
import Foundation

/// The SQL of the `audit` table in PostgreSQL: inserts and reads only (its triggers refuse
/// UPDATE, DELETE and TRUNCATE).
///
/// Inserts run inside the group-commit batch of the write they belong to, which holds the
/// write-order lock: rows are inserted and committed one transaction at a time, so `at`
/// never decreases along `seq` even with several replicas.
struct PostgresAuditRepository {
    let database: PostgresConnection

    private static let columns = "id, at, actor, action, case_id, case_version, request_id, route"

    /// Inserts one row at `now`, or at the previous row's time when the wall clock went back,
    /// in one statement (one round trip: the batch's writes pay per round trip).
    func insert(_ entry: AuditEntry, now: String) throws(CaseStoreError) -> AuditRecord {
        let id = UUID().uuidString.lowercased()
        let at = try database.firstRow(
            """
            INSERT INTO audit (id, at, actor, action, case_id, case_version, request_id, route)
            SELECT $1, GREATEST($2::text COLLATE "C", (SELECT at FROM audit ORDER BY seq DESC LIMIT 1)),
                   $3, $4, $5, $6, $7, $8
            RETURNING at
            """,
            [
                .text(id), .text(now), .text(entry.context.actor), .text(entry.action.rawValue),
                .optionalText(entry.caseId), entry.caseVersion.map { .integer($0) } ?? .null,
                .text(entry.context.requestId), .text(entry.context.route),
            ], operation: "insert an audit row"
        ) { $0.text(0) } ?? now
        return AuditRecord(
            id: id, at: at, actor: entry.context.actor, action: entry.action, caseId: entry.caseId,
            caseVersion: entry.caseVersion, requestId: entry.context.requestId, route: entry.context.route)
    }

    /// One page in recording order; run inside a snapshot read.
    func page(_ query: AuditQuery) throws(CaseStoreError) -> AuditPage {
        let limit = PageCursor.clampedLimit(query.limit)
        var after = try PageCursor.lastSeq(of: query.cursor, listing: .audit)
        if let since = query.sinceMilliseconds {
            let first = try database.firstRow(
                "SELECT seq FROM audit WHERE at >= $1 ORDER BY at, seq LIMIT 1",
                [.text(UTCInstant(millisecondsSince1970: since).rfc3339)], operation: "find the audit range"
            ) { $0.integer(0) }
            guard let first else { return AuditPage(items: [], nextCursor: nil) }
            after = max(after, first - 1)
        }
        var sql = "SELECT \(Self.columns), seq FROM audit WHERE seq > $1"
        var parameters: [PostgresValue] = [.integer(after)]
        if let caseId = query.caseId {
            parameters.append(.text(caseId))
            sql += " AND case_id = $\(parameters.count)"
        }
        parameters.append(.integer(limit + 1))
        sql += " ORDER BY seq LIMIT $\(parameters.count)"
        let rows = try database.rows(sql, parameters, operation: "read the audit trail") {
            (item: Self.record($0), seq: $0.integer(8))
        }
        guard rows.allSatisfy({ $0.item != nil }) else {
            // The CHECK constraint makes this unreachable short of a hand-edited database.
            throw .postgres(
                sqlState: "XX000", operation: "read an audit row", message: "an audit row holds an unknown action")
        }
        let page = PageCursor.page(of: rows.map { (item: $0.item!, seq: $0.seq) }, limit: limit, listing: .audit)
        return AuditPage(items: page.items, nextCursor: page.nextCursor)
    }

    private static func record(_ row: PostgresRow) -> AuditRecord? {
        guard let action = AuditAction(rawValue: row.text(3)) else { return nil }
        return AuditRecord(
            id: row.text(0), at: row.text(1), actor: row.text(2), action: action, caseId: row.optionalText(4),
            caseVersion: row.optionalInteger(5), requestId: row.text(6), route: row.text(7))
    }
}
