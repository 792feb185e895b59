import UTCTime
import Foundation

extension PostgresCaseStore {
    /// Records the items of one feedback call in one transaction, all or none; committed when
    /// this returns.
    public func recordCDSFeedback(_ items: [CDSFeedbackInput]) throws(CaseStoreError) -> [StoredCDSFeedback] {
        let ids = items.map { _ in UUID().uuidString.lowercased() }
        return try write { (database) throws(CaseStoreError) in
            let now = UTCInstant.now().rfc3339
            var stored: [StoredCDSFeedback] = []
            for (item, id) in zip(items, ids) {
                try database.execute(
                    """
                    INSERT INTO cds_feedback (id, service_id, card, outcome, outcome_timestamp, client, item, received_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """,
                    [
                        .text(id), .text(item.serviceId), .text(item.card), .text(item.outcome),
                        .optionalText(item.outcomeTimestamp), .optionalText(item.client), .bytes(item.item),
                        .text(now),
                    ], operation: "insert CDS feedback")
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
        try pool.read { (database) throws(CaseStoreError) in
            try database.rows(
                """
                SELECT id, service_id, card, outcome, outcome_timestamp, client, item, received_at
                FROM cds_feedback WHERE card = $1 ORDER BY seq LIMIT $2
                """,
                [.text(card), .integer(max(1, min(limit, 1_000)))], operation: "read CDS feedback"
            ) { row in
                StoredCDSFeedback(
                    id: row.text(0), serviceId: row.text(1), card: row.text(2), outcome: row.text(3),
                    outcomeTimestamp: row.optionalText(4), client: row.optionalText(5),
                    item: row.bytes(6), receivedAt: row.text(7))
            }
        }
    }
}
