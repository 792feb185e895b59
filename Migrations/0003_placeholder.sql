-- Placeholder so this branch's migrations have no gap before 0004; the lead replaces it with
-- the other branch's real 0003 when merging (do not ship this file).
SELECT 1;
