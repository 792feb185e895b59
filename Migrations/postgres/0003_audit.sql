-- The audit trail (PostgreSQL dialect of ../0003_audit.sql): who created, read, listed,
-- changed, deleted, imported, exported or evaluated which case, when, through which request.
-- Rows are only ever inserted. case_id is deliberately NOT a foreign key: the trail of a
-- deleted case must outlive it. A write's row is inserted in the same transaction as the write.
CREATE TABLE audit (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- order of the trail
    id TEXT NOT NULL UNIQUE,                 -- lowercase UUID, issued by the store
    at TEXT COLLATE "C" NOT NULL,            -- RFC 3339 UTC with milliseconds; never less than the row before
    actor TEXT NOT NULL,                     -- access token name, JWT issuer/subject, or (local)
    action TEXT NOT NULL CHECK (action IN
        ('create', 'read', 'list', 'update', 'delete', 'import', 'export', 'evaluate')),
    case_id TEXT,                            -- the case concerned; no foreign key (see above)
    case_version BIGINT,                     -- the case version concerned, when there is one
    request_id TEXT NOT NULL,                -- the request's X-Request-ID (sent or issued)
    route TEXT NOT NULL                      -- route template, e.g. /v1/cases/{id}
);

-- One case's trail in order, and `since` (at grows with seq).
CREATE INDEX audit_case_seq ON audit (case_id, seq);
CREATE INDEX audit_at ON audit (at);

-- Rows cannot be changed or removed, not even by a bug in the service: UPDATE, DELETE and
-- TRUNCATE are refused. Only a database owner dropping these triggers can.
CREATE FUNCTION audit_rows_are_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows cannot be changed or deleted' USING ERRCODE = 'raise_exception';
END;
$$;

CREATE TRIGGER audit_rows_are_not_changed BEFORE UPDATE OR DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION audit_rows_are_insert_only();

CREATE TRIGGER audit_rows_are_not_truncated BEFORE TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_are_insert_only();
