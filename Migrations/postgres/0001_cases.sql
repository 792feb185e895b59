-- Cases (PostgreSQL dialect of ../0001_cases.sql): the caller's canonical JSON document
-- plus the columns the store indexes. seq orders listings and cursors: an identity column
-- never reuses a value, and writes commit in seq order (the store's write-order lock).
-- Timestamps are fixed-width RFC 3339 text compared byte-wise (COLLATE "C").
CREATE TABLE cases (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,                 -- lowercase UUID, issued by the store
    external_id TEXT UNIQUE,                 -- the EHR's id; UNIQUE so no race across replicas duplicates it
    site TEXT NOT NULL,
    document BYTEA NOT NULL,                 -- canonical JSON bytes, stored exactly as given
    version BIGINT NOT NULL CHECK (version >= 1),  -- 1 on create, +1 on each replace
    created_at TEXT COLLATE "C" NOT NULL,    -- RFC 3339 UTC with milliseconds
    updated_at TEXT COLLATE "C" NOT NULL
);

-- Listing filtered by site, in seq order.
CREATE INDEX cases_site_seq ON cases (site, seq);
