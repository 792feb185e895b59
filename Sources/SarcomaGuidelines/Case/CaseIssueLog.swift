/// The issues found so far, each with its place in the document, so the final list comes
/// out in document order however the decoder walked the case.
struct CaseIssueLog {
    /// A position in the document: the member (or item) index at each level. A member's
    /// own issues sort at its index; `Position.before` and `Position.after` place issues
    /// that concern a whole object (missing members) or a pair of members.
    typealias Position = [Int]

    private var entries: [(position: Position, issue: FieldIssue)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ pointer: JSONPointer, at position: Position, _ detail: String) {
        entries.append((position, FieldIssue(at: pointer, detail: detail)))
    }

    /// In document order; issues at the same position keep the order they were found.
    var issues: [FieldIssue] {
        entries.enumerated()
            .sorted { lhs, rhs in
                lhs.element.position == rhs.element.position
                    ? lhs.offset < rhs.offset
                    : lhs.element.position.lexicographicallyPrecedes(rhs.element.position)
            }
            .map(\.element.issue)
    }
}
