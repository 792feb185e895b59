import JSON
import Testing

@Suite("JSONValue accessors, literals and pointers")
struct JSONValueAccessTests {
    let json: JSONValue = [
        "t": "T2", "stageGroup": nil, "ajccEdition": 8, "sizeCm": 12.5, "m1": true,
        "sites": ["lung", "liver"], "fnclcc": ["differentiation": 3],
    ]

    @Test("literals build the expected cases")
    func literals() {
        #expect(json["t"] == .string("T2"))
        #expect(json["stageGroup"] == .null)
        #expect(json["ajccEdition"] == .number(8))
        #expect(json["sizeCm"] == .number(12.5))
        #expect(json["m1"] == .bool(true))
        #expect(json["sites"] == .array([.string("lung"), .string("liver")]))
        #expect(json.objectValue?.keys == ["t", "stageGroup", "ajccEdition", "sizeCm", "m1", "sites", "fnclcc"])
        let object: JSONObject = ["b": 1, "a": 2]
        #expect(object.keys == ["b", "a"])
    }

    @Test("typed accessors answer only for their own kind")
    func accessors() {
        #expect(json["t"]?.stringValue == "T2")
        #expect(json["sizeCm"]?.doubleValue == 12.5)
        #expect(json["ajccEdition"]?.intValue == 8)
        #expect(json["sizeCm"]?.intValue == nil)
        #expect(json["m1"]?.boolValue == true)
        #expect(json["sites"]?.arrayValue?.count == 2)
        #expect(json["sites"]?[1]?.stringValue == "liver")
        #expect(json["sites"]?[2] == nil)
        #expect(json["fnclcc"]?["differentiation"]?.intValue == 3)
        #expect(json["fnclcc"]?.objectValue?.count == 1)
        #expect(json["stageGroup"]?.isNull == true)
        #expect(json["missing"] == nil)

        // No coercion between kinds.
        let three: JSONValue = "3"
        #expect(three.doubleValue == nil)
        #expect(three.intValue == nil)
        #expect(JSONValue.number(1).boolValue == nil)
        #expect(JSONValue.bool(true).doubleValue == nil)
        #expect(JSONValue.string("x")["key"] == nil)
        #expect(JSONValue.string("x")[0] == nil)
        #expect(JSONValue.number(1e300).intValue == nil)
        #expect(JSONValue.number(9_007_199_254_740_991).intValue == 9_007_199_254_740_991)
        #expect(JSONValue.number(9_007_199_254_740_992).intValue == nil)
    }

    @Test("description is compact JSON")
    func description() {
        let value: JSONValue = ["a": [1, nil]]
        #expect(value.description == #"{"a":[1,null]}"#)
    }

    static let pointers: [([String], String)] = [
        ([], ""),
        (["tumor", "sizeCm"], "/tumor/sizeCm"),
        (["tumor", "metastaticSites", "2"], "/tumor/metastaticSites/2"),
        (["a/b"], "/a~1b"),
        (["m~n"], "/m~0n"),
        (["~/"], "/~0~1"),
        (["~1"], "/~01"),  // "~" escaped first, so "~1" does not become "/"
        ([""], "/"),
    ]

    @Test("JSON Pointer escaping (RFC 6901)", arguments: pointers)
    func pointer(tokens: [String], expected: String) {
        #expect(JSONPointer(tokens: tokens).description == expected)
    }

    @Test("pointers build up by key and index")
    func pointerAppending() {
        #expect(
            JSONPointer.root.appending("tumor").appending("metastaticSites").appending(2).description
                == "/tumor/metastaticSites/2")
    }
}
