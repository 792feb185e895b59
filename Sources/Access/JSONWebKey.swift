import JSON
import _CryptoExtras
import Crypto
import Foundation

/// One public signing key of a JWKS (RFC 7517), as the service can use it: an EC P-384
/// key (for ES384) or an RSA key of at least 2,048 bits (for RS384). Nothing else is
/// accepted: symmetric (`oct`) keys would make the shared secret a verifying key, and other
/// curves or algorithms are not in the CDS Hooks profile.
public struct JSONWebKey: Sendable {
    /// The key's public numbers, checked when the JWKS is read. swift-crypto's key types
    /// are not `Sendable` on Linux, so each check rebuilds its key from these (microseconds).
    /// A struct, not an enum with array payloads: such an enum keeps its case in the spare
    /// bits of an array pointer, which LeakSanitizer then cannot follow (it reported the RSA
    /// exponent of a live key as leaked).
    public struct Material: Sendable {
        public enum Kind: Sendable { case p384, rsa }
        public let kind: Kind
        /// P-384: x followed by y, 48 bytes each. RSA: the modulus n.
        public let key: [UInt8]
        /// RSA: the public exponent e. P-384: empty.
        public let exponent: [UInt8]
    }

    /// `kid`; nil when the JWKS entry has none.
    public let id: String?
    public let material: Material
    /// The entry's own `alg`, when it names one (the token must then use exactly it).
    public let algorithm: JWTAlgorithm?

    /// Why a JWKS entry cannot be used; says which member, never a key's bytes.
    public struct Unusable: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Reads one JWKS entry. Private members (`d`, `p`, `q`...) are refused: a private key
    /// in the service's configuration is a leak waiting to happen.
    public init(_ object: JSONObject) throws(Unusable) {
        func text(_ name: String) -> String? {
            if case .string(let value)? = object[name] { return value }
            return nil
        }
        id = text("kid")
        if let use = text("use"), use != "sig" {
            throw Unusable(reason: "`use` is '\(use)', not 'sig'")
        }
        for privateMember in ["d", "p", "q", "dp", "dq", "qi", "k"] where object[privateMember] != nil {
            throw Unusable(reason: "it holds the private member `\(privateMember)`: give the service public keys only")
        }
        if let name = text("alg") {
            guard let algorithm = JWTAlgorithm(rawValue: name) else {
                throw Unusable(reason: "`alg` '\(name)' is not ES384 or RS384")
            }
            self.algorithm = algorithm
        } else {
            algorithm = nil
        }
        switch text("kty") {
        case "EC":
            guard text("crv") == "P-384" else {
                throw Unusable(
                    reason: "EC keys must be on curve P-384 (for ES384), not \(text("crv") ?? "an unnamed curve")")
            }
            guard let x = text("x").flatMap(Base64URL.decode), let y = text("y").flatMap(Base64URL.decode),
                x.count == 48, y.count == 48
            else {
                throw Unusable(reason: "`x` and `y` must be 48-byte base64url coordinates")
            }
            guard (try? P384.Signing.PublicKey(rawRepresentation: x + y)) != nil else {
                throw Unusable(reason: "the point (x, y) is not on curve P-384")
            }
            material = Material(kind: .p384, key: x + y, exponent: [])
            if let algorithm, algorithm != .es384 {
                throw Unusable(reason: "an EC key cannot be used with \(algorithm.rawValue)")
            }
        case "RSA":
            guard let n = text("n").flatMap(Base64URL.decode), let e = text("e").flatMap(Base64URL.decode),
                !n.isEmpty, !e.isEmpty
            else {
                throw Unusable(reason: "`n` and `e` must be base64url integers")
            }
            let key: _RSA.Signing.PublicKey
            do {
                key = try _RSA.Signing.PublicKey(n: n, e: e)
            } catch {
                throw Unusable(reason: "`n` and `e` do not make an RSA public key")
            }
            guard key.keySizeInBits >= 2_048 else {
                throw Unusable(reason: "RSA keys must have at least 2048 bits, not \(key.keySizeInBits)")
            }
            material = Material(kind: .rsa, key: n, exponent: e)
            if let algorithm, algorithm != .rs384 {
                throw Unusable(reason: "an RSA key cannot be used with \(algorithm.rawValue)")
            }
        case let other:
            throw Unusable(reason: "`kty` '\(other ?? "(missing)")' is not EC or RSA")
        }
    }

    /// Whether a token signed with `algorithm` may be checked with this key.
    package func fits(_ algorithm: JWTAlgorithm) -> Bool {
        if let own = self.algorithm, own != algorithm { return false }
        switch (material.kind, algorithm) {
        case (.p384, .es384), (.rsa, .rs384): return true
        default: return false
        }
    }

    /// Checks a JWS signature over `signingInput` (the ASCII `header.payload`).
    package func verifies(_ signature: [UInt8], over signingInput: [UInt8], algorithm: JWTAlgorithm) -> Bool {
        guard fits(algorithm) else { return false }
        let digest = SHA384.hash(data: signingInput)
        switch material.kind {
        case .p384:
            // JWS carries ECDSA as the raw 48-byte r followed by the 48-byte s (RFC 7518 3.4).
            guard signature.count == 96, let key = try? P384.Signing.PublicKey(rawRepresentation: material.key),
                let ecdsa = try? P384.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.isValidSignature(ecdsa, for: digest)
        case .rsa:
            guard let key = try? _RSA.Signing.PublicKey(n: material.key, e: material.exponent) else { return false }
            let rsa = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return key.isValidSignature(rsa, for: digest, padding: .insecurePKCS1v1_5)
        }
    }
}
