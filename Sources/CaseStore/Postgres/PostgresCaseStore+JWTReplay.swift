import Crypto

extension PostgresCaseStore {
    /// Records a CDS Hooks JWT's `issuer` + `jti` in the `jwt_replay` table until `forgetAfter`
    /// (epoch seconds); false when a row for them is already there and not yet expired: a
    /// replay, whichever replica accepted the token first. Committed when this returns true.
    ///
    /// One insert-or-conflict decides, so two replicas admitting the same token at once get
    /// one true and one false (the second insert waits on the key, then sees the row). An
    /// expired row for the key is taken over; up to 100 other expired rows are pruned.
    public func admitTokenID(issuer: String, jti: String, forgetAfter: Double, now: Double) throws(CaseStoreError)
        -> Bool
    {
        let key = Array(SHA256.hash(data: Array(issuer.utf8) + [0] + Array(jti.utf8)))
        // Whole seconds, each rounded so a token is remembered a little longer, never shorter.
        let until = Self.epochSecond(forgetAfter.rounded(.up))
        let current = Self.epochSecond(now.rounded(.down))
        return try pool.writeTransaction { (database) throws(CaseStoreError) in
            try database.execute(
                """
                DELETE FROM jwt_replay WHERE token_key IN (
                    SELECT token_key FROM jwt_replay WHERE forget_after < $1 AND token_key <> $2
                    LIMIT 100 FOR UPDATE SKIP LOCKED)
                """, [.integer(current), .bytes(key)], operation: "prune the JWT replay ledger")
            let admitted = try database.firstRow(
                """
                INSERT INTO jwt_replay (token_key, forget_after) VALUES ($1, $2)
                ON CONFLICT (token_key) DO UPDATE SET forget_after = EXCLUDED.forget_after
                WHERE jwt_replay.forget_after < $3
                RETURNING 1
                """, [.bytes(key), .integer(until), .integer(current)], operation: "admit a JWT id"
            ) { _ in true }
            return admitted ?? false
        }
    }

    /// An epoch second as an Int; out-of-range values (never from a verified token, whose
    /// `exp` is minutes from now) are clamped rather than trapping.
    private static func epochSecond(_ value: Double) -> Int {
        let limit = 1e15
        guard value.isFinite else { return value < 0 ? 0 : Int(limit) }
        return Int(max(0, min(value, limit)))
    }
}
