import JSON
import Foundation

/// Checks the JWT an EHR sends with each CDS Hooks call (CDS Hooks 2.0.1, "Trusting CDS
/// Clients"): the signature first (ES384 or RS384 with a key of the configured JWKS), then
/// the claims: `exp`, `iat` (and `nbf` when sent) within the clock skew, a short lifetime
/// (`exp` no more than 5 minutes after `iat`), `iss` among the allowed issuers,
/// `aud` equal to the endpoint's public URL, and a `jti` not seen before.
public struct JWTVerifier: Sendable {
    /// What an accepted token says about its caller.
    public struct Accepted: Sendable, Equatable {
        public let issuer: String
        public let subject: String?
        public let jti: String
    }

    package let keys: JSONWebKeySet
    package let issuers: Set<String>
    /// `publicBaseUrl`: the expected `aud` is this plus the request path.
    package let audienceBase: String
    package let clockSkew: Double
    package let replays: any JWTReplayLedger
    package let now: @Sendable () -> Double

    /// Longest token looked at: far above any real one (an RS384 token with a 4096-bit key
    /// is about 1.2 KB).
    package static let maxTokenBytes = 16_384

    /// Five minutes: CDS Hooks 1.0 required `exp` "no more than five minutes in the future"
    /// (as SMART Backend Services does); 2.0.1 states no figure but asks for a `jti` against
    /// replay. A longer-lived token is refused: the replay cache lives in memory, so after
    /// each restart a captured token could be replayed once for as long as it lives.
    package static let maxLifetime: Double = 300

    package init(
        keys: JSONWebKeySet, issuers: Set<String>, audienceBase: String, clockSkew: Double,
        replays: any JWTReplayLedger = JWTReplayCache(),
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.keys = keys
        self.issuers = issuers
        self.audienceBase = audienceBase
        self.clockSkew = clockSkew
        self.replays = replays
        self.now = now
    }

    /// The URL a token for `path` must name as `aud`.
    package func expectedAudience(path: String) -> String { audienceBase + path }

    public func verify(_ token: some StringProtocol, path: String) -> Result<Accepted, JWTRefusal> {
        do throws(JWTRefusal) {
            return .success(try check(String(token), path: path))
        } catch {
            return .failure(error)
        }
    }

