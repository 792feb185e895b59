import Access
import _CryptoExtras
import Crypto
import Foundation

/// Signs CDS Hooks JWTs in tests with keys generated here (never a checked-in private key):
/// an EC P-384 key (kid `test-ec`) and a 2048-bit RSA key (kid `test-rsa`).
public struct JWTTestSigner: @unchecked Sendable {
    // @unchecked: the keys are created in init and never change; swift-crypto's key types
    // are not marked Sendable on Linux.
    public static let shared = JWTTestSigner()

    public static let issuer = "https://ehr.test.example/"
    public static let base = "https://sts.test.example"

    public let ec = P384.Signing.PrivateKey()
    public let rsa = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    public init() {}

    /// The public JWKS of both keys.
    public var jwks: String {
        let point = ec.publicKey.rawRepresentation
        let primitives = try! rsa.publicKey.getKeyPrimitives()
        let keys: [[String: String]] = [
            [
                "kty": "EC", "crv": "P-384", "use": "sig", "alg": "ES384", "kid": "test-ec",
                "x": Base64URL.encode(point.prefix(48)), "y": Base64URL.encode(point.suffix(48)),
            ],
            [
                "kty": "RSA", "use": "sig", "alg": "RS384", "kid": "test-rsa",
                "n": Base64URL.encode(primitives.modulus), "e": Base64URL.encode(primitives.publicExponent),
            ],
        ]
        return String(
            decoding: try! JSONSerialization.data(withJSONObject: ["keys": keys], options: [.sortedKeys]), as: UTF8.self
        )
    }

    /// The claims of a token that should be accepted for `path` at `now`.
    public static func claims(path: String, now: Double = Date().timeIntervalSince1970) -> [String: Any] {
        [
            "iss": issuer, "aud": base + path, "iat": Int(now), "exp": Int(now) + 300,
            "jti": UUID().uuidString, "sub": "test-client",
        ]
    }

    /// A compact JWS. `alg` ES384/RS384 sign for real; `none` leaves the signature empty;
    /// HS256 signs with HMAC-SHA256 keyed by the EC key's public x coordinate (the classic
    /// "public key as HMAC secret" confusion attack).
    public func token(_ claims: [String: Any], alg: String = "ES384", kid: String? = nil, omitKid: Bool = false)
        -> String
    {
        var header: [String: Any] = ["alg": alg, "typ": "JWT"]
        if !omitKid, let kid = kid ?? (alg == "ES384" ? "test-ec" : alg == "RS384" ? "test-rsa" : nil) {
            header["kid"] = kid
        }
        let input = Self.part(header) + "." + Self.part(claims)
        let signature: [UInt8]
        switch alg {
        case "ES384":
            signature = Array(try! ec.signature(for: SHA384.hash(data: Array(input.utf8))).rawRepresentation)
        case "RS384":
            signature = Array(
                try! rsa.signature(for: SHA384.hash(data: Array(input.utf8)), padding: .insecurePKCS1v1_5)
                    .rawRepresentation)
        case "HS256":
            let secret = SymmetricKey(data: ec.publicKey.rawRepresentation.prefix(48))
            signature = Array(HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: secret))
        default:
            signature = []
        }
        return input + "." + Base64URL.encode(signature)
    }

    public static func part(_ object: [String: Any]) -> String {
        Base64URL.encode(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}
