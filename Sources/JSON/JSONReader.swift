/// The one-pass recursive-descent machinery behind `JSONParser`.
///
/// Lives only for one `parse` call, inside the `withUnsafeBufferPointer` scope that owns
/// `bytes`; never escapes it.
package struct JSONReader {
    package let bytes: UnsafeBufferPointer<UInt8>
    package let maxDepth: Int
    package var index = 0
    package var depth = 0
    /// Where the text starts after an optional byte order mark (columns count from here).
    package var contentStart = 0
    /// Reused buffer for strings that need unescaping or hold non-ASCII text.
    package var scratch: [UInt8] = []

    package init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    package mutating func readDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            contentStart = 3
        }
        skipWhitespace()
        guard index < bytes.count else { throw failure(.emptyDocument, at: index) }
        let value = try readValue()
        skipWhitespace()
        guard index == bytes.count else { throw unexpected(expected: .endOfDocument) }
        return value
    }

    package mutating func readValue(expected: JSONParseError.Expectation = .value) throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw unexpected(expected: expected) }
        switch bytes[index] {
        case Byte.openBrace: return try readObject()
        case Byte.openBracket: return try readArray()
        case Byte.quote: return .string(try readString())
        case Byte.minus, Byte.zero...Byte.nine: return .number(try readNumber())
        case Byte.t:
            try readLiteral("true")
            return .bool(true)
        case Byte.f:
            try readLiteral("false")
            return .bool(false)
        case Byte.n:
            try readLiteral("null")
            return .null
        case Byte.upperN where matches("NaN"), Byte.upperI where matches("Infinity"):
            throw failure(.nonFiniteNumberLiteral, at: index)
        default: throw unexpected(expected: expected)
        }
    }

    private mutating func readObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        skipWhitespace()
        if peek == Byte.closeBrace {
            index += 1
            depth -= 1
            return .object(JSONObject())
        }
        var members: [JSONMember] = []
        // Small objects (every clinical one) check duplicates linearly; big ones by hash.
        var seen: Set<String> = []
        let hashFrom = 12
        while true {
            guard peek == Byte.quote else {
                if !members.isEmpty, peek == Byte.closeBrace { throw failure(.trailingComma, at: index) }
                throw unexpected(expected: members.isEmpty ? .keyOrEndOfObject : .key)
            }
            let keyOffset = index
            let key = try readString()
            let duplicate =
                members.count < hashFrom
                ? members.contains { $0.key == key }
                : !seen.insert(key).inserted
            if duplicate { throw failure(.duplicateKey(key), at: keyOffset) }
            skipWhitespace()
            guard peek == Byte.colon else { throw unexpected(expected: .colon) }
            index += 1
            skipWhitespace()
            let value = try readValue()
            members.append(JSONMember(key, value))
            if members.count == hashFrom { seen = Set(members.map(\.key)) }
            skipWhitespace()
            switch peek {
            case Byte.comma:
                index += 1
                skipWhitespace()
            case Byte.closeBrace:
                index += 1
                depth -= 1
                return .object(JSONObject(uniqueMembers: members))
            default:
                throw unexpected(expected: .commaOrEndOfObject)
            }
        }
    }

    private mutating func readArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        skipWhitespace()
        if peek == Byte.closeBracket {
            index += 1
            depth -= 1
            return .array([])
        }
        var items: [JSONValue] = []
        while true {
            if index >= bytes.count {
                throw unexpected(expected: items.isEmpty ? .valueOrEndOfArray : .value)
            }
            if peek == Byte.closeBracket { throw failure(.trailingComma, at: index) }
            items.append(try readValue(expected: items.isEmpty ? .valueOrEndOfArray : .value))
            skipWhitespace()
            switch peek {
            case Byte.comma:
                index += 1
                skipWhitespace()
            case Byte.closeBracket:
                index += 1
                depth -= 1
                return .array(items)
            default:
                throw unexpected(expected: .commaOrEndOfArray)
            }
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth { throw failure(.depthLimitExceeded(maxDepth), at: index) }
        index += 1
    }

    private mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let text = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount {
            guard index < bytes.count, bytes[index] == text[offset] else {
                throw unexpected(expected: offset == 0 ? .value : .literal("\(word)"))
            }
            index += 1
        }
    }

    /// Whether the bytes at `index` spell `word` (used only to explain an error).
    private func matches(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard bytes.count - index >= utf8.count else { return false }
        return utf8.indices.allSatisfy { bytes[index + $0] == utf8[$0] }
    }

    package var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    package mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn: index += 1
            default: return
            }
        }
    }
}

/// The ASCII bytes the grammar names.
package enum Byte {
    package static let tab: UInt8 = 0x09
    package static let lineFeed: UInt8 = 0x0A
    package static let carriageReturn: UInt8 = 0x0D
    package static let space: UInt8 = 0x20
    package static let quote: UInt8 = 0x22
    package static let plus: UInt8 = 0x2B
    package static let comma: UInt8 = 0x2C
    package static let minus: UInt8 = 0x2D
    package static let dot: UInt8 = 0x2E
    package static let slash: UInt8 = 0x2F
    package static let zero: UInt8 = 0x30
    package static let nine: UInt8 = 0x39
    package static let colon: UInt8 = 0x3A
    package static let upperE: UInt8 = 0x45
    package static let upperI: UInt8 = 0x49
    package static let upperN: UInt8 = 0x4E
    package static let openBracket: UInt8 = 0x5B
    package static let backslash: UInt8 = 0x5C
    package static let closeBracket: UInt8 = 0x5D
    package static let e: UInt8 = 0x65
    package static let f: UInt8 = 0x66
    package static let n: UInt8 = 0x6E
    package static let t: UInt8 = 0x74
    package static let openBrace: UInt8 = 0x7B
    package static let closeBrace: UInt8 = 0x7D
    package static let asterisk: UInt8 = 0x2A
}
