/// Turning a byte offset into the error a person can act on.
extension JSONReader {
    /// An error at `offset`, with its line and column worked out (only on failure, so the
    /// happy path never counts lines).
    package func failure(_ reason: JSONParseError.Reason, at offset: Int) -> JSONParseError {
        var line = 1
        var column = 1
        var previous: UInt8 = 0
        var position = contentStart
        let stop = min(offset, bytes.count)
        while position < stop {
            let byte = bytes[position]
            if byte == Byte.lineFeed {
                if previous != Byte.carriageReturn { line += 1 }
                column = 1
            } else if byte == Byte.carriageReturn {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // a lead byte: one more Unicode scalar on this line
            }
            previous = byte
            position += 1
        }
        return JSONParseError(offset: offset, line: line, column: column, reason: reason)
    }

    /// The error for whatever stands at `index` when something else was expected.
    package func unexpected(expected: JSONParseError.Expectation) -> JSONParseError {
        guard index < bytes.count else {
            return failure(.unexpectedEndOfInput(expected: expected), at: index)
        }
        let byte = bytes[index]
        if byte == Byte.slash, index + 1 < bytes.count,
            bytes[index + 1] == Byte.slash || bytes[index + 1] == Byte.asterisk
        {
            return failure(.commentNotAllowed, at: index)
        }
        guard let found = printableCharacter(at: index) else {
            return failure(.invalidUTF8, at: index)
        }
        return failure(.unexpectedCharacter(found: found, expected: expected), at: index)
    }

    /// The character at `offset` as a person should see it in a message: itself when it is
    /// visible, `U+XXXX` when it is a control, space or format character; nil when the
    /// bytes are not UTF-8.
    package func printableCharacter(at offset: Int) -> String? {
        guard let scalar = scalar(at: offset) else { return nil }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .surrogate, .privateUse, .unassigned:
            return Self.codePoint(scalar.value)
        default:
            return String(Character(scalar))
        }
    }

    /// `U+000A`, `U+1F600`.
    package static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The Unicode scalar whose UTF-8 starts at `offset`, if the bytes there are valid.
    package func scalar(at offset: Int) -> Unicode.Scalar? {
        guard let length = validUTF8Length(at: offset) else { return nil }
        var value = UInt32(bytes[offset])
        if length > 1 {
            value &= 0xFF >> (length + 1)
            for position in offset + 1..<offset + length {
                value = value << 6 | UInt32(bytes[position] & 0x3F)
            }
        }
        return Unicode.Scalar(value)
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset` (Unicode table
    /// 3-7: no overlong forms, no encoded surrogates, nothing above U+10FFFF), else nil.
    package func validUTF8Length(at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default: return nil
        }
        guard offset + length <= bytes.count, secondRange.contains(bytes[offset + 1]) else { return nil }
        for position in offset + 2..<offset + length where bytes[position] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
