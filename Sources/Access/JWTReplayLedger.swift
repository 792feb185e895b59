/// Where the `jti`s of accepted CDS Hooks JWTs are remembered until their tokens expire:
/// `JWTReplayCache` in memory for one process (SQLite), a database table when several
/// replicas must refuse a token any one of them accepted (PostgreSQL).
package protocol JWTReplayLedger: Sendable {
    /// Records `jti` of `issuer` until `forgetAfter` (epoch seconds); false when it was
    /// already recorded and not yet forgotten (a replay). Throws when the ledger cannot be
    /// asked: the token is then refused, never accepted unchecked.
    func admit(issuer: String, jti: String, forgetAfter: Double, now: Double) throws(JWTReplayLedgerUnavailable)
        -> Bool
}

/// The shared ledger could not be reached (its database is down); the call may be retried.
package struct JWTReplayLedgerUnavailable: Error, Sendable, Equatable {
    package let reason: String

    package init(reason: String) {
        self.reason = reason
    }
}
