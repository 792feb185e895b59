import JSON

/// One row of an AJCC stage-group table: the group (or null, with the reason no group can be
/// assigned, e.g. TX N0 M0) for every combination of the listed T, N, M and G values.
final class StageGroupRow: Sendable {
    /// Position in the pack file, for refusals and traces ("rows[3]").
    let index: Int
    let group: StageGroup?
    let reason: String?
    let t: Set<TCategory>
    let n: Set<NodalStatus>
    let m: Set<MetastasisStatus>
    let g: Set<GradeCategory>

    /// A class: the rules iterate these rows on every evaluation, and a reference is one retain.
    init(
        index: Int, group: StageGroup?, reason: String?, t: Set<TCategory>, n: Set<NodalStatus>,
        m: Set<MetastasisStatus>, g: Set<GradeCategory>
    ) {
        self.index = index
        self.group = group
        self.reason = reason
        self.t = t
        self.n = n
        self.m = m
        self.g = g
    }

    func matches(_ t: TCategory, _ n: NodalStatus, _ m: MetastasisStatus, _ g: GradeCategory) -> Bool {
        self.t.contains(t) && self.n.contains(n) && self.m.contains(m) && self.g.contains(g)
    }
}

extension StageGroupRow {
    /// `tValues` are the T categories of the row's site group, TX included. Each dimension
    /// is a list of codes or the string "any".
    static func load(_ node: PackNode, index: Int, tValues: [TCategory]) throws(GuidelinePackError) -> StageGroupRow {
        var reader = try node.object()
        let groupNode = try reader.nullable("group")
        let group = try groupNode?.code(StageGroup.self, "a stage group")
        let reasonNode = reader.optional("reason")
        let reason = try reasonNode?.string()
        if group == nil, reason == nil { throw node.failure("has a null group without a \"reason\" saying why") }
        if group != nil, let reasonNode { throw reasonNode.failure("is only for rows whose group is null") }

        let tNode = try reader.required("t")
        let t = try dimension(tNode, all: tValues, what: "a T category of this site group")
        for code in t where !tValues.contains(code) {
            throw tNode.failure(
                "lists \(code.rawValue), which this site group does not use (\(tValues.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        let n = try dimension(try reader.required("n"), all: NodalStatus.allCases, what: "an N category")
        let m = try dimension(try reader.required("m"), all: MetastasisStatus.allCases, what: "an M category")
        let g = try dimension(try reader.required("g"), all: GradeCategory.allCases, what: "a grade")
        try reader.finish()
        return StageGroupRow(index: index, group: group, reason: reason, t: Set(t), n: Set(n), m: Set(m), g: Set(g))
    }

    private static func dimension<Code: RawRepresentable & CaseIterable & Hashable>(
        _ node: PackNode, all: [Code], what: String
    ) throws(GuidelinePackError) -> [Code] where Code.RawValue == String {
        if case .string("any") = node.value { return all }
        return try node.codes(Code.self, what)
    }
}
