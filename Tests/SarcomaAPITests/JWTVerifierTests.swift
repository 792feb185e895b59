import TestSupport
import Foundation
import Testing
import Access
@testable import SarcomaAPI

/// The CDS Hooks JWT check, signature first, then each claim, each refusal with its own type.
@Suite("CDS Hooks JWT verification")
struct JWTVerifierTests {
    static let path = "/cds-services/sarcoma-patient-view"
    let signer = JWTTestSigner.shared

    func verifier(
        now: Double = Date().timeIntervalSince1970, skew: Double = 60,
        issuers: Set<String> = [JWTTestSigner.issuer]
    ) throws -> JWTVerifier {
        let keys = try JSONWebKeySet.parse(Array(signer.jwks.utf8))
        return JWTVerifier(
            keys: keys, issuers: issuers, audienceBase: JWTTestSigner.base, clockSkew: skew, now: { now })
    }

    func refusal(_ result: Result<JWTVerifier.Accepted, JWTRefusal>) -> String? {
        if case .failure(let refusal) = result { return refusal.slug }
        return nil
    }

    @Test(arguments: ["ES384", "RS384"])
    func aTokenSignedWithAConfiguredKeyIsAccepted(alg: String) throws {
        let claims = JWTTestSigner.claims(path: Self.path)
        let result = try verifier().verify(signer.token(claims, alg: alg), path: Self.path)
        let accepted = try result.get()
        #expect(accepted.issuer == JWTTestSigner.issuer)
        #expect(accepted.subject == "test-client")
        #expect(accepted.jti == claims["jti"] as? String)
    }

    @Test(arguments: ["ES384", "RS384"])
    func aTokenWithoutKidIsCheckedAgainstTheKeysOfItsAlgorithm(alg: String) throws {
        let token = signer.token(JWTTestSigner.claims(path: Self.path), alg: alg, omitKid: true)
        #expect(try verifier().verify(token, path: Self.path).get().issuer == JWTTestSigner.issuer)
    }

