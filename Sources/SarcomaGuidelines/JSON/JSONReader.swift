/// The one-pass recursive-descent machinery behind `JSONParser`.
///
/// Lives only for one `parse` call, inside the `withUnsafeBufferPointer` scope that owns
/// `bytes`; never escapes it.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0
    var depth = 0
    /// Where the text starts after an optional byte order mark (columns count from here).
    var contentStart = 0
    /// Reused buffer for strings that need unescaping or hold non-ASCII text.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func readDocument() throws(JSONParseError) -> JSONValue {
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

    mutating func readValue(expected: JSONParseError.Expectation = .value) throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw unexpected(expected: expected) }
        switch bytes[index] {
        case Byte.openBrace: return try readObject()
        case Byte.openBracket: return try readArray()
        case Byte.quote: return .string(try readString())
        case Byte.minus, Byte.zero...Byte.nine: return .number(try readNumber())
        case Byte.t: try readLiteral("true"); return .bool(true)
        case Byte.f: try readLiteral("false"); return .bool(false)
        case Byte.n: try readLiteral("null"); return .null
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
            let duplicate = members.count < hashFrom
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

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn: index += 1
            default: return
            }
        }
    }
}

/// The ASCII bytes the grammar names.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let upperE: UInt8 = 0x45
    static let upperI: UInt8 = 0x49
    static let upperN: UInt8 = 0x4E
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let e: UInt8 = 0x65
    static let f: UInt8 = 0x66
    static let n: UInt8 = 0x6E
    static let t: UInt8 = 0x74
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let asterisk: UInt8 = 0x2A
}
