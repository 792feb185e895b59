import Foundation

/// A `postgres://` or `postgresql://` database setting, kept verbatim for libpq (which reads
/// `sslmode`, `host=/socket/dir` and the rest itself), and shown to people only masked.
///
/// The password may sit in the user-info part or in a `password=` query parameter; both are
/// masked in `masked`, and `scrub(_:)` removes it from any text libpq hands back.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// The setting exactly as given: what libpq receives, and nothing else should see.
    public let connectionString: String

    /// Nil unless `setting` starts with `postgres://` or `postgresql://` (any letter case):
    /// anything else is a SQLite path.
    public init?(_ setting: String) {
        let lower = setting.lowercased()
        guard lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") else { return nil }
        connectionString = setting
    }

    /// True when `setting` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgres(_ setting: String) -> Bool {
        PostgresURL(setting) != nil
    }

    /// The URL with any password replaced by `***`: safe for logs and errors.
    public var masked: String {
        var text = connectionString
        if let password = userInfoPassword {
            text = text.replacingOccurrences(of: ":" + password.raw + "@", with: ":***@")
        }
        for parameter in queryPasswords {
            text = text.replacingOccurrences(of: parameter.raw, with: "***")
        }
        return text
    }

    public var description: String { masked }

    /// `text` with every form of the password (as written, and percent-decoded) masked.
    public func scrub(_ text: String) -> String {
        var scrubbed = text
        let passwords = ([userInfoPassword].compactMap { $0 } + queryPasswords)
            .flatMap { [$0.raw, $0.decoded] }
            .filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }  // longest first, so a prefix never leaves a tail
        for password in passwords {
            scrubbed = scrubbed.replacingOccurrences(of: password, with: "***")
        }
        return scrubbed.replacingOccurrences(of: connectionString, with: masked)
    }

    private struct Secret {
        let raw: String
        let decoded: String
    }

    /// `secret` in `postgresql://user:secret@host/db`.
    private var userInfoPassword: Secret? {
        guard let schemeEnd = connectionString.range(of: "://") else { return nil }
        let rest = connectionString[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        let raw = String(userInfo[userInfo.index(after: colon)...])
        guard !raw.isEmpty else { return nil }
        return Secret(raw: raw, decoded: raw.removingPercentEncoding ?? raw)
    }

    /// The values of `password=` query parameters.
    private var queryPasswords: [Secret] {
        guard let question = connectionString.firstIndex(of: "?") else { return [] }
        let query = connectionString[connectionString.index(after: question)...]
        return query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].lowercased() == "password", !parts[1].isEmpty else { return nil }
            let raw = String(parts[1])
            return Secret(raw: raw, decoded: raw.removingPercentEncoding ?? raw)
        }
    }
}
