import JSON
/// One JSON object of the case being read (the body, `tumor`, `tumor.fnclcc` ...): finds
/// its members, reports the ones it does not know, and reads typed fields with
/// `CaseSection+Fields.swift`, logging an issue for every value it cannot take as given.
struct CaseSection {
    let object: JSONObject
    let pointer: JSONPointer
    let position: CaseIssueLog.Position
    let schema: CaseFields.Section

    /// A member that is present and not `null` (null means "not given").
    struct Member {
        let key: String
        let value: JSONValue
        let pointer: JSONPointer
        let position: CaseIssueLog.Position
    }

    func member(_ key: String) -> Member? {
        guard let index = object.members.firstIndex(where: { $0.key == key }) else { return nil }
        let value = object.members[index].value
        if value.isNull { return nil }
        return Member(key: key, value: value, pointer: pointer.appending(key), position: position + [index])
    }

    /// The member's index in the object, for ordering issues that involve it.
    func index(of key: String) -> Int? {
        object.members.firstIndex { $0.key == key }
    }

    /// Logs every member this section does not define, with the likeliest intended name.
    func reportUnknownMembers(ignoring ignored: Set<String>, into log: inout CaseIssueLog) {
        for (index, member) in object.members.enumerated()
        where !schema.fields.contains(member.key) && !ignored.contains(member.key) {
            log.add(
                pointer.appending(member.key), at: position + [index],
                .unknownField(key: member.key, schema: schema))
        }
    }

    /// "unknown field `sizecm`: did you mean `sizeCm`?", or where the field belongs, or
    /// what this object has.
    static func unknownFieldDetail(_ key: String, in schema: CaseFields.Section) -> String {
        let shown = CaseSection.quoteName(key)
        let normalizedKey = NearMatch.normalized(key)
        if let index = schema.normalizedFields.firstIndex(of: normalizedKey) {
            return "unknown field \(shown): did you mean `\(schema.fields[index])`?"
        }
        if let home = CaseFields.home(of: key, otherThan: schema) {
            let place = home.section.pointer.isEmpty ? "at the top level of the case" : "in `\(home.section.name)`"
            return
                "unknown field \(shown) in \(schema.name): `\(home.field)` belongs \(place) (\(home.section.pointer)/\(home.field))"
        }
        if let near = NearMatch.suggestion(for: key, among: schema.fields, normalized: schema.normalizedFields) {
            return "unknown field \(shown): did you mean `\(near)`?"
        }
        return "unknown field \(shown): \(schema.name) has only \(schema.fields.joined(separator: ", "))"
    }

    /// A name or code as typed, in backticks, cut short if it is long.
    static func quoteName(_ text: String) -> String {
        let limit = 60
        return "`" + (text.count > limit ? String(text.prefix(limit)) + "..." : text) + "`"
    }
}
