-- CDS Hooks feedback (PostgreSQL dialect of ../0004_cds_feedback.sql): what the clinician did
-- with each card the service returned, one row per feedback item. No patient data.
CREATE TABLE cds_feedback (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,                 -- lowercase UUID, issued by the store
    service_id TEXT NOT NULL,                -- the CDS service the card came from
    card TEXT NOT NULL,                      -- the card's uuid
    outcome TEXT NOT NULL,                   -- accepted | overridden (as sent)
    outcome_timestamp TEXT,                  -- as sent (ISO 8601), when sent
    client TEXT,                             -- the JWT issuer (and subject) that sent it; null unsigned
    item BYTEA NOT NULL,                     -- the feedback item, canonical JSON bytes
    received_at TEXT COLLATE "C" NOT NULL    -- RFC 3339 UTC with milliseconds
);

-- Feedback on one card, in arrival order.
CREATE INDEX cds_feedback_card_seq ON cds_feedback (card, seq);
