/// The `rules` and `decisions` of one pack 2026.12-1 family file, keyed by rule id. Load checks
/// that every rule the family's evaluator cites is present, so an answer never names a rule
/// the pack does not describe.
public struct RuleBookV2: Sendable {
    public let rules: [RuleTextV2]
    public let decisions: [PackReading]
    private let byId: [String: Int]

    init(rules: [RuleTextV2], decisions: [PackReading]) {
        self.rules = rules
        self.decisions = decisions
        byId = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.ruleId, $0) })
    }

    /// Every id the evaluator cites was checked at load; an unknown id is a programming error
    /// the family tests catch, answered with an empty text rather than a trap.
    public subscript(id: String) -> RuleTextV2 {
        byId[id].map { rules[$0] }
            ?? RuleTextV2(ruleId: id, status: .new, sources: [], policy: nil, rationale: "", evidence: [])
    }

    /// The rules a family file read (each with its family members), checked for repeats and
    /// for every id the evaluator cites.
    static func make(_ rules: [(RuleTextV2, PackNode)], rulesNode: PackNode, decisions: PackNode, required: [String])
        throws(GuidelinePackError) -> RuleBookV2
    {
        var seen: Set<String> = []
        for (rule, node) in rules where !seen.insert(rule.ruleId).inserted {
            throw node.failure("repeats rule \(rule.ruleId)")
        }
        if let missing = required.first(where: { !seen.contains($0) }) {
            throw rulesNode.failure("lack rule \(missing), which the evaluator cites")
        }
        return RuleBookV2(rules: rules.map(\.0), decisions: try PackReading.loadList(decisions))
    }
}
