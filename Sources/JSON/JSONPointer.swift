/// An RFC 6901 JSON Pointer: where in the request a problem is (`/tumor/sizeCm`,
/// `/tumor/metastaticSites/2`). Built from unescaped tokens; `description` escapes `~` as
/// `~0` and `/` as `~1`, so a stray key like `a/b` points at itself (`/a~1b`).
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The reference tokens, unescaped.
    public var tokens: [String]

    public init(tokens: [String] = []) {
        self.tokens = tokens
    }

    /// The whole document (`""`).
    public static let root = JSONPointer()

    public func appending(_ key: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [key])
    }

    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(tokens: tokens + [String(index)])
    }

    /// `""` for the root, else `/` + each escaped token.
    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    package static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
