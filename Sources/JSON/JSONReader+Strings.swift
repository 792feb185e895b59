/// Strings: escapes, surrogate pairs, UTF-8 validation.
extension JSONReader {
    /// Reads a string whose opening quote is at `index`; leaves `index` after the closing one.
    package mutating func readString() throws(JSONParseError) -> String {
        let openingQuote = index
        index += 1
        let start = index
        // Fast path: plain ASCII without escapes (every key and code of a case).
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Byte.quote {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == Byte.backslash || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case Byte.quote:
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case Byte.backslash:
                try readEscape(openingQuote: openingQuote)
            case 0x00..<0x20:
                throw failure(.controlCharacterInString(Self.codePoint(UInt32(byte))), at: index)
            case 0x80...:
                guard let length = validUTF8Length(at: index) else { throw failure(.invalidUTF8, at: index) }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw failure(.unterminatedString, at: openingQuote)
    }

    /// Reads the escape whose backslash is at `index` and appends its UTF-8 to `scratch`.
    private mutating func readEscape(openingQuote: Int) throws(JSONParseError) {
        let backslash = index
        index += 1
        guard index < bytes.count else { throw failure(.unterminatedString, at: openingQuote) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case Byte.quote, Byte.backslash, Byte.slash: scratch.append(letter)
        case 0x62: scratch.append(0x08)  // b
        case 0x66: scratch.append(0x0C)  // f
        case 0x6E: scratch.append(0x0A)  // n
        case 0x72: scratch.append(0x0D)  // r
        case 0x74: scratch.append(0x09)  // t
        case 0x75:  // u
            let unit = try readHexUnit(backslash: backslash)
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate must be followed at once by an escaped low surrogate.
                guard index + 1 < bytes.count, bytes[index] == Byte.backslash, bytes[index + 1] == 0x75 else {
                    throw failure(.loneSurrogate(Self.hex4(unit)), at: backslash)
                }
                let lowBackslash = index
                index += 2
                let low = try readHexUnit(backslash: lowBackslash)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure(.loneSurrogate(Self.hex4(unit)), at: backslash)
                }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                appendUTF8(Unicode.Scalar(value)!)
            case 0xDC00...0xDFFF:
                throw failure(.loneSurrogate(Self.hex4(unit)), at: backslash)
            default:
                appendUTF8(Unicode.Scalar(unit)!)
            }
        default:
            let shown = printableCharacter(at: index - 1) ?? "byte"
            throw failure(.invalidEscape(shown), at: backslash)
        }
    }

    /// The four hex digits after `\u` (already consumed), as a UTF-16 code unit.
    private mutating func readHexUnit(backslash: Int) throws(JSONParseError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure(.invalidUnicodeEscape, at: backslash) }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw failure(.invalidUnicodeEscape, at: backslash)
            }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        scratch.append(contentsOf: UTF8.encode(scalar)!)
    }

    package static func hex4(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }
}
