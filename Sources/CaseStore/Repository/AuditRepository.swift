import Foundation
import UTCTime

/// The SQL of the `audit` table: inserts and reads only (its triggers refuse UPDATE and DELETE).
///
/// Inserts run on the writer thread, inside the savepoint of the write they belong to, so a
/// change and its row are committed, or rolled back, together.
struct AuditRepository {
    let database: Connection

    private static let columns = "id, at, actor, action, case_id, case_version, request_id, route"

    /// Inserts one row at `now`, or at the previous row's time when the wall clock went back:
    /// `at` never decreases along `seq`, which is what lets `since` be answered as a seq range.
    func insert(_ entry: AuditEntry, now: String) throws(CaseStoreError) -> AuditRecord {
        let previous = try database.firstRow("SELECT at FROM audit ORDER BY seq DESC LIMIT 1") { $0.text(0) }
        let at = max(now, previous ?? now)
        let id = UUID().uuidString.lowercased()
        try database.run(
            """
            INSERT INTO audit (id, at, actor, action, case_id, case_version, request_id, route)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(id), .text(at), .text(entry.context.actor), .text(entry.action.rawValue),
                .optionalText(entry.caseId),
                entry.caseVersion.map { .integer($0) } ?? .null, .text(entry.context.requestId),
                .text(entry.context.route),
            ])
        return AuditRecord(
            id: id, at: at, actor: entry.context.actor, action: entry.action, caseId: entry.caseId,
            caseVersion: entry.caseVersion, requestId: entry.context.requestId, route: entry.context.route)
    }

    /// One page in recording order. `since` becomes the seq of the first row at or after it
    /// (one index lookup), so neither filter scans the rows before the range.
    func page(_ query: AuditQuery) throws(CaseStoreError) -> AuditPage {
        let limit = PageCursor.clampedLimit(query.limit)
        let cursorSeq = try PageCursor.lastSeq(of: query.cursor, listing: .audit)
        return try database.readTransaction { () throws(CaseStoreError) in
            var after = cursorSeq
            if let since = query.sinceMilliseconds {
                let first = try database.firstRow(
                    "SELECT seq FROM audit WHERE at >= ? ORDER BY at, seq LIMIT 1",
                    [.text(UTCInstant(millisecondsSince1970: since).rfc3339)]
                ) { $0.integer(0) }
                guard let first else { return AuditPage(items: [], nextCursor: nil) }
                after = max(after, first - 1)
            }
            var sql = "SELECT \(Self.columns), seq FROM audit WHERE seq > ?"
            var parameters: [SQLValue] = [.integer(after)]
            if let caseId = query.caseId {
                sql += " AND case_id = ?"
                parameters.append(.text(caseId))
            }
            sql += " ORDER BY seq LIMIT ?"
            parameters.append(.integer(limit + 1))
            let rows = try database.rows(sql, parameters) { (row) throws(CaseStoreError) in
                (item: try Self.record(row), seq: row.integer(8))
            }
            let page = PageCursor.page(of: rows, limit: limit, listing: .audit)
            return AuditPage(items: page.items, nextCursor: page.nextCursor)
        }
    }

    private static func record(_ row: Row) throws(CaseStoreError) -> AuditRecord {
        guard let action = AuditAction(rawValue: row.text(3)) else {
            // The CHECK constraint makes this unreachable short of a hand-edited file.
            throw .sqlite(code: 11, operation: "read an audit row", message: "an audit row holds an unknown action")
        }
        return AuditRecord(
            id: row.text(0), at: row.text(1), actor: row.text(2), action: action, caseId: row.optionalText(4),
            caseVersion: row.isNull(5) ? nil : row.integer(5), requestId: row.text(6), route: row.text(7))
    }
}
