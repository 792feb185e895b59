import JSON
import TestSupport
import Testing

@Suite("JSON round trip: parse(write(x)) == x")
struct JSONRoundTripTests {
    static let values: [JSONValue] = [
        nil, true, false, 0, -0.0, 1, -1, 12.5, 0.1, 1e-7, 1e300, -2.5e-300,
        .number(.greatestFiniteMagnitude), .number(.leastNonzeroMagnitude),
        9_007_199_254_740_993.0, "", "plain", "\"\\/\n\r\t\u{08}\u{0C}\u{00}\u{1F}\u{7F}",
        "é 中 😀 \u{2028}\u{FEFF}", "e\u{0301}",
        [], [:], [[[]]], [nil, [nil]],
        ["t": "T2", "stageGroup": nil, "warnings": [["code": "X", "message": "m"]]],
        ["": 0, "a/b~c": 1, "😀": 2],
    ]

    @Test("fixed values, compact and pretty", arguments: values)
    func fixed(value: JSONValue) throws {
        for writer in [JSONWriter.compact, JSONWriter.pretty] {
            let bytes = writer.bytes(value)
            #expect(try JSONParser().parse(bytes) == value)
        }
    }

    @Test("random values from a seeded generator", arguments: [1, 2, 3, 42, 2024, 99_991] as [UInt64])
    func generated(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<60 {
            let value = generator.jsonValue(depth: 4)
            for writer in [JSONWriter.compact, JSONWriter.pretty] {
                let bytes = writer.bytes(value)
                let parsed = try JSONParser().parse(bytes)
                #expect(parsed == value, "seed \(seed): \(value)")
                // And writing again gives identical bytes (stable ETags).
                #expect(writer.bytes(parsed) == bytes)
            }
        }
    }
}
