import Foundation
import UTCTime

extension SQLiteCaseStore {
    /// Records the items of one feedback call in one transaction; durable when this returns
    /// (the group-commit writer answers after the WAL sync), all or none.
    public func recordCDSFeedback(_ items: [CDSFeedbackInput]) throws(CaseStoreError) -> [StoredCDSFeedback] {
        let ids = items.map { _ in UUID().uuidString.lowercased() }
        return try writer.perform { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            var stored: [StoredCDSFeedback] = []
            for (item, id) in zip(items, ids) {
                try database.run(
                    """
                    INSERT INTO cds_feedback (id, service_id, card, outcome, outcome_timestamp, client, item, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(id), .text(item.serviceId), .text(item.card), .text(item.outcome),
                        .optionalText(item.outcomeTimestamp), .optionalText(item.client), .utf8(bytes: item.item),
                        .text(now),
                    ])
                stored.append(
                    StoredCDSFeedback(
                        id: id, serviceId: item.serviceId, card: item.card, outcome: item.outcome,
                        outcomeTimestamp: item.outcomeTimestamp, client: item.client,
                        item: item.item, receivedAt: now))
            }
            return stored
        }
    }

    /// The feedback recorded for one card, oldest first (at most `limit` items).
    public func cdsFeedback(card: String, limit: Int) throws(CaseStoreError) -> [StoredCDSFeedback] {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try database.rows(
                """
                SELECT id, service_id, card, outcome, outcome_timestamp, client, item, received_at
                FROM cds_feedback WHERE card = ? ORDER BY seq LIMIT ?
                """,
                [.text(card), .integer(max(1, min(limit, 1_000)))]
            ) { row in
                StoredCDSFeedback(
                    id: row.text(0), serviceId: row.text(1), card: row.text(2), outcome: row.text(3),
                    outcomeTimestamp: row.optionalText(4), client: row.optionalText(5),
                    item: row.bytes(6), receivedAt: row.text(7))
            }
        }
    }
}
