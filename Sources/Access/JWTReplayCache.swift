import Locking

/// The `jti`s of accepted CDS Hooks JWTs, each kept until its token expires (plus the clock
/// skew), so a captured token cannot be played again. In memory, for one process (SQLite): a
/// restart forgets them, which leaves at most one token lifetime (minutes) of replay window
/// after a restart. Replicas share a database ledger instead (`JWTReplayLedger`).
/// Bounded: when full, expired entries go first, then those closest to expiry (whose tokens
/// would soon be refused for `exp` anyway).
package final class JWTReplayCache: JWTReplayLedger {
    /// Each admitted issuer + jti, with the epoch second it may be forgotten after.
    private let seen = LockedValue<[String: Double]>([:])
    package let capacity: Int

    package init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// Records `jti` of `issuer` until `forgetAfter` (epoch seconds); false when it was
    /// already recorded and not yet forgotten (a replay).
    package func admit(issuer: String, jti: String, forgetAfter: Double, now: Double) -> Bool {
        let key = issuer + "\u{0}" + jti
        return seen.withLock { seen in
            if let until = seen[key], until >= now { return false }
            if seen.count >= capacity {
                seen = seen.filter { $0.value >= now }
                while seen.count >= capacity, let soonest = seen.min(by: { $0.value < $1.value }) {
                    seen[soonest.key] = nil
                }
            }
            seen[key] = forgetAfter
            return true
        }
    }

    package var count: Int {
        seen.withLock { $0.count }
    }
}
