-- CDS Hooks feedback (POST /cds-services/{id}/feedback): what the clinician did with each
-- card the service returned. One row per feedback item. No patient data: a card is named
-- by the uuid the service gave it; `item` is the feedback object as sent (outcome,
-- timestamps, accepted suggestion ids, override reason codes).
CREATE TABLE cds_feedback (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,            -- lowercase UUID, issued by the store
    service_id TEXT NOT NULL,           -- the CDS service the card came from
    card TEXT NOT NULL,                 -- the card's uuid
    outcome TEXT NOT NULL,              -- accepted | overridden (as sent)
    outcome_timestamp TEXT,             -- as sent (ISO 8601), when sent
    client TEXT,                        -- the JWT issuer (and subject) that sent it; null unsigned
    item TEXT NOT NULL,                 -- the feedback item, canonical JSON bytes
    received_at TEXT NOT NULL           -- RFC 3339 UTC with milliseconds
) STRICT;

-- Feedback on one card, in arrival order.
CREATE INDEX cds_feedback_card_seq ON cds_feedback (card, seq);
