import Access
import CaseStore
extension JWTAuthentication {
    /// Picks the mode from the settings (docs/cds-hooks.md).
    /// Half a configuration refuses start-up: a JWKS needs issuers to trust and the public
    /// URL that `aud` names; issuers without a JWKS could never be checked. Used `jti`s are
    /// remembered in `store` when it is PostgreSQL (replicas share it), else in memory.
    static func make(
        _ configuration: ServiceConfiguration, accessTokens: AccessTokens?, store: any CaseStore
    ) throws(StartupError) -> JWTAuthentication {
        guard let path = configuration.cdsJwksFile else {
            guard configuration.cdsIssuers.isEmpty else {
                throw StartupError.cdsHooks(
                    "cdsIssuers is set but cdsJwksFile is not: set the JWKS file of those issuers' public keys")
            }
            return accessTokens == nil && configuration.isLoopbackHost ? .unsignedLoopbackDevelopment : .refuseAll
        }
        guard !configuration.cdsIssuers.isEmpty else {
            throw StartupError.cdsHooks(
                "cdsJwksFile is set but cdsIssuers is empty: list the JWT `iss` values to accept")
        }
        guard let base = configuration.publicBaseUrl else {
            throw StartupError.cdsHooks(
                "cdsJwksFile is set but publicBaseUrl is not: a JWT's `aud` must be this "
                    + "service's URL as the EHR calls it (publicBaseUrl + /cds-services/{id})")
        }
        let keys: JSONWebKeySet
        do throws(AccessFileError) { keys = try JSONWebKeySet.load(path: path) } catch { throw .accessFile(error) }
        return .verify(
            JWTVerifier(
                keys: keys, issuers: Set(configuration.cdsIssuers), audienceBase: base,
                clockSkew: Double(configuration.cdsClockSkewSeconds),
                replays: (store as? PostgresCaseStore).map { DatabaseJWTReplayLedger(store: $0) } ?? JWTReplayCache()))
    }
}
