/// Byte classes and comparisons from RFC 9110/9112, used by the parser and writer.
/// Tables instead of chains of comparisons: one load per byte in the hot path.
enum ASCII {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// tchar: ALPHA / DIGIT / "!#$%&'*+-.^_`|~" — the characters of methods and field names,
    /// as two 64-bit masks (bytes 0-63 and 64-127): one shift and test per byte.
    private static let tokenMaskLow: UInt64 = 0x03FF_6CFA_0000_0000
    private static let tokenMaskHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFE

    @inline(__always)
    static func isToken(_ byte: UInt8) -> Bool {
        if byte < 64 { return (tokenMaskLow >> UInt64(byte)) & 1 == 1 }
        if byte < 128 { return (tokenMaskHigh >> UInt64(byte - 64)) & 1 == 1 }
        return false
    }

    /// field-vchar / SP / HTAB / obs-text: anything but control characters (and DEL).
    @inline(__always)
    static func isFieldValue(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    /// Visible ASCII without space: what a request-target may contain.
    @inline(__always)
    static func isVisible(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
    }

    /// ASCII case-insensitive equality without allocating lowercased copies.
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in equalsIgnoringCase(x, y) } }
    }

    static func equalsIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where lower(a[index]) != lower(b[index]) { return false }
        return true
    }

    /// Compares a byte slice to an already-lowercase ASCII name.
    static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let name = lowercase.utf8Start
        var offset = 0
        for byte in bytes {
            if lower(byte) != name[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Splits a field value on commas and yields each element with optional whitespace trimmed.
    static func forEachListElement(
        _ value: UnsafeBufferPointer<UInt8>.SubSequence, _ body: (UnsafeBufferPointer<UInt8>.SubSequence) -> Void
    ) {
        var elementStart = value.startIndex
        var index = value.startIndex
        while index <= value.endIndex {
            if index == value.endIndex || value[index] == UInt8(ascii: ",") {
                var lower = elementStart
                var upper = index
                while lower < upper, value[lower] == space || value[lower] == tab { lower += 1 }
                while upper > lower, value[upper - 1] == space || value[upper - 1] == tab { upper -= 1 }
                body(value[lower..<upper])
                elementStart = index + 1
            }
            index += 1
        }
    }
}
