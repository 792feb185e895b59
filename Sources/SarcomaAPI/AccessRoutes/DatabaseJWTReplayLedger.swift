import Access
import CaseStore

/// The JWT replay ledger replicas share: the `jwt_replay` table of their PostgreSQL store,
/// so a token one replica accepted is refused by the others. A database error refuses the
/// token (503 through `JWTRefusal.replayCheckUnavailable`), never admits it unchecked.
struct DatabaseJWTReplayLedger: JWTReplayLedger {
    let store: PostgresCaseStore

    func admit(issuer: String, jti: String, forgetAfter: Double, now: Double) throws(JWTReplayLedgerUnavailable)
        -> Bool
    {
        do throws(CaseStoreError) {
            return try store.admitTokenID(issuer: issuer, jti: jti, forgetAfter: forgetAfter, now: now)
        } catch {
            throw JWTReplayLedgerUnavailable(reason: error.description)
        }
    }
}
