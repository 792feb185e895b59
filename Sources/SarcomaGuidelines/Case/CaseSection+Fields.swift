import JSON
/// Typed reads of one member each: the value exactly as the contract types it, or nil and
/// an issue. No coercion: `"12"` is not a number, `1` is not `true`, `2.5` is not an integer.
/// An absent member and an explicit `null` both read as nil without an issue.
extension CaseSection {
    func bool(_ key: String, _ log: inout CaseIssueLog) -> Bool? {
        guard let member = member(key) else { return nil }
        if let flag = member.value.boolValue { return flag }
        log.add(member.pointer, at: member.position, "\(key) must be true or false; got \(Self.shown(member.value))")
        return nil
    }

    func number(_ key: String, _ bounds: Bounds, _ log: inout CaseIssueLog) -> Double? {
        guard let member = member(key) else { return nil }
        if let number = member.value.doubleValue, bounds.contains(number) { return number }
        log.add(
            member.pointer, at: member.position,
            "\(key) must be a number \(bounds.text); got \(Self.shown(member.value))")
        return nil
    }

    func integer(_ key: String, _ bounds: Bounds, _ log: inout CaseIssueLog) -> Int? {
        guard let member = member(key) else { return nil }
        if let integer = member.value.intValue, bounds.contains(Double(integer)) { return integer }
        log.add(
            member.pointer, at: member.position,
            "\(key) must be an integer \(bounds.text); got \(Self.shown(member.value))")
        return nil
    }

    func code<Code: RawRepresentable & CaseIterable>(_ key: String, _ log: inout CaseIssueLog) -> Code?
    where Code.RawValue == String {
        guard let member = member(key) else { return nil }
        return Self.code(member.value, label: key, at: member.pointer, member.position, &log)
    }

    /// An array of distinct codes; an empty array reads as not given.
    func codeList<Code: RawRepresentable & CaseIterable & Hashable>(_ key: String, _ log: inout CaseIssueLog) -> [Code]?
    where Code.RawValue == String {
        guard let member = member(key) else { return nil }
        guard let items = member.value.arrayValue else {
            log.add(
                member.pointer, at: member.position,
                "\(key) must be an array of codes (\(Self.expectation(for: Code.self, label: key))); got \(Self.shown(member.value))"
            )
            return nil
        }
        var codes: [Code] = []
        var firstIndex: [Code: Int] = [:]
        var valid = true
        for (index, item) in items.enumerated() {
            let pointer = member.pointer.appending(index)
            let position = member.position + [index]
            guard let code: Code = Self.code(item, label: "each item of \(key)", at: pointer, position, &log) else {
                valid = false
                continue
            }
            if let first = firstIndex[code] {
                log.add(
                    pointer, at: position,
                    "`\(code.rawValue)` is listed twice in \(key) (first at \(member.pointer.appending(first)))")
                valid = false
                continue
            }
            firstIndex[code] = index
            codes.append(code)
        }
        return valid && !codes.isEmpty ? codes : nil
    }

    /// The nested object `key`, read by its own section; nil (no issue) when absent or null.
    func section(_ key: String, _ schema: CaseFields.Section, _ log: inout CaseIssueLog) -> CaseSection? {
        guard let member = member(key) else { return nil }
        guard let object = member.value.objectValue else {
            log.add(member.pointer, at: member.position, "\(key) must be an object; got \(Self.shown(member.value))")
            return nil
        }
        let nested = CaseSection(object: object, pointer: member.pointer, position: member.position, schema: schema)
        nested.reportUnknownMembers(ignoring: [], into: &log)
        return nested
    }

    static func code<Code: RawRepresentable & CaseIterable>(
        _ value: JSONValue, label: String, at pointer: JSONPointer, _ position: CaseIssueLog.Position,
        _ log: inout CaseIssueLog
    ) -> Code? where Code.RawValue == String {
        if let text = value.stringValue, let code = Code(rawValue: text) { return code }
        var detail = "\(label) must be \(expectation(for: Code.self, label: label)); got \(shown(value))"
        if let text = value.stringValue,
            let near = NearMatch.suggestion(for: text, among: Code.allCases.map(\.rawValue))
        {
            detail += ": did you mean `\(near)`?"
        }
        log.add(pointer, at: position, detail)
        return nil
    }

    /// "one of superficial, deep" when the list is short; else a pointer to the contract.
    static func expectation<Code: RawRepresentable & CaseIterable>(for type: Code.Type, label: String) -> String
    where Code.RawValue == String {
        let codes = Code.allCases.map(\.rawValue)
        if codes.count <= 9 { return "one of " + codes.joined(separator: ", ") }
        return "one of the \(codes.count) codes the API contract lists"
    }

    /// A value as a message shows it: `the string "12"`, `2.5`, `true`, `an array`.
    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            let limit = 60
            let cut = text.count > limit ? String(text.prefix(limit)) + "..." : text
            return "the string " + JSONWriter.compact.string(.string(cut))
        case .number(let number): return JSONWriter.numberText(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// The allowed interval of a number, and its wording in messages.
struct Bounds: Sendable {
    var lower: Double
    var lowerInclusive: Bool
    var upper: Double?
    /// Words before the range, e.g. "of centimetres".
    var unit: String?

    static func atLeast(_ lower: Double) -> Bounds { Bounds(lower: lower, lowerInclusive: true) }
    static func greaterThan(_ lower: Double) -> Bounds { Bounds(lower: lower, lowerInclusive: false) }
    static func from(_ lower: Double, to upper: Double) -> Bounds {
        Bounds(lower: lower, lowerInclusive: true, upper: upper)
    }

    func contains(_ number: Double) -> Bool {
        (lowerInclusive ? number >= lower : number > lower) && number <= (upper ?? .infinity)
    }

    /// "from 1 to 3", "greater than 0 and at most 100", "of 0 or more", "greater than 0".
    var text: String {
        let low = JSONWriter.numberText(lower)
        let range: String
        switch (lowerInclusive, upper.map(JSONWriter.numberText)) {
        case (true, let high?): range = "from \(low) to \(high)"
        case (false, let high?): range = "greater than \(low) and at most \(high)"
        case (true, nil): range = "of \(low) or more"
        case (false, nil): range = "greater than \(low)"
        }
        return unit.map { "\($0) \(range)" } ?? range
    }
}
