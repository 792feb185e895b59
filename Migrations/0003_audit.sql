-- The audit trail: who created, read, listed, changed, deleted, imported, exported or
-- evaluated which case, when, through which request. Rows are only ever inserted.
-- case_id is deliberately NOT a foreign key: the trail of a deleted case must outlive it.
-- A write's row is inserted in the same transaction as the write (no change without its
-- row, no row without its change); a read's row is committed before the read is answered.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of the trail; AUTOINCREMENT never reuses one
    id TEXT NOT NULL UNIQUE,                -- lowercase UUID, issued by the store
    at TEXT NOT NULL,                       -- RFC 3339 UTC with milliseconds; never less than the row before
    actor TEXT NOT NULL,                    -- access token name, JWT issuer/subject, or (local)
    action TEXT NOT NULL CHECK (action IN
        ('create', 'read', 'list', 'update', 'delete', 'import', 'export', 'evaluate')),
    case_id TEXT,                           -- the case concerned; no foreign key (see above)
    case_version INTEGER,                   -- the case version concerned, when there is one
    request_id TEXT NOT NULL,               -- the request's X-Request-ID (sent or issued)
    route TEXT NOT NULL                     -- route template, e.g. /v1/cases/{id}
) STRICT;

-- One case's trail in order, and `since` (at grows with seq, so the first row at or after
-- an instant starts the range).
CREATE INDEX audit_case_seq ON audit (case_id, seq);
CREATE INDEX audit_at ON audit (at);

-- Rows cannot be changed or removed, not even by a bug in the service: only a person with
-- the database file and the sqlite3 shell (dropping these triggers) can.
CREATE TRIGGER audit_rows_are_not_updated BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;

CREATE TRIGGER audit_rows_are_not_deleted BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be deleted');
END;
