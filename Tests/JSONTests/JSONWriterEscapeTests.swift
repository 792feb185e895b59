@testable import JSON
import Testing

/// `writeString` skips eight bytes at a time while none needs an escape: every byte that
/// needs one must be found wherever it sits in (or across) those words.
@Suite("JSONWriter escapes at every position")
struct JSONWriterEscapeTests {
    /// The escaping the writer documents, one byte at a time (the reference).
    static func reference(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes += Array(#"\""#.utf8)
            case 0x5C: bytes += Array(#"\\"#.utf8)
            case 0x0A: bytes += Array(#"\n"#.utf8)
            case 0x0D: bytes += Array(#"\r"#.utf8)
            case 0x09: bytes += Array(#"\t"#.utf8)
            case 0x08: bytes += Array(#"\b"#.utf8)
            case 0x0C: bytes += Array(#"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        return bytes + [0x22]
    }

    static func written(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        JSONWriter.writeString(text, into: &output)
        return output
    }

    @Test("one special byte at each position of strings up to 40 bytes")
    func everyPosition() {
        let specials: [Character] = ["\"", "\\", "\n", "\u{0}", "\u{1f}", "\t", "\u{7f}", "é", "€"]
        for length in 0...40 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    var characters = Array(repeating: Character("a"), count: length)
                    if length > 0 { characters[position] = special }
                    let text = String(characters)
                    #expect(
                        Self.written(text) == Self.reference(text),
                        "\(length) \(position) \(special.unicodeScalars.first!.value)")
                }
            }
        }
    }

    @Test("bytes 0x00-0x7f each alone and surrounded by plain text")
    func everyASCIIByte() {
        for value in 0...0x7F {
            let scalar = Character(Unicode.Scalar(UInt8(value)))
            for text in [String(scalar), "abcdefgh" + String(scalar) + "ijklmnop", "0123456" + String(scalar)] {
                #expect(Self.written(text) == Self.reference(text), "byte \(value)")
            }
        }
    }

    @Test("the word test never misses a byte that needs an escape")
    func wordTest() {
        for value in 0...0xFF {
            let byte = UInt8(value)
            let needs = byte < 0x20 || byte == 0x22 || byte == 0x5C
            for lane in 0..<8 {
                var word = UInt64(0x6161_6161_6161_6161)  // "aaaaaaaa"
                word &= ~(UInt64(0xFF) << (8 * UInt64(lane)))
                word |= UInt64(byte) << (8 * UInt64(lane))
                if needs { #expect(JSONWriter.mayNeedEscape(word), "byte \(value) in lane \(lane)") }
            }
        }
        #expect(!JSONWriter.mayNeedEscape(0x6161_6161_6161_6161))
        #expect(!JSONWriter.mayNeedEscape(0xC3A9_C3A9_E282_AC20))  // é é € and a space: nothing to escape
    }
}
