/// Why a request body is not JSON, and where: it becomes a 400 problem detail, so the
/// message names the place a person can find in an editor ("line 3, column 5").
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 0-based offset of the offending byte in the input.
    public var offset: Int
    /// 1-based line; `\n`, `\r\n` and a lone `\r` each end a line.
    public var line: Int
    /// 1-based column counted in Unicode scalars (not bytes), so non-ASCII text before the
    /// error does not shift it.
    public var column: Int
    public var reason: Reason

    public init(offset: Int, line: Int, column: Int, reason: Reason) {
        self.offset = offset
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// What the parser wanted where it stopped.
    public enum Expectation: Sendable, Equatable {
        case value
        /// A member name (a double-quoted string) or `}`.
        case keyOrEndOfObject
        /// A member name after a comma.
        case key
        case colon
        case commaOrEndOfObject
        case commaOrEndOfArray
        /// A value or `]` right after `[`.
        case valueOrEndOfArray
        case endOfDocument
        /// The rest of `true`, `false` or `null` once its first letter was read.
        case literal(String)
    }

    public enum Reason: Sendable, Equatable {
        case emptyDocument
        case unexpectedEndOfInput(expected: Expectation)
        /// `found` is printable: the character itself (`}`), or `U+000A` for a control or
        /// invisible character, or `byte 0xFF` where the bytes are not UTF-8.
        case unexpectedCharacter(found: String, expected: Expectation)
        /// `[1,]` or `{"a":1,}`.
        case trailingComma
        case commentNotAllowed
        /// `NaN`, `Infinity`, `-Infinity`: JavaScript, not JSON.
        case nonFiniteNumberLiteral
        case leadingZero
        /// The text of what was missing, e.g. "a digit after '.'".
        case invalidNumber(String)
        /// A number so large it would become infinity.
        case numberOutOfRange
        case unterminatedString
        /// A raw control character (U+0000-U+001F) inside a string; it must be escaped.
        case controlCharacterInString(String)
        case invalidEscape(String)
        case invalidUnicodeEscape
        /// A `\uD800`-`\uDFFF` escape that is not a high-low pair.
        case loneSurrogate(String)
        case invalidUTF8
        case duplicateKey(String)
        case depthLimitExceeded(Int)
        case documentTooLarge(limit: Int)
    }

    /// What went wrong, without the position: "unexpected character '}'".
    public var summary: String {
        switch reason {
        case .emptyDocument: "empty document"
        case .unexpectedEndOfInput: "unexpected end of input"
        case .unexpectedCharacter(let found, _):
            "unexpected character \(found.count == 1 ? "'\(found)'" : found)"
        case .trailingComma: "trailing comma"
        case .commentNotAllowed: "comment"
        case .nonFiniteNumberLiteral: "NaN or Infinity"
        case .leadingZero: "number with a leading zero"
        case .invalidNumber: "invalid number"
        case .numberOutOfRange: "number out of range"
        case .unterminatedString: "unterminated string"
        case .controlCharacterInString(let found): "unescaped control character \(found) in a string"
        case .invalidEscape(let found): "invalid escape sequence \\\(found)"
        case .invalidUnicodeEscape: "invalid \\u escape"
        case .loneSurrogate(let code): "unpaired surrogate \\u\(code)"
        case .invalidUTF8: "invalid UTF-8"
        case .duplicateKey(let key): "duplicate member name \"\(key)\""
        case .depthLimitExceeded: "nesting too deep"
        case .documentTooLarge: "document too large"
        }
    }

    /// What would have been right, or why the rule exists.
    public var hint: String {
        switch reason {
        case .emptyDocument: "expected a JSON value"
        case .unexpectedEndOfInput(let expected), .unexpectedCharacter(_, let expected):
            "expected \(expected.text)"
        case .trailingComma: "JSON allows no comma before ']' or '}'"
        case .commentNotAllowed: "JSON has no comments"
        case .nonFiniteNumberLiteral: "JSON numbers are finite"
        case .leadingZero: "write 7, not 07"
        case .invalidNumber(let missing): "expected \(missing)"
        case .numberOutOfRange: "its magnitude exceeds the largest double"
        case .unterminatedString: "expected a closing '\"'"
        case .controlCharacterInString: "write it as an escape such as \\n or \\u001f"
        case .invalidEscape: "allowed escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
        case .invalidUnicodeEscape: "expected four hexadecimal digits"
        case .loneSurrogate: "a UTF-16 surrogate must be a high-low pair"
        case .invalidUTF8: "JSON text must be UTF-8"
        case .duplicateKey: "each member name may appear once in an object"
        case .depthLimitExceeded(let limit): "at most \(limit) nested arrays and objects"
        case .documentTooLarge(let limit): "at most \(limit) bytes"
        }
    }

    /// "unexpected character '}' at line 3, column 5: expected a value".
    public var description: String {
        "\(summary) at line \(line), column \(column): \(hint)"
    }
}

extension JSONParseError.Expectation {
    package var text: String {
        switch self {
        case .value: "a value"
        case .keyOrEndOfObject: "a member name in double quotes or '}'"
        case .key: "a member name in double quotes"
        case .colon: "':'"
        case .commaOrEndOfObject: "',' or '}'"
        case .commaOrEndOfArray: "',' or ']'"
        case .valueOrEndOfArray: "a value or ']'"
        case .endOfDocument: "the end of the document"
        case .literal(let word): word
        }
    }
}
