/// Makes request ids: random version-4 UUIDs in lowercase text.
///
/// Each worker owns one generator seeded from the system's random source, so producing an
/// id costs a few arithmetic steps instead of a `getrandom` call per request. Ids only
/// correlate log lines; they are not secrets.
struct RequestIDGenerator {
    private var state: UInt64

    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    /// SplitMix64: tiny, fast, and statistically fine for identifiers.
    private mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> String {
        let high = (nextWord() & ~0xF000) | 0x4000  // version 4
        let low = (nextWord() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 9562 variant
        return String(unsafeUninitializedCapacity: 36) { text in
            // The two words, written in place one after the other.
            var position = 0
            func write(_ word: UInt64) {
                for shift in stride(from: 60, through: 0, by: -4) {
                    if position == 8 || position == 13 || position == 18 || position == 23 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    let nibble = UInt8(truncatingIfNeeded: word >> UInt64(shift)) & 0xF
                    text[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
                    position += 1
                }
            }
            write(high)
            write(low)
            return position
        }
    }

    /// An incoming id is kept when it is 1-128 token characters: safe to echo and to log.
    static func isAcceptable(_ id: String) -> Bool {
        let utf8 = id.utf8
        return !utf8.isEmpty && utf8.count <= 128 && utf8.allSatisfy(ASCII.isToken)
    }
}
