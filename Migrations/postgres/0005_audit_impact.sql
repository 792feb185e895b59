-- The audit action `impact` (PostgreSQL dialect of ../0005_audit_impact.sql): a stored case
-- read by the impact report (GET /v2/guidelines/impact), which records no evaluation.
ALTER TABLE audit DROP CONSTRAINT audit_action_check;
ALTER TABLE audit ADD CONSTRAINT audit_action_check CHECK (action IN
    ('create', 'read', 'list', 'update', 'delete', 'import', 'export', 'evaluate', 'impact'));
