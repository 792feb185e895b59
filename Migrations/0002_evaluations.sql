-- Evaluations recorded for a stored case (what was answered, against which version).
-- Deleting a case deletes its evaluations (ON DELETE CASCADE; connections run with
-- foreign_keys=ON): they describe a case that no longer exists.
CREATE TABLE evaluations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,            -- lowercase UUID, issued by the store
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    case_version INTEGER NOT NULL,
    endpoint TEXT NOT NULL,             -- staging | margins | imaging | perioperative | palliative | assessment
    guideline_version TEXT NOT NULL,
    result TEXT NOT NULL,               -- canonical JSON bytes, stored as given
    created_at TEXT NOT NULL            -- RFC 3339 UTC with milliseconds
) STRICT;

-- Listing a case's evaluations in seq order, and the cascade's lookup.
CREATE INDEX evaluations_case_seq ON evaluations (case_id, seq);
