import Foundation

/// The access tokens the service accepts, read once at start-up from the tokens file
/// (`SARCOMA_GUIDE_TOKENS_FILE` / `--tokens-file`): one `name role sha256-hex` line per
/// token, `#` comments and blank lines ignored. Only digests are held, never tokens.
public struct AccessTokens: Sendable {
    /// One configured token: who holds it, their role and the SHA-256 of the token.
    public struct Holder: Sendable, Equatable {
        public let name: String
        public let role: AccessRole
        package let digest: [UInt8]
    }

    public let holders: [Holder]

    package init(holders: [Holder]) {
        self.holders = holders
    }

    /// The holder of `token`, or nil. The presented token's digest is compared with every
    /// configured digest, each in constant time and without stopping at a match, so the
    /// answer's timing does not tell which (or whether a) digest came close.
    public func holder(of token: some StringProtocol) -> Holder? {
        let presented = AccessToken.digest(of: String(token))
        var found: Holder?
        for holder in holders where AccessToken.digestsMatch(presented, holder.digest) {
            found = holder
        }
        return found
    }

    /// How many tokens each role has, for the start-up line: "ehr 1, clinician 2, admin 1".
    public var summary: String {
        AccessRole.allCases.map { role in "\(role.rawValue) \(holders.filter { $0.role == role }.count)" }
            .joined(separator: ", ")
    }

    /// A token holder's name: 1 to 64 of `A-Z a-z 0-9 . _ -`, and not shaped like a token
    /// (`sgt_...`), so a token pasted into the name column is refused rather than logged.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        guard (1...64).contains(name.utf8.count), !name.hasPrefix(AccessToken.prefix) else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default: false
            }
        }
    }

    public static let nameRule = "1 to 64 of A-Z a-z 0-9 . _ - (and not starting with \(AccessToken.prefix))"

    /// The line `sarcoma-guide token create` prints for the tokens file.
    public static func fileLine(name: String, role: AccessRole, token: String) -> String {
        "\(name) \(role.rawValue) \(AccessToken.digestHex(of: token))"
    }

    /// Reads and checks the tokens file; a world-writable file is refused. A file with no
    /// token lines is refused too: whoever
    /// set the setting meant to require tokens, and an empty (say, unmounted) secret must
    /// not quietly turn access control off.
    public static func load(path: String) throws(AccessFileError) -> AccessTokens {
        let data = try SecretFile.read(path, as: .tokens)
        guard let text = String(data: data, encoding: .utf8) else {
            throw AccessFileError(file: .tokens, path: path, reason: "not UTF-8 text")
        }
        do {
            return try parse(text)
        } catch {
            throw AccessFileError(file: .tokens, path: path, reason: error.description)
        }
    }

    /// A problem with one line of the tokens file. The message names the line and what is
    /// wrong, never the line's content: a hash (or a token pasted by mistake) must not reach
    /// logs or terminals.
    public struct LineError: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based; 0 when the problem is the file as a whole.
        public let line: Int
        public let reason: String
        public var description: String { line == 0 ? reason : "line \(line): \(reason)" }
    }

    package static func parse(_ text: String) throws(LineError) -> AccessTokens {
        var holders: [Holder] = []
        var lineOfName: [String: Int] = [:]
        var lineOfDigest: [[UInt8]: Int] = [:]
        // "\r\n" is one Character in Swift, so a plain split on "\n" would miss CRLF files.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 3 else {
                throw LineError(line: number, reason: "expected 3 fields `name role sha256-hex`, found \(fields.count)")
            }
            let name = String(fields[0])
            guard isValidName(name) else {
                throw LineError(line: number, reason: "the name must be \(nameRule)")
            }
            guard let role = AccessRole(rawValue: String(fields[1])) else {
                throw LineError(line: number, reason: "the role must be \(AccessRole.spelledOut)")
            }
            guard let digest = AccessToken.digest(fromHex: fields[2]) else {
                let hint =
                    fields[2].hasPrefix(AccessToken.prefix)
                    ? "; it looks like a token itself: store only its hash (`sarcoma-guide token create` prints the line) and replace that token"
                    : ""
                throw LineError(
                    line: number,
                    reason: "the third field must be the token's SHA-256 as 64 lowercase hex digits\(hint)")
            }
            if let earlier = lineOfName[name] {
                throw LineError(line: number, reason: "the name '\(name)' is already used on line \(earlier)")
            }
            if let earlier = lineOfDigest[digest] {
                throw LineError(
                    line: number,
                    reason: "the same token hash is already on line \(earlier); every token must be different")
            }
            lineOfName[name] = number
            lineOfDigest[digest] = number
            holders.append(Holder(name: name, role: role, digest: digest))
        }
        guard !holders.isEmpty else {
            throw LineError(
                line: 0,
                reason: "the tokens file has no tokens (add lines from `sarcoma-guide token create`, "
                    + "or unset the setting to serve without tokens on loopback only)")
        }
        return AccessTokens(holders: holders)
    }
}
