-- Evaluations recorded for a stored case (PostgreSQL dialect of ../0002_evaluations.sql).
-- Deleting a case deletes its evaluations (ON DELETE CASCADE).
CREATE TABLE evaluations (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,                 -- lowercase UUID, issued by the store
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    case_version BIGINT NOT NULL,
    endpoint TEXT NOT NULL,                  -- staging | margins | imaging | perioperative | palliative | assessment
    guideline_version TEXT NOT NULL,
    result BYTEA NOT NULL,                   -- canonical JSON bytes, stored exactly as given
    created_at TEXT COLLATE "C" NOT NULL     -- RFC 3339 UTC with milliseconds
);

-- Listing a case's evaluations in seq order, and the cascade's lookup.
CREATE INDEX evaluations_case_seq ON evaluations (case_id, seq);
