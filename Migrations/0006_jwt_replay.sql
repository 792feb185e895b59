-- Nothing to change in SQLite: one process serves a SQLite database, so the CDS Hooks JWT
-- replay cache stays in that process's memory (docs/cds-hooks.md). This file keeps the
-- version numbers of both dialects equal; postgres/0006_jwt_replay.sql adds the shared table.
SELECT 1;
