import JSON
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    static let sample: JSONValue = [
        "t": "T2",
        "stageGroup": nil,
        "ajccEdition": 8,
        "sizeCm": 12.5,
        "flags": [true, false],
        "empty": [],
        "none": [:],
        "nested": ["a": [1, ["b": "c"]]],
    ]

    @Test("compact: no whitespace, members in order")
    func compact() {
        let expected =
            #"{"t":"T2","stageGroup":null,"ajccEdition":8,"sizeCm":12.5,"flags":[true,false],"empty":[],"none":{},"nested":{"a":[1,{"b":"c"}]}}"#
        #expect(JSONWriter().string(Self.sample) == expected)
        #expect(JSONWriter.compact.bytes(Self.sample) == Array(expected.utf8))
    }

    @Test("pretty: two-space indent and \": \"")
    func pretty() {
        let expected = """
            {
              "t": "T2",
              "stageGroup": null,
              "ajccEdition": 8,
              "sizeCm": 12.5,
              "flags": [
                true,
                false
              ],
              "empty": [],
              "none": {},
              "nested": {
                "a": [
                  1,
                  {
                    "b": "c"
                  }
                ]
              }
            }
            """
        #expect(JSONWriter.pretty.string(Self.sample) == expected)
    }

    @Test("scalars at the top level")
    func scalars() {
        #expect(JSONWriter.pretty.string(nil) == "null")
        #expect(JSONWriter.compact.string(true) == "true")
        #expect(JSONWriter.compact.string("x") == "\"x\"")
        #expect(JSONWriter.pretty.string([]) == "[]")
    }

    static let strings: [(String, String)] = [
        ("plain", #""plain""#),
        ("quote \" backslash \\", #""quote \" backslash \\""#),
        ("a/b", #""a/b""#),  // "/" needs no escape
        ("line\nfeed\ttab\rreturn", #""line\nfeed\ttab\rreturn""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}", "\"\u{7F}\""),  // DEL is not a JSON control character
        ("é 中 😀", "\"é 中 😀\""),  // non-ASCII stays UTF-8
        ("\u{2028}", "\"\u{2028}\""),
    ]

    @Test("strings are escaped exactly where JSON needs it", arguments: strings)
    func string(text: String, expected: String) {
        #expect(JSONWriter().string(.string(text)) == expected)
    }

    static let numbers: [(Double, String)] = [
        (12, "12"),
        (12.0, "12"),
        (-3, "-3"),
        (0, "0"),
        (-0.0, "0"),
        (12.5, "12.5"),
        (0.1, "0.1"),
        (0.01, "0.01"),
        (100.1, "100.1"),
        (33.3, "33.3"),
        (0.30000000000000004, "0.30000000000000004"),
        (0.0001, "0.0001"),
        (123_456.789, "123456.789"),
        (1e15, "1000000000000000"),
        (9_007_199_254_740_992, "9007199254740992"),  // 2^53
        (-9_007_199_254_740_992, "-9007199254740992"),
        (9_007_199_254_740_994, "9.007199254740994e15"),  // beyond 2^53: shortest form
        (1e16, "1e16"),
        (1e21, "1e21"),
        (1.5e300, "1.5e300"),
        (1e-7, "1e-7"),
        (2.5e-7, "2.5e-7"),
        (-1e-5, "-1e-5"),
        (.greatestFiniteMagnitude, "1.7976931348623157e308"),
        (.leastNonzeroMagnitude, "5e-324"),
        (.nan, "null"),
        (.infinity, "null"),
        (-.infinity, "null"),
    ]

    @Test("numbers: integral without fraction, others shortest round-trip", arguments: numbers)
    func number(value: Double, expected: String) {
        #expect(JSONWriter.numberText(value) == expected)
        #expect(JSONWriter().string(.number(value)) == expected)
    }

    @Test("the same value always gives the same bytes")
    func deterministic() {
        let first = JSONWriter().bytes(Self.sample)
        for _ in 0..<5 { #expect(JSONWriter().bytes(Self.sample) == first) }
        #expect(JSONWriter().bytes(.number(0)) == JSONWriter().bytes(.number(-0.0)))
    }
}
