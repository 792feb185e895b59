@testable import JSON
import Foundation
import Testing

@Suite("JSONParser")
struct JSONParserTests {
    let parser = JSONParser()

    static let validDocuments: [(String, JSONValue)] = [
        ("null", nil),
        ("true", true),
        ("false", false),
        (" \t\r\n 7 \n", 7),
        ("\"\"", ""),
        ("[]", []),
        ("{}", .object(JSONObject())),
        ("[1, \"a\", null, [true], {\"k\": false}]", [1, "a", nil, [true], ["k": false]]),
        ("{\"z\": 1, \"a\": 2, \"m\": 3}", ["z": 1, "a": 2, "m": 3]),
        ("{\"outer\": {\"inner\": [{\"x\": []}]}}", ["outer": ["inner": [["x": []]]]]),
        // Escapes: every short form, \/ and \u.
        (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{08}\u{0C}\n\r\t")),
        (#""\u00e9\u00C9\u0041""#, "éÉA"),
        (#""\u0000""#, .string("\u{0000}")),
        // A surrogate pair is one scalar; raw UTF-8 is kept as it is.
        (#""\uD83D\uDE00""#, "😀"),
        (#""\ud83d\ude00x""#, "😀x"),
        ("\"😀 é 中\"", "😀 é 中"),
        ("\"\u{2028}\"", "\u{2028}"),
        // A leading byte order mark is ignored.
        ("\u{FEFF}[1]", [1]),
        // Keys that are not valid Swift-looking names are fine.
        ("{\"a/b~c\": 1, \"\": 2}", ["a/b~c": 1, "": 2]),
    ]

    @Test("valid documents", arguments: validDocuments)
    func valid(text: String, expected: JSONValue) throws {
        #expect(try parser.parse(text) == expected)
    }

    @Test("member order is kept")
    func memberOrder() throws {
        let value = try parser.parse(#"{"tumor": 1, "patient": 2, "externalId": 3}"#)
        #expect(value.objectValue?.keys == ["tumor", "patient", "externalId"])
    }

    static let numbers: [(String, Double)] = [
        ("0", 0),
        ("-0", -0.0),
        ("1e3", 1000),
        ("1E-2", 0.01),
        ("1e+2", 100),
        ("12.5", 12.5),
        ("-12.5e+1", -125),
        ("0.1", 0.1),
        ("0.30000000000000004", 0.30000000000000004),
        ("100.1", 100.1),
        ("123456789012345678901234567890", 1.2345678901234568e29),
        ("9007199254740993", 9_007_199_254_740_992),  // rounds to even
        ("1.7976931348623157e308", .greatestFiniteMagnitude),
        ("5e-324", .leastNonzeroMagnitude),
        ("2.2250738585072014e-308", .leastNormalMagnitude),
        ("1e-400", 0),  // underflow is rounding, not an error
        ("0.000001", 0.000001),
        ("1.00000000000000000000000000001", 1),
        ("1e22", 1e22),
        ("1e23", 1e23),
        ("123.456e-2", 1.23456),
        ("0e999999999999", 0),
    ]

    @Test("numbers become the correctly rounded Double", arguments: numbers)
    func number(text: String, expected: Double) throws {
        let value = try #require(try parser.parse(text).doubleValue)
        #expect(value == expected)
        #expect(value.sign == expected.sign)
    }

    static let invalidDocuments: [(String, JSONParseError.Reason)] = [
        ("", .emptyDocument),
        ("  \n ", .emptyDocument),
        ("{", .unexpectedEndOfInput(expected: .keyOrEndOfObject)),
        ("[", .unexpectedEndOfInput(expected: .valueOrEndOfArray)),
        ("[1", .unexpectedEndOfInput(expected: .commaOrEndOfArray)),
        ("[1,", .unexpectedEndOfInput(expected: .value)),
        ("{\"a\"", .unexpectedEndOfInput(expected: .colon)),
        ("{\"a\":", .unexpectedEndOfInput(expected: .value)),
        ("{\"a\":1", .unexpectedEndOfInput(expected: .commaOrEndOfObject)),
        ("{\"a\":1,", .unexpectedEndOfInput(expected: .key)),
        ("[1,]", .trailingComma),
        ("{\"a\":1,}", .trailingComma),
        ("[,1]", .unexpectedCharacter(found: ",", expected: .valueOrEndOfArray)),
        ("{\"a\" 1}", .unexpectedCharacter(found: "1", expected: .colon)),
        ("{a:1}", .unexpectedCharacter(found: "a", expected: .keyOrEndOfObject)),
        ("{'a':1}", .unexpectedCharacter(found: "'", expected: .keyOrEndOfObject)),
        ("{\"a\":1,b:2}", .unexpectedCharacter(found: "b", expected: .key)),
        ("{\"a\":}", .unexpectedCharacter(found: "}", expected: .value)),
        ("[1 2]", .unexpectedCharacter(found: "2", expected: .commaOrEndOfArray)),
        ("{\"a\":1 \"b\":2}", .unexpectedCharacter(found: "\"", expected: .commaOrEndOfObject)),
        ("1 2", .unexpectedCharacter(found: "2", expected: .endOfDocument)),
        ("{} x", .unexpectedCharacter(found: "x", expected: .endOfDocument)),
        ("[1]]", .unexpectedCharacter(found: "]", expected: .endOfDocument)),
        ("\u{201C}a\u{201D}", .unexpectedCharacter(found: "\u{201C}", expected: .value)),
        ("\u{00A0}1", .unexpectedCharacter(found: "U+00A0", expected: .value)),
        ("\u{0007}", .unexpectedCharacter(found: "U+0007", expected: .value)),
        // Comments.
        ("// note\n1", .commentNotAllowed),
        ("/* note */ 1", .commentNotAllowed),
        ("[1, /* note */ 2]", .commentNotAllowed),
        ("{\"a\": 1 // note\n}", .commentNotAllowed),
        // Literals.
        ("tru", .unexpectedEndOfInput(expected: .literal("true"))),
        ("trUe", .unexpectedCharacter(found: "U", expected: .literal("true"))),
        ("True", .unexpectedCharacter(found: "T", expected: .value)),
        ("nul", .unexpectedEndOfInput(expected: .literal("null"))),
        ("falsey", .unexpectedCharacter(found: "y", expected: .endOfDocument)),
        ("undefined", .unexpectedCharacter(found: "u", expected: .value)),
        ("NaN", .nonFiniteNumberLiteral),
        ("Infinity", .nonFiniteNumberLiteral),
        ("-Infinity", .nonFiniteNumberLiteral),
        ("[NaN]", .nonFiniteNumberLiteral),
        // Numbers.
        ("01", .leadingZero),
        ("-01", .leadingZero),
        ("00", .leadingZero),
        ("1.", .invalidNumber("a digit after '.'")),
        ("1.e3", .invalidNumber("a digit after '.'")),
        ("-", .invalidNumber("a digit after '-'")),
        ("-a", .invalidNumber("a digit after '-'")),
        ("1e", .invalidNumber("a digit in the exponent")),
        ("1e+", .invalidNumber("a digit in the exponent")),
        ("1E-x", .invalidNumber("a digit in the exponent")),
        (".5", .unexpectedCharacter(found: ".", expected: .value)),
        ("+1", .unexpectedCharacter(found: "+", expected: .value)),
        ("0x10", .unexpectedCharacter(found: "x", expected: .endOfDocument)),
        ("1.5.3", .unexpectedCharacter(found: ".", expected: .endOfDocument)),
        ("1e400", .numberOutOfRange),
        ("-1e400", .numberOutOfRange),
        ("1" + String(repeating: "0", count: 400), .numberOutOfRange),
        // Strings.
        ("\"abc", .unterminatedString),
        ("\"abc\\", .unterminatedString),
        ("\"a\nb\"", .controlCharacterInString("U+000A")),
        ("\"\t\"", .controlCharacterInString("U+0009")),
        ("\"\u{0000}\"", .controlCharacterInString("U+0000")),
        (#""\x""#, .invalidEscape("x")),
        (#""\'""#, .invalidEscape("'")),
        (#""\U0041""#, .invalidEscape("U")),
        (#""\u12""#, .invalidUnicodeEscape),
        (#""\u12G4""#, .invalidUnicodeEscape),
        (#""\uD83D""#, .loneSurrogate("D83D")),
        (#""\uDE00""#, .loneSurrogate("DE00")),
        (#""\uD83D\u0041""#, .loneSurrogate("D83D")),
        (#""\uD83D\uD83D""#, .loneSurrogate("D83D")),
        (#""\uD83Dx""#, .loneSurrogate("D83D")),
        (#""\ud83d\n""#, .loneSurrogate("D83D")),
        // Duplicate keys, at any depth.
        ("{\"a\":1,\"a\":2}", .duplicateKey("a")),
        ("{\"a\":1,\"b\":{\"c\":1,\"c\":1}}", .duplicateKey("c")),
        ("[{\"grade\":3,\"grade\":3}]", .duplicateKey("grade")),
        // Canonically equivalent keys cannot be told apart by JSONObject: duplicates too.
        ("{\"\u{00E9}\":1,\"e\u{0301}\":2}", .duplicateKey("e\u{0301}")),
    ]

    @Test("invalid documents are refused with the reason", arguments: invalidDocuments)
    func invalid(text: String, reason: JSONParseError.Reason) {
        #expect(throws: JSONParseError.self) { try parser.parse(text) }
        do {
            _ = try parser.parse(text)
        } catch {
            #expect(error.reason == reason)
        }
    }

    static let invalidUTF8: [[UInt8]] = [
        [0x22, 0xFF, 0x22],  // never valid
        [0x22, 0xC0, 0xAF, 0x22],  // overlong "/"
        [0x22, 0xE0, 0x80, 0xAF, 0x22],  // overlong, 3 bytes
        [0x22, 0xED, 0xA0, 0x80, 0x22],  // an encoded surrogate
        [0x22, 0xE2, 0x82, 0x22],  // truncated sequence
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
        [0x22, 0x80, 0x22],  // lone continuation byte
        [0x22, 0xC3],  // truncated at the end
        [0xFF],  // outside a string
        [0x5B, 0xC3, 0x5D],  // outside a string, truncated
    ]

    @Test("invalid UTF-8 is refused", arguments: invalidUTF8)
    func utf8(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try parser.parse(bytes) }
        do {
            _ = try parser.parse(bytes)
        } catch {
            #expect(error.reason == .invalidUTF8)
        }
    }

    @Test("duplicate keys are found in large objects too")
    func duplicateInLargeObject() {
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k17\": 0"]
        let text = "{" + members.joined(separator: ", ") + "}"
        #expect(throws: JSONParseError.self) { try parser.parse(text) }
        do {
            _ = try parser.parse(text)
        } catch {
            #expect(error.reason == .duplicateKey("k17"))
        }
        let unique = "{" + (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}"
        #expect((try? parser.parse(unique))?.objectValue?.count == 40)
    }

    @Test("nesting up to the depth limit is fine, one more is refused", arguments: [1, 2, 64])
    func depthLimit(limit: Int) throws {
        let parser = JSONParser(maxDepth: limit)
        let arrays = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try parser.parse(arrays) }
        let objects = String(repeating: "{\"a\":", count: limit - 1) + "{}" + String(repeating: "}", count: limit - 1)
        #expect(throws: Never.self) { try parser.parse(objects) }

        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        do {
            _ = try parser.parse(tooDeep)
            Issue.record("expected a depth error")
        } catch {
            #expect(error.reason == .depthLimitExceeded(limit))
            #expect(error.offset == limit)  // the first bracket too many
        }
    }

    @Test("the default depth limit is 64 and scalars do not count")
    func defaultDepth() {
        #expect(JSONParser().maxDepth == 64)
        #expect(throws: Never.self) { try JSONParser(maxDepth: 1).parse("[1, \"a\", null]") }
        #expect(throws: JSONParseError.self) { try JSONParser(maxDepth: 1).parse("[[]]") }
    }

    @Test("the caller's size limit")
    func sizeLimit() {
        let parser = JSONParser(maxBytes: 10)
        #expect(throws: Never.self) { try parser.parse("[1,2,3,44]") }  // exactly 10 bytes
        do {
            _ = try parser.parse("[1,2,3,4,5]")
            Issue.record("expected a size error")
        } catch {
            #expect(error.reason == .documentTooLarge(limit: 10))
        }
    }

    static let positions: [(String, Int, Int, Int)] = [
        // text, offset, line, column
        ("{\"a\": 1}}", 8, 1, 9),
        ("{\n  \"a\": 1,\n  }", 14, 3, 3),
        ("[1,\r\n 2,\r\n x]", 11, 3, 2),
        ("[1,\r 2,\r x]", 9, 3, 2),
        ("[\"\u{00E9}\", x]", 7, 1, 7),  // é is two bytes, one column
        ("\u{FEFF}[x]", 4, 1, 2),  // the byte order mark takes no column
        ("{\n\"a\": \"unterminated", 7, 2, 6),  // at the opening quote
    ]

    @Test("errors give byte offset, line and column", arguments: positions)
    func position(text: String, offset: Int, line: Int, column: Int) {
        do {
            _ = try parser.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == offset)
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test("the message names the character, the place and what was expected")
    func message() {
        do {
            _ = try parser.parse("{\n  \"grade\": 3,\n    }")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "trailing comma at line 3, column 5: JSON allows no comma before ']' or '}'")
        }
        do {
            _ = try parser.parse("{\"a\": }")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "unexpected character '}' at line 1, column 7: expected a value")
        }
        do {
            _ = try parser.parse("{\"a\": 1, \"a\": 2}")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("duplicate member name \"a\" at line 1, column 10"))
        }
    }

    @Test("bytes, Data and String inputs agree")
    func inputs() throws {
        let text = #"{"t": "T2", "n": [1.5, null]}"#
        let fromString = try parser.parse(text)
        #expect(try parser.parse(Array(text.utf8)) == fromString)
        #expect(try parser.parse(Data(text.utf8)) == fromString)
        #expect(throws: JSONParseError.self) { try parser.parse(Data()) }
    }
}