    private func check(_ token: String, path: String) throws(JWTRefusal) -> Accepted {
        guard token.utf8.count <= Self.maxTokenBytes else {
            throw .malformed("longer than \(Self.maxTokenBytes) bytes")
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformed("a JWS compact token has 3 dot-separated parts, this has \(parts.count)")
        }
        let header = try Self.object(parts[0], "header")
        // The algorithm comes first: `none` and HMAC are refused before any key is looked at.
        guard case .string(let algName)? = header["alg"] else { throw .malformed("the header has no `alg`") }
        guard let algorithm = JWTAlgorithm(rawValue: algName) else {
            throw .algorithmNotAllowed(Self.printable(algName))
        }
        if header["crit"] != nil { throw .malformed("critical header extensions (`crit`) are not supported") }
        var kid: String?
        if let value = header["kid"] {
            guard case .string(let text) = value else { throw .malformed("`kid` must be a string") }
            kid = text
        }
        let candidates = keys.candidates(kid: kid, algorithm: algorithm)
        guard !candidates.isEmpty else {
            throw .unknownKey(
                kid.map { "no \(algorithm.rawValue) key with kid '\(Self.printable($0))'" }
                    ?? "no \(algorithm.rawValue) key, and the token names no kid")
        }
        guard let signature = Base64URL.decode(parts[2]) else { throw .malformed("the signature is not base64url") }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard candidates.contains(where: { $0.verifies(signature, over: signingInput, algorithm: algorithm) }) else {
            throw .badSignature
        }

        // Only a token the EHR really signed gets this far.
        let claims = try Self.object(parts[1], "payload")
        let now = self.now()
        let expiry = try Self.number("exp", in: claims)
        guard now <= expiry + clockSkew else { throw .expired }
        let issuedAt = try Self.number("iat", in: claims)
        guard issuedAt <= now + clockSkew else { throw .notYetValid("iat") }
        // After the expiry check, so an old token (the spec's example) still reads as expired.
        guard expiry - issuedAt <= Self.maxLifetime + clockSkew else {
            throw .lifetimeTooLong("`exp` is \(Self.seconds(expiry - issuedAt)) s after `iat`")
        }
        guard now - issuedAt <= Self.maxLifetime + clockSkew else {
            throw .lifetimeTooLong("`iat` is \(Self.seconds(now - issuedAt)) s ago")
        }
        if claims["nbf"] != nil {
            guard try Self.number("nbf", in: claims) <= now + clockSkew else { throw .notYetValid("nbf") }
        }
        let issuer = try Self.string("iss", in: claims)
        guard issuers.contains(issuer) else { throw .issuerNotAllowed }
        let expected = expectedAudience(path: path)
        switch claims["aud"] {
        case .string(let audience)?:
            guard audience == expected else { throw .audienceMismatch(expected: expected) }
        case .array(let audiences)?:
            guard audiences.contains(.string(expected)) else { throw .audienceMismatch(expected: expected) }
        case nil, .null?:
            throw .claimMissing("aud")
        default:
            throw .malformed("`aud` must be a string or an array of strings")
        }
        let jti = try Self.string("jti", in: claims)
        var subject: String?
        if let value = claims["sub"] {
            guard case .string(let text) = value else { throw .malformed("`sub` must be a string") }
            subject = text
        }
        let admitted: Bool
        do throws(JWTReplayLedgerUnavailable) {
            admitted = try replays.admit(issuer: issuer, jti: jti, forgetAfter: expiry + clockSkew, now: now)
        } catch {
            throw .replayCheckUnavailable
        }
        guard admitted else { throw .replayed }
        return Accepted(issuer: issuer, subject: subject, jti: jti)
    }

    private static func object(_ part: Substring, _ name: String) throws(JWTRefusal) -> JSONObject {
        guard let bytes = Base64URL.decode(part) else { throw .malformed("the \(name) is not base64url") }
        guard case .object(let object)? = try? JSONParser(maxDepth: 16).parse(bytes) else {
            throw .malformed("the \(name) is not a JSON object")
        }
        return object
    }

    private static func number(_ claim: String, in claims: JSONObject) throws(JWTRefusal) -> Double {
        switch claims[claim] {
        case .number(let value)?: return value
        case nil, .null?: throw .claimMissing(claim)
        default: throw .malformed("`\(claim)` must be a number of seconds since the epoch")
        }
    }

    private static func string(_ claim: String, in claims: JSONObject) throws(JWTRefusal) -> String {
        switch claims[claim] {
        case .string(let value)? where !value.isEmpty: return value
        case nil, .null?, .string?: throw .claimMissing(claim)
        default: throw .malformed("`\(claim)` must be a string")
        }
    }

    /// A span of seconds for a refusal's detail. The claims are the caller's numbers (any
    /// finite double, and their difference may overflow to infinity), so this never uses
    /// `Int(_:)`, which traps outside Int's range: beyond a million years it says so instead.
    package static func seconds(_ span: Double) -> String {
        let limit = 1e13
        guard span.isFinite, abs(span) < limit, let whole = Int(exactly: span.rounded(.towardZero)) else {
            return span < 0 ? "less than -\(Int(limit))" : "more than \(Int(limit))"
        }
        return String(whole)
    }

    /// Echoes short printable ASCII only (an `alg` or `kid` a caller sent), else a placeholder.
    package static func printable(_ text: String) -> String {
        guard text.utf8.count <= 64, text.utf8.allSatisfy({ (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") })
        else {
            return "(unprintable)"
        }
        return text
    }
}
