/// Serializes a `JSONValue` to UTF-8 bytes, deterministically: the same value always gives
/// the same bytes (ETags and audit records depend on it), members in their stored order.
///
/// - Strings: `"`, `\` and control characters are escaped (`\n`, `\t`, ... or `\u001f`);
///   everything else, non-ASCII included, is written as UTF-8, `/` unescaped.
/// - Numbers: integral values within ±2^53 without a fraction (`12`, not `12.0`; `-0` as
///   `0`, since it equals `0`); others in the shortest form that reads back to the same
///   `Double` (`12.5`, `0.1`), with an exponent only for very large or small magnitudes
///   (`1e-7`, `1.5e300`). Non-finite numbers, which JSON cannot express and the parser
///   never produces, are written as `null`.
/// - `.pretty`: two-space indent, `": "` after names, empty containers as `[]` and `{}`;
///   no trailing newline (the caller adds one if it wants).
public struct JSONWriter: Sendable {
    public enum Style: Sendable, Equatable {
        case compact
        case pretty
    }

    public var style: Style

    public init(style: Style = .compact) {
        self.style = style
    }

    public static let compact = JSONWriter(style: .compact)
    public static let pretty = JSONWriter(style: .pretty)

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output = JSONOutput(capacity: 4096)
        write(value, into: &output, indent: 0)
        return output.bytes()
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    private func write(_ value: JSONValue, into output: inout JSONOutput, indent: Int) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .number(let number): JSONWriter.writeNumber(number, into: &output)
        case .string(let text): JSONWriter.writeString(text, into: &output)
        case .array(let items):
            guard !items.isEmpty else { return output.append("[]") }
            output.append(Byte.openBracket)
            for index in items.indices {
                if index > 0 { output.append(Byte.comma) }
                newline(into: &output, indent: indent + 1)
                write(items[index], into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output.append(Byte.closeBracket)
        case .object(let object):
            guard !object.isEmpty else { return output.append("{}") }
            output.append(Byte.openBrace)
            let members = object.members
            for index in members.indices {
                if index > 0 { output.append(Byte.comma) }
                newline(into: &output, indent: indent + 1)
                JSONWriter.writeString(members[index].key, into: &output)
                output.append(Byte.colon)
                if style == .pretty { output.append(Byte.space) }
                write(members[index].value, into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output.append(Byte.closeBrace)
        }
    }

    private func newline(into output: inout JSONOutput, indent: Int) {
        guard style == .pretty else { return }
        output.append(Byte.lineFeed)
        output.append(repeating: Byte.space, count: 2 * indent)
    }

    /// Integral values (the usual case: counts, sizes, versions) as digits without a
    /// `String`; everything else through `numberText`.
    private static func writeNumber(_ number: Double, into output: inout JSONOutput) {
        guard number.isFinite, number == number.rounded(.towardZero), abs(number) <= exactIntegerLimit else {
            var text = numberText(number)
            return text.withUTF8 { output.append($0) }
        }
        var value = Int64(number)  // -0.0 becomes 0
        if value < 0 {
            output.append(UInt8(ascii: "-"))
            value = -value
        }
        var digits: (UInt64, UInt64) = (0, 0)  // 16 bytes: 2^53 has 16 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            output.append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[position...]))
        }
    }

    /// For callers that build a byte array themselves (and the escape tests).
    package static func writeString(_ text: String, into output: inout [UInt8]) {
        var buffer = JSONOutput(capacity: text.utf8.count + 16)
        writeString(text, into: &buffer)
        output.append(contentsOf: buffer.bytes())
    }

    /// Copies runs of bytes that need no escape in one append each; escapes the rest. Skips
    /// eight bytes at a time while none of them needs an escape: responses are mostly long
    /// plain sentences, and a byte-by-byte scan cost more than building the answer.
    package static func writeString(_ text: String, into output: inout JSONOutput) {
        output.append(Byte.quote)
        if text.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, into: &output) }) == nil {
            var copy = text
            copy.withUTF8 { writeEscaped($0, into: &output) }
        }
        output.append(Byte.quote)
    }

    private static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout JSONOutput) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var runStart = 0
        var index = 0
        while index < count {
            if count - index >= 8 {
                if !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
            } else if !tailMayNeedEscape(base + index, count: count - index) {
                break  // the last bytes need no escape: one check instead of one per byte
            }
            let byte = base[index]
            if byte < 0x20 || byte == Byte.quote || byte == Byte.backslash {
                output.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                appendEscape(for: byte, into: &output)
                runStart = index + 1
            }
            index += 1
        }
        output.append(UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// `mayNeedEscape` for the last one to seven bytes, padded with spaces (which never do).
    @inline(__always)
    private static func tailMayNeedEscape(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        var word: UInt64 = 0x2020_2020_2020_2020
        withUnsafeMutableBytes(of: &word) { padded in
            for offset in 0..<count { padded[offset] = start[offset] }
        }
        return mayNeedEscape(word)
    }

    /// True when one of the eight bytes may be a control character, `"` or `\`; never false
    /// when one is (the classic "has a byte less than n" and "has a zero byte" word tests).
    @inline(__always)
    package static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highBits
        let quote = word ^ (ones &* UInt64(Byte.quote))
        let backslash = word ^ (ones &* UInt64(Byte.backslash))
        let quoteFound = (quote &- ones) & ~quote & highBits
        let backslashFound = (backslash &- ones) & ~backslash & highBits
        return (control | quoteFound | backslashFound) != 0
    }

    private static func appendEscape(for byte: UInt8, into output: inout JSONOutput) {
        output.append(Byte.backslash)
        switch byte {
        case Byte.quote, Byte.backslash: output.append(byte)
        case Byte.lineFeed: output.append(Byte.n)
        case Byte.carriageReturn: output.append(0x72)  // r
        case Byte.tab: output.append(Byte.t)
        case 0x08: output.append(0x62)  // b
        case 0x0C: output.append(Byte.f)
        default:
            let hex: StaticString = "0123456789abcdef"
            output.append(0x75)  // u
            output.append(Byte.zero)
            output.append(Byte.zero)
            output.append(hex.utf8Start[Int(byte >> 4)])
            output.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}
