import JSON

extension PlanWarning {
    /// `{"code", "message"}`, as every answer's `warnings[]` carries it.
    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [JSONMember("code", .string(code)), JSONMember("message", .string(message))]))
    }

    /// The warnings of several decisions in order, one per code (a later message for a code
    /// already present is dropped: the first decision that read the default announced it).
    static func merged(_ lists: [PlanWarning]...) -> [PlanWarning] {
        var seen: Set<String> = []
        var result: [PlanWarning] = []
        for warning in lists.joined() where seen.insert(warning.code).inserted { result.append(warning) }
        return result
    }
}
