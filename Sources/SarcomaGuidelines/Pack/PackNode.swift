import JSON
/// One value of a pack file while it is read, with the file name and the path that leads to
/// it, so every refusal names exactly where to look (`staging.json: headNeck.sizeT.steps[1]`).
struct PackNode {
    let value: JSONValue
    let file: String
    let path: String

    init(value: JSONValue, file: String, path: String = "") {
        self.value = value
        self.file = file
        self.path = path
    }

    func failure(_ reason: String) -> GuidelinePackError {
        GuidelinePackError(file: file, location: path, reason: reason)
    }

    func child(_ key: String, _ value: JSONValue) -> PackNode {
        PackNode(value: value, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    func object() throws(GuidelinePackError) -> PackObjectReader {
        guard case .object(let members) = value else { throw failure("must be an object, found \(kindName)") }
        return PackObjectReader(node: self, members: members)
    }

    func array() throws(GuidelinePackError) -> [PackNode] {
        guard case .array(let items) = value else { throw failure("must be an array, found \(kindName)") }
        return items.enumerated().map { PackNode(value: $1, file: file, path: "\(path)[\($0)]") }
    }

    func nonEmptyArray() throws(GuidelinePackError) -> [PackNode] {
        let items = try array()
        if items.isEmpty { throw failure("must not be empty") }
        return items
    }

    func string() throws(GuidelinePackError) -> String {
        guard case .string(let text) = value else { throw failure("must be a string, found \(kindName)") }
        if text.allSatisfy(\.isWhitespace) { throw failure("must not be blank") }
        return text
    }

    func number() throws(GuidelinePackError) -> Double {
        guard case .number(let number) = value, number.isFinite else {
            throw failure("must be a number, found \(kindName)")
        }
        return number
    }

    func integer() throws(GuidelinePackError) -> Int {
        let number = try number()
        guard number == number.rounded(), abs(number) < 1e9 else {
            throw failure("must be a whole number, found \(number)")
        }
        return Int(number)
    }

    func bool() throws(GuidelinePackError) -> Bool {
        guard case .bool(let flag) = value else { throw failure("must be true or false, found \(kindName)") }
        return flag
    }

    /// A code from a closed vocabulary (site, histology, T, grade ...). `what` names the
    /// vocabulary in the refusal: `"G4" is not a grade (G1, G2, G3, GX)`.
    func code<Code: RawRepresentable & CaseIterable>(_ type: Code.Type, _ what: String) throws(GuidelinePackError)
        -> Code
    where Code.RawValue == String {
        let text = try string()
        guard let code = Code(rawValue: text) else {
            let known = Code.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure("\"\(text)\" is not \(what) (known: \(known))")
        }
        return code
    }

    /// A non-empty list of distinct codes.
    func codes<Code: RawRepresentable & CaseIterable & Hashable>(_ type: Code.Type, _ what: String)
        throws(GuidelinePackError) -> [Code]
    where Code.RawValue == String {
        var result: [Code] = []
        for item in try nonEmptyArray() {
            let code = try item.code(type, what)
            if result.contains(code) { throw item.failure("repeats \"\(code.rawValue)\"") }
            result.append(code)
        }
        return result
    }

    /// A list of non-blank strings (evidence sentences); may be empty.
    func strings() throws(GuidelinePackError) -> [String] {
        var result: [String] = []
        for item in try array() { result.append(try item.string()) }
        return result
    }

    private var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
