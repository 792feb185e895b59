import JSON
import Foundation

/// The public keys CDS Hooks JWTs are checked against, read once at start-up from the
/// configured JWKS file (`cdsJwksFile`). The file is the trust decision: keys are never
/// fetched from a URL a token names (its `jku` header is ignored).
public struct JSONWebKeySet: Sendable {
    public let keys: [JSONWebKey]
    /// Entries that were left out, with why ("key 2 (kid abc): `kty` 'oct' ..."), for the
    /// start-up log.
    public let skipped: [String]

    package init(keys: [JSONWebKey], skipped: [String] = []) {
        self.keys = keys
        self.skipped = skipped
    }

    /// Reads a JWKS file (`{"keys": [...]}`). Entries the service cannot use (another curve,
    /// an encryption key) are skipped and reported; a private key, an unreadable file or a
    /// set with no usable key refuses start-up, and so does a world-writable file.
    public static func load(path: String) throws(AccessFileError) -> JSONWebKeySet {
        let data = try SecretFile.read(path, as: .jwks)
        do throws(JSONWebKey.Unusable) {
            return try parse([UInt8](data))
        } catch {
            throw AccessFileError(file: .jwks, path: path, reason: error.reason)
        }
    }

    package static func parse(_ bytes: [UInt8]) throws(JSONWebKey.Unusable) -> JSONWebKeySet {
        guard case .object(let document)? = try? JSONParser().parse(bytes),
            case .array(let entries)? = document["keys"]
        else {
            throw JSONWebKey.Unusable(reason: "not a JWKS: expected a JSON object with a `keys` array")
        }
        var keys: [JSONWebKey] = []
        var skipped: [String] = []
        var seenIds = Set<String>()
        for (index, entry) in entries.enumerated() {
            let label: String
            if case .object(let object) = entry, case .string(let kid)? = object["kid"] {
                label = "key \(index + 1) (kid \(kid))"
            } else {
                label = "key \(index + 1)"
            }
            guard case .object(let object) = entry else {
                throw JSONWebKey.Unusable(reason: "\(label) is not a JSON object")
            }
            do throws(JSONWebKey.Unusable) {
                let key = try JSONWebKey(object)
                if let id = key.id, !seenIds.insert(id).inserted {
                    throw JSONWebKey.Unusable(
                        reason: "\(label): the kid is used twice, so a token's kid could not pick one key")
                }
                keys.append(key)
            } catch {
                if error.reason.contains("private member") || error.reason.contains("used twice") {
                    throw JSONWebKey.Unusable(
                        reason: error.reason.hasPrefix(label) ? error.reason : "\(label): \(error.reason)")
                }
                skipped.append("\(label): \(error.reason)")
            }
        }
        guard !keys.isEmpty else {
            let why = skipped.isEmpty ? "" : " (\(skipped.joined(separator: "; ")))"
            throw JSONWebKey.Unusable(
                reason: "no usable ES384 (EC P-384) or RS384 (RSA >= 2048 bits) signing key\(why)")
        }
        return JSONWebKeySet(keys: keys, skipped: skipped)
    }

    /// The keys a token may have been signed with: the one its `kid` names, or, without a
    /// `kid`, every key that fits its algorithm.
    package func candidates(kid: String?, algorithm: JWTAlgorithm) -> [JSONWebKey] {
        if let kid { return keys.filter { $0.id == kid && $0.fits(algorithm) } }
        return keys.filter { $0.fits(algorithm) }
    }
}
