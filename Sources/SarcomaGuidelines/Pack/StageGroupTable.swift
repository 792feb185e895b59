/// An AJCC stage-group table, proven at load to be complete and unambiguous: every
/// T x N x M x G combination of its site group is matched by exactly one row.
struct StageGroupTable: Sendable {
    var rows: [StageGroupRow]

    /// The row for a combination; never nil for a loaded table and a T of its site group.
    func row(_ t: TCategory, _ n: NodalStatus, _ m: MetastasisStatus, _ g: GradeCategory) -> StageGroupRow? {
        rows.first { $0.matches(t, n, m, g) }
    }

    static func load(_ node: PackNode, tValues: [TCategory]) throws(GuidelinePackError) -> StageGroupTable {
        var rows: [StageGroupRow] = []
        let rowNodes = try node.nonEmptyArray()
        for (index, rowNode) in rowNodes.enumerated() {
            rows.append(try StageGroupRow.load(rowNode, index: index, tValues: tValues))
        }
        // Enumerate every combination: an overlap is named at the later row, a gap at the table.
        for t in tValues {
            for n in NodalStatus.allCases {
                for m in MetastasisStatus.allCases {
                    for g in GradeCategory.allCases {
                        let matching = rows.filter { $0.matches(t, n, m, g) }
                        let at = "\(t.rawValue) \(n.rawValue) \(m.rawValue) \(g.rawValue)"
                        if matching.count > 1 {
                            throw rowNodes[matching[1].index].failure("overlaps rows[\(matching[0].index)] at \(at)")
                        }
                        if matching.isEmpty {
                            throw node.failure(
                                "have no row for \(at): every T x N x M x G combination needs exactly one")
                        }
                    }
                }
            }
        }
        return StageGroupTable(rows: rows)
    }
}
