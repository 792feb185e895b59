-- The audit action `impact`: a stored case read by the impact report (GET /v2/guidelines/impact,
-- contract delta §0.8), which re-evaluates it with two packs and records no evaluation.
-- SQLite cannot change a CHECK in place, so the table is rebuilt with the same rows, order
-- (seq) and AUTOINCREMENT counter, then its indexes and insert-only triggers are recreated.
-- DROP TABLE fires no DELETE trigger, so the trail is moved, not deleted row by row.
CREATE TABLE audit_rebuilt (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN
        ('create', 'read', 'list', 'update', 'delete', 'import', 'export', 'evaluate', 'impact')),
    case_id TEXT,
    case_version INTEGER,
    request_id TEXT NOT NULL,
    route TEXT NOT NULL
) STRICT;

INSERT INTO audit_rebuilt (seq, id, at, actor, action, case_id, case_version, request_id, route)
    SELECT seq, id, at, actor, action, case_id, case_version, request_id, route FROM audit ORDER BY seq;

DROP TABLE audit;
ALTER TABLE audit_rebuilt RENAME TO audit;

CREATE INDEX audit_case_seq ON audit (case_id, seq);
CREATE INDEX audit_at ON audit (at);

CREATE TRIGGER audit_rows_are_not_updated BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;

CREATE TRIGGER audit_rows_are_not_deleted BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be deleted');
END;
