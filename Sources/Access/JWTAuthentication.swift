/// How CDS Hooks calls (routes whose requirement is `.cdsJWT`) are authenticated; chosen
/// once at start-up by `makeService` (docs/cds-hooks.md).
public enum JWTAuthentication: Sendable {
    /// A JWKS is configured: every call needs a JWT that `JWTVerifier` accepts.
    case verify(JWTVerifier)
    /// No JWKS, but access tokens are configured (or the host is not loopback): the
    /// service is meant to be protected, so CDS Hooks calls are refused (401) rather than
    /// served unsigned.
    case refuseAll
    /// No JWKS, no access tokens, loopback only: local development, where the rest of the
    /// API is open too. Calls are served without a JWT.
    case unsignedLoopbackDevelopment

    /// The start-up log's description.
    public var summary: String {
        switch self {
        case .verify(let verifier):
            "CDS Hooks calls need a signed JWT (\(verifier.keys.keys.count) key(s), \(verifier.issuers.count) issuer(s)"
                + (verifier.keys.skipped.isEmpty
                    ? ")" : "; JWKS entries skipped: \(verifier.keys.skipped.joined(separator: "; ")))")
        case .refuseAll:
            "CDS Hooks calls refused: no JWKS configured (cdsJwksFile) while access tokens are required"
        case .unsignedLoopbackDevelopment:
            "CDS Hooks calls accepted without a JWT (no JWKS configured; loopback development mode)"
        }
    }
}
