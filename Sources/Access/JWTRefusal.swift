/// Why a CDS Hooks call's JWT was refused. Each has its own problem type
/// (`urn:sarcoma-guide:problem:<slug>`) so an integrator can tell a clock problem from a
/// key problem; all are 401 but `replayCheckUnavailable` (503: the token may be fine).
/// Details say what was expected, never echo the token.
public enum JWTRefusal: Error, Sendable, Equatable {
    /// No `Authorization: Bearer` header.
    case missing
    /// Not three base64url parts of JSON objects, or a claim of the wrong type.
    case malformed(String)
    /// `alg` is not ES384 or RS384 (`none`, HS256, ...).
    case algorithmNotAllowed(String)
    /// No configured key has the token's `kid` (or fits its algorithm).
    case unknownKey(String)
    case badSignature
    case expired
    /// `iat` (or `nbf`) is later than now plus the allowed clock skew.
    case notYetValid(String)
    /// `exp - iat`, or the token's age, is over 5 minutes plus the clock skew.
    case lifetimeTooLong(String)
    case issuerNotAllowed
    case audienceMismatch(expected: String)
    /// A required claim (`iss`, `aud`, `exp`, `iat`, `jti`) is absent.
    case claimMissing(String)
    /// This `jti` was already used by an accepted call.
    case replayed
    /// The shared replay ledger (the database) could not be asked, so the token is refused
    /// unchecked rather than accepted unchecked; answered 503 with Retry-After.
    case replayCheckUnavailable
    /// The service has no JWKS configured but is not in loopback development mode.
    case notConfigured

    public var slug: String {
        switch self {
        case .missing: "jwt-missing"
        case .malformed: "jwt-malformed"
        case .algorithmNotAllowed: "jwt-algorithm-not-allowed"
        case .unknownKey: "jwt-unknown-key"
        case .badSignature: "jwt-bad-signature"
        case .expired: "jwt-expired"
        case .notYetValid: "jwt-not-yet-valid"
        case .lifetimeTooLong: "jwt-lifetime-too-long"
        case .issuerNotAllowed: "jwt-issuer-not-allowed"
        case .audienceMismatch: "jwt-audience-mismatch"
        case .claimMissing: "jwt-claim-missing"
        case .replayed: "jwt-replayed"
        case .replayCheckUnavailable: "jwt-replay-check-unavailable"
        case .notConfigured: "cds-jwt-not-configured"
        }
    }

    package var title: String {
        switch self {
        case .missing: "CDS Hooks JWT missing"
        case .malformed: "CDS Hooks JWT malformed"
        case .algorithmNotAllowed: "JWT algorithm not allowed"
        case .unknownKey: "JWT signing key unknown"
        case .badSignature: "JWT signature invalid"
        case .expired: "JWT expired"
        case .notYetValid: "JWT not yet valid"
        case .lifetimeTooLong: "JWT lifetime too long"
        case .issuerNotAllowed: "JWT issuer not allowed"
        case .audienceMismatch: "JWT audience mismatch"
        case .claimMissing: "JWT claim missing"
        case .replayed: "JWT replayed"
        case .replayCheckUnavailable: "JWT replay check unavailable"
        case .notConfigured: "CDS Hooks authentication not configured"
        }
    }

    package var detail: String {
        switch self {
        case .missing:
            "CDS Hooks calls need the EHR's signed JWT: send `Authorization: Bearer <jwt>`"
        case .malformed(let reason):
            "the bearer credentials are not a usable JWT: \(reason)"
        case .algorithmNotAllowed(let alg):
            "the JWT's `alg` is '\(alg)'; this service accepts ES384 and RS384 only (never `none` or HMAC)"
        case .unknownKey(let why):
            "no configured signing key matches the JWT: \(why); add the EHR's public key to the JWKS file"
        case .badSignature:
            "the JWT's signature does not verify with the configured key"
        case .expired:
            "the JWT's `exp` has passed (beyond the allowed clock skew); the EHR must sign a fresh token for each call"
        case .notYetValid(let claim):
            "the JWT's `\(claim)` is in the future (beyond the allowed clock skew); check the clocks"
        case .lifetimeTooLong(let why):
            "the JWT lives too long (\(why)); CDS Hooks tokens expire at most 5 minutes after they are issued "
                + "(plus the allowed clock skew): the EHR must sign a fresh, short-lived token for each call"
        case .issuerNotAllowed:
            "the JWT's `iss` is not among the configured CDS Hooks issuers (cdsIssuers)"
        case .audienceMismatch(let expected):
            "the JWT's `aud` must be this endpoint's URL as the EHR calls it: \(expected)"
        case .claimMissing(let claim):
            "the JWT has no usable `\(claim)` claim; CDS Hooks requires iss, aud, exp, iat and jti"
        case .replayed:
            "this JWT (`jti`) was already used; the EHR must sign a fresh token for each call"
        case .replayCheckUnavailable:
            "the database that remembers used JWTs cannot be reached, so the token cannot be checked for replay; "
                + "retry with a freshly signed token"
        case .notConfigured:
            "this service has no CDS Hooks keys configured (cdsJwksFile), so it cannot accept CDS Hooks calls; "
                + "see docs/cds-hooks.md"
        }
    }

    /// The RFC 6750 `error` code for `WWW-Authenticate`.
    package var challengeError: String {
        switch self {
        case .missing, .notConfigured: "invalid_request"
        default: "invalid_token"
        }
    }
}
