-- Cases: the caller's canonical JSON document plus the columns the store indexes.
-- seq orders listings and cursors: AUTOINCREMENT never reuses a value, so a case
-- created while a client pages through the list lands after every cursor it holds.
CREATE TABLE cases (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,            -- lowercase UUID, issued by the store
    external_id TEXT UNIQUE,            -- the EHR's id; UNIQUE so a race can never duplicate it
    site TEXT NOT NULL,
    document TEXT NOT NULL,             -- canonical JSON bytes, stored as given
    version INTEGER NOT NULL CHECK (version >= 1),  -- 1 on create, +1 on each replace
    created_at TEXT NOT NULL,           -- RFC 3339 UTC with milliseconds
    updated_at TEXT NOT NULL
) STRICT;

-- Listing filtered by site, in seq order.
CREATE INDEX cases_site_seq ON cases (site, seq);
