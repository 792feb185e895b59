import JSON
/// The issues found so far, each with its place in the document, so the final list comes
/// out in document order however the decoder walked the case.
struct CaseIssueLog {
    /// A position in the document: the member (or item) index at each level. A member's
    /// own issues sort at its index; `-1` and `Int.max` place issues that concern a whole
    /// object (missing members) or a pair of members.
    typealias Position = [Int]

    /// What the issue says; an unknown field's detail (with its suggestion search) is only
    /// worked out if the issue is among those reported.
    enum Detail {
        case text(String)
        case unknownField(key: String, schema: CaseFields.Section)

        var text: String {
            switch self {
            case .text(let text): text
            case .unknownField(let key, let schema): CaseSection.unknownFieldDetail(key, in: schema)
            }
        }
    }

    private var entries: [(position: Position, pointer: JSONPointer, detail: Detail)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ pointer: JSONPointer, at position: Position, _ detail: String) {
        entries.append((position, pointer, .text(detail)))
    }

    mutating func add(_ pointer: JSONPointer, at position: Position, _ detail: Detail) {
        entries.append((position, pointer, detail))
    }

    /// In document order; issues at the same position keep the order they were found.
    /// Past `limit`, one last issue at pointer `""` says how many more there are, so a
    /// body of thousands of stray keys cannot turn into a huge error response.
    func issues(limit: Int) -> [FieldIssue] {
        let ordered = entries.indices.sorted { lhs, rhs in
            entries[lhs].position == entries[rhs].position
                ? lhs < rhs
                : entries[lhs].position.lexicographicallyPrecedes(entries[rhs].position)
        }
        var issues = ordered.prefix(limit).map { FieldIssue(at: entries[$0].pointer, detail: entries[$0].detail.text) }
        let more = ordered.count - issues.count
        if more > 0 {
            issues.append(
                FieldIssue(
                    pointer: "",
                    detail: "\(more) more issue\(more == 1 ? "" : "s") not listed; fix the ones above first"))
        }
        return issues
    }
}
