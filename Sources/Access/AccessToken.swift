import Crypto
import Foundation

/// An access token: `sgt_` followed by 32 random bytes in base64url (no padding), 47
/// characters. The service never stores or logs a token, only its SHA-256 digest (64
/// lowercase hex digits in the tokens file), and compares digests in constant time.
public enum AccessToken {
    public static let prefix = "sgt_"
    package static let randomByteCount = 32
    /// Longest Bearer credential looked at (far above a token's 47 characters).
    package static let maxLength = 1_024

    /// A new token from the system's cryptographic random source (getrandom on Linux).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<randomByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(bytes)
    }

    /// SHA-256 of the whole token string's UTF-8 bytes.
    public static func digest(of token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// The digest as the tokens file stores it: 64 lowercase hex digits.
    public static func digestHex(of token: String) -> String {
        hex(digest(of: token))
    }

    /// Whether two digests are equal, looking at every byte whatever it finds (no early
    /// exit), so the time taken says nothing about how much of a guess was right.
    public static func digestsMatch(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }  // lengths are public (always 32)
        var difference: UInt8 = 0
        for index in 0..<a.count {
            difference |= a[index] ^ b[index]
        }
        return difference == 0
    }

    /// Whether `text` could be a bearer token at all (RFC 6750 `b64token` characters); says
    /// nothing about whether it is a known one.
    package static func isWellFormed(_ text: Substring, maxLength: Int = maxLength) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maxLength else { return false }
        var seenPadding = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "="): seenPadding = true
            case _ where seenPadding: return false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"),
                UInt8(ascii: "/"):
                continue
            default: return false
            }
        }
        return text.first != "="
    }

    /// Parses 64 lowercase hex digits into 32 bytes; nil for anything else.
    package static func digest(fromHex text: Substring) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 0
        while index < 64 {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    package static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
