import JSON

/// SplitMix64: a tiny deterministic generator, so a failing case can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Scalars chosen to hit every writer and parser path: escapes, controls, multi-byte.
    public static let scalarPool: [Unicode.Scalar] =
        Array("aZ09 _-/~\"\\".unicodeScalars)
        + [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x7F, 0xE9, 0x2028, 0xFEFF, 0x4E2D, 0x1F600, 0x10FFFF]
        .map { Unicode.Scalar($0)! }

    public mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...8, using: &self) {
            scalars.append(Self.scalarPool.randomElement(using: &self)!)
        }
        return String(scalars)
    }

    public mutating func number() -> Double {
        switch Int.random(in: 0..<4, using: &self) {
        case 0: return Double(Int.random(in: -1000...1000, using: &self))
        case 1: return Double(Int.random(in: -100_000...100_000, using: &self)) / 100
        case 2: return Double.random(in: -1e6...1e6, using: &self)
        default:
            // Any finite bit pattern: subnormals, huge and tiny exponents.
            while true {
                let value = Double(bitPattern: next())
                if value.isFinite { return value }
            }
        }
    }

    public mutating func jsonValue(depth: Int) -> JSONValue {
        let kinds = depth > 0 ? 6 : 4
        switch Int.random(in: 0..<kinds, using: &self) {
        case 0: return Bool.random(using: &self) ? nil : .bool(Bool.random(using: &self))
        case 1: return .number(number())
        case 2, 3: return .string(string())
        case 4: return .array((0..<Int.random(in: 0...4, using: &self)).map { _ in jsonValue(depth: depth - 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...4, using: &self) {
                object[string()] = jsonValue(depth: depth - 1)
            }
            return .object(object)
        }
    }
}
