-- The CDS Hooks JWT replay ledger (PostgreSQL only; ../0006_jwt_replay.sql explains why SQLite
-- has none): each accepted token's issuer + jti, kept until the token expires, so a token one
-- replica accepted is refused by every other. Inserting a key that is already here and not
-- yet expired is the replay; expired rows are pruned as tokens are admitted.
CREATE TABLE jwt_replay (
    token_key BYTEA PRIMARY KEY,             -- SHA-256 of issuer, NUL, jti (fixed size, no token text)
    forget_after BIGINT NOT NULL             -- epoch second (rounded up): the token's exp plus the clock skew
);

-- Pruning finds the expired rows.
CREATE INDEX jwt_replay_forget_after ON jwt_replay (forget_after);