    @Test func theWrongAudienceIsRefused() throws {
        var claims = JWTTestSigner.claims(path: Self.path)
        claims["aud"] = JWTTestSigner.base + "/cds-services/sarcoma-order-select"
        #expect(refusal(try verifier().verify(signer.token(claims), path: Self.path)) == "jwt-audience-mismatch")
        claims["aud"] = [JWTTestSigner.base + Self.path, "https://other.example"]
        #expect(
            refusal(try verifier().verify(signer.token(claims), path: Self.path)) == nil,
            "an aud array naming us is fine")
    }

    @Test func expiryAllowsTheClockSkewAndNoMore() throws {
        let now = Date().timeIntervalSince1970
        var claims = JWTTestSigner.claims(path: Self.path, now: now - 400)  // exp = now - 100
        #expect(refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == "jwt-expired")
        claims["jti"] = UUID().uuidString
        #expect(refusal(try verifier(now: now, skew: 120).verify(signer.token(claims), path: Self.path)) == nil)
    }

    /// CDS Hooks: `exp` no more than 5 minutes after issue. A 30-year token, or one issued
    /// long ago, would outlive the in-memory replay cache across restarts.
    @Test func aLongLivedTokenIsRefused() throws {
        let now = Date().timeIntervalSince1970
        var claims = JWTTestSigner.claims(path: Self.path, now: now)
        claims["exp"] = Int(now) + 30 * 365 * 86_400
        #expect(
            refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == "jwt-lifetime-too-long")
        // Just inside: 5 minutes plus the skew.
        claims["exp"] = Int(now) + 300 + 60
        claims["jti"] = UUID().uuidString
        #expect(refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == nil)
        claims["exp"] = Int(now) + 300 + 62
        claims["jti"] = UUID().uuidString
        #expect(
            refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == "jwt-lifetime-too-long")
    }

    @Test func aTokenIssuedLongAgoIsRefusedEvenIfNotExpired() throws {
        let now = Date().timeIntervalSince1970
        var claims = JWTTestSigner.claims(path: Self.path, now: now)
        claims["iat"] = Int(now) - 3 * 365 * 86_400
        claims["exp"] = Int(now) + 60
        #expect(
            refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == "jwt-lifetime-too-long")
        // The age check alone: a 350 s token (within 5 min + 60 s skew), issued 400 s ago,
        // expired 50 s ago (within the skew), is too old.
        claims["iat"] = Int(now) - 400
        claims["exp"] = Int(now) - 50
        claims["jti"] = UUID().uuidString
        #expect(
            refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == "jwt-lifetime-too-long")
        // Issued 4 minutes ago, expiring in 1 (a 5-minute token) is fine.
        claims["iat"] = Int(now) - 240
        claims["exp"] = Int(now) + 60
        claims["jti"] = UUID().uuidString
        #expect(refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == nil)
    }

    @Test func aTokenIssuedInTheFutureIsRefused() throws {
        let now = Date().timeIntervalSince1970
        let claims = JWTTestSigner.claims(path: Self.path, now: now + 600)
        #expect(refusal(try verifier(now: now).verify(signer.token(claims), path: Self.path)) == "jwt-not-yet-valid")
    }

    /// A validly signed token whose times lie beyond Int's range (or are not whole seconds)
    /// is a 401 like any other, never a trap converting the claim for the refusal's text.
    @Test(
        arguments: [
            (["exp": 1e19], "jwt-lifetime-too-long"),
            (["iat": -1e19], "jwt-lifetime-too-long"),
            (["exp": 1e308], "jwt-lifetime-too-long"),
            (["exp": 1e308, "iat": -1e308], "jwt-lifetime-too-long"),  // exp - iat overflows to infinity
            (["iat": -1e308], "jwt-lifetime-too-long"),
            (["exp": 1.5], "jwt-expired"),
            (["exp": -1e308], "jwt-expired"),
            (["iat": 1e308], "jwt-not-yet-valid"),
        ] as [([String: Double], String)])
    func extremeOrFractionalTimesAreRefusedNotTrapped(overrides: [String: Double], slug: String) throws {
        let now = Date().timeIntervalSince1970
        var claims = JWTTestSigner.claims(path: Self.path, now: now)
        for (claim, value) in overrides { claims[claim] = value }
        let result = try verifier(now: now).verify(signer.token(claims), path: Self.path)
        #expect(refusal(result) == slug)
        if case .failure(let refused) = result, slug == "jwt-lifetime-too-long" {
            #expect(refused.detail.contains("more than 10000000000000 s"), "\(refused.detail)")
        }
    }

    @Test func aSpanOfSecondsIsWrittenWithoutTrapping() {
        #expect(JWTVerifier.seconds(360.7) == "360")
        #expect(JWTVerifier.seconds(1e19) == "more than 10000000000000")
        #expect(JWTVerifier.seconds(.infinity) == "more than 10000000000000")
        #expect(JWTVerifier.seconds(-1e300) == "less than -10000000000000")
        #expect(JWTVerifier.seconds(.nan) == "more than 10000000000000")
    }

    @Test(arguments: ["none", "HS256", "RS256", "ES256", "PS384"])
    func onlyES384AndRS384AreAccepted(alg: String) throws {
        let token = signer.token(JWTTestSigner.claims(path: Self.path), alg: alg, kid: "test-ec")
        #expect(refusal(try verifier().verify(token, path: Self.path)) == "jwt-algorithm-not-allowed")
    }

    @Test func anUnknownKidIsRefused() throws {
        let token = signer.token(JWTTestSigner.claims(path: Self.path), alg: "ES384", kid: "somebody-else")
        #expect(refusal(try verifier().verify(token, path: Self.path)) == "jwt-unknown-key")
        // The RSA key's kid on an ES384 token: the key does not fit the algorithm.
        let mixed = signer.token(JWTTestSigner.claims(path: Self.path), alg: "ES384", kid: "test-rsa")
        #expect(refusal(try verifier().verify(mixed, path: Self.path)) == "jwt-unknown-key")
    }

    @Test func aReplayedJtiIsRefused() throws {
        let verifier = try verifier()
        let token = signer.token(JWTTestSigner.claims(path: Self.path))
        #expect(refusal(verifier.verify(token, path: Self.path)) == nil)
        #expect(refusal(verifier.verify(token, path: Self.path)) == "jwt-replayed")
    }

    @Test func anIssuerNotAllowedIsRefused() throws {
        var claims = JWTTestSigner.claims(path: Self.path)
        claims["iss"] = "https://rogue-ehr.example/"
        #expect(refusal(try verifier().verify(signer.token(claims), path: Self.path)) == "jwt-issuer-not-allowed")
    }

    @Test(arguments: ["iss", "aud", "exp", "iat", "jti"])
    func eachRequiredClaimMustBeThere(claim: String) throws {
        var claims = JWTTestSigner.claims(path: Self.path)
        claims[claim] = nil
        #expect(refusal(try verifier().verify(signer.token(claims), path: Self.path)) == "jwt-claim-missing")
    }

    @Test func aChangedPayloadBreaksTheSignature() throws {
        let token = signer.token(JWTTestSigner.claims(path: Self.path))
        var parts = token.split(separator: ".").map(String.init)
        var claims = JWTTestSigner.claims(path: Self.path)
        claims["iss"] = JWTTestSigner.issuer
        claims["sub"] = "someone-else"
        parts[1] = JWTTestSigner.part(claims)
        #expect(refusal(try verifier().verify(parts.joined(separator: "."), path: Self.path)) == "jwt-bad-signature")
        // A signature of the right length but from another key.
        let other = JWTTestSigner()
        let foreign = other.token(JWTTestSigner.claims(path: Self.path))
        #expect(refusal(try verifier().verify(foreign, path: Self.path)) == "jwt-bad-signature")
    }

    @Test(arguments: ["", "a.b", "a.b.c.d", "!!!.e30.", "e30.e30.", "W10.e30.AAAA"])
    func garbageIsMalformedOrRefused(token: String) throws {
        let slug = refusal(try verifier().verify(token, path: Self.path))
        #expect(slug == "jwt-malformed", "\(token): \(slug ?? "accepted")")
    }

    /// The CDS Hooks 2.0.1 spec's own example token, checked with the spec's public key.
    @Test func theSpecExampleTokenHasAValidSignatureAndIsExpired() throws {
        let url = ServiceFixture.root.appendingPathComponent("Tests/Fixtures/cds-hooks/spec-2.0.1-jwt-example.json")
        let example = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let jwks = try JSONSerialization.data(withJSONObject: try #require(example["jwks_public"]))
        let keys = try JSONWebKeySet.parse(Array(jwks))
        let token = try #require((example["authorization_header"] as? String)?.dropFirst("Bearer ".count))
        let path = "/cds-services/some-service"
        func check(at now: Double) -> String? {
            let verifier = JWTVerifier(
                keys: keys, issuers: ["https://fhir-ehr.example.com/"],
                audienceBase: "https://cds.example.org", clockSkew: 60, now: { now })
            return refusal(verifier.verify(token, path: path))
        }
        #expect(check(at: Date().timeIntervalSince1970) == "jwt-expired", "expiry is checked before the lifetime")
        // Inside its validity window (iat 1311280970, exp 1422568860) the signature and
        // expiry pass, but a token meant to live 3.5 years is refused for its lifetime.
        #expect(check(at: 1_311_281_000) == "jwt-lifetime-too-long")
        #expect(check(at: 1_400_000_000) == "jwt-lifetime-too-long")
        // The same token with one signature byte changed is a bad signature, not an expiry.
        var bytes = Array(token)
        bytes[bytes.count - 5] = bytes[bytes.count - 5] == "A" ? "B" : "A"
        let verifier = JWTVerifier(
            keys: keys, issuers: ["https://fhir-ehr.example.com/"],
            audienceBase: "https://cds.example.org", clockSkew: 60, now: { 1_400_000_000 })
        #expect(refusal(verifier.verify(String(bytes), path: path)) == "jwt-bad-signature")
    }

    @Test func theReplayCacheStaysBounded() {
        let cache = JWTReplayCache(capacity: 3)
        for index in 0..<10 {
            #expect(cache.admit(issuer: "i", jti: "\(index)", forgetAfter: 100 + Double(index), now: 50))
        }
        #expect(cache.count == 3)
        #expect(!cache.admit(issuer: "i", jti: "9", forgetAfter: 200, now: 50), "the newest are kept")
        #expect(cache.admit(issuer: "i", jti: "9", forgetAfter: 200, now: 150), "forgotten once expired")
        #expect(cache.admit(issuer: "other", jti: "8", forgetAfter: 200, now: 50), "jti is per issuer")
    }

    /// A shared ledger whose database is down: the token is refused (503), never accepted unchecked.
    struct UnreachableLedger: JWTReplayLedger {
        func admit(issuer: String, jti: String, forgetAfter: Double, now: Double) throws(JWTReplayLedgerUnavailable)
            -> Bool
        {
            throw JWTReplayLedgerUnavailable(reason: "connection lost")
        }
    }

    @Test func aReplayLedgerThatCannotBeAskedRefusesTheTokenWith503() throws {
        let keys = try JSONWebKeySet.parse(Array(signer.jwks.utf8))
        let verifier = JWTVerifier(
            keys: keys, issuers: [JWTTestSigner.issuer], audienceBase: JWTTestSigner.base, clockSkew: 60,
            replays: UnreachableLedger())
        let result = verifier.verify(signer.token(JWTTestSigner.claims(path: Self.path)), path: Self.path)
        #expect(refusal(result) == "jwt-replay-check-unavailable")
        let problem = Problem.jwt(.replayCheckUnavailable)
        #expect(problem.status == 503)
        #expect(problem.headers.contains { $0.0 == "Retry-After" })
    }
}
