import JSON

/// One rule of a pack 2026.12-1 family file (`margins.json`, `imaging.json`,
/// `perioperative.json`): its id, status, register sources and the words an answer shows.
/// Load refuses a rule without a verified source (§0.1: an unverified fact is never the only
/// support of a decision).
public struct RuleTextV2: Sendable, Equatable {
    public var ruleId: String
    public var status: RuleStatus
    public var sources: [String]
    public var rationale: String
    public var evidence: [String]

    /// The wire `source`: the register ids, in the rule's order.
    public var sourceText: String { sources.joined(separator: ", ") }

    static func load(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError) -> RuleTextV2 {
        var reader = try node.object()
        let rule = try load(from: &reader, node: node, register: register)
        try reader.finish()
        return rule
    }

    /// Reads the shared members from an object that may carry family members too.
    static func load(from reader: inout PackObjectReader, node: PackNode, register: SourceRegister)
        throws(GuidelinePackError) -> RuleTextV2
    {
        let ruleId = try reader.required("ruleId").ruleIdentifier()
        let status = try reader.required("status").code(RuleStatus.self, "a rule status")
        let sourcesNode = try reader.required("sources")
        var sources: [SourceRegister.Source] = []
        for item in try sourcesNode.nonEmptyArray() {
            let source = try register.source(item)
            if sources.contains(source) { throw item.failure("repeats \"\(source.id)\"") }
            sources.append(source)
        }
        guard sources.contains(where: \.verified) else {
            throw sourcesNode.failure(
                "cite only unverified sources: an unverified fact is never the only support of a rule (§0.1)")
        }
        let rationale = try reader.string("rationale")
        let evidence = try reader.required("evidence").strings()
        return RuleTextV2(
            ruleId: ruleId, status: status, sources: sources.map(\.id), rationale: rationale, evidence: evidence)
    }

    /// The recommendation of a non-therapy rule (delta §3.1): no category, no evidence type;
    /// `rationale` replaces the rule's words where the case adds to them.
    func recommendation(also: [String] = [], rationale override: String? = nil) -> RecommendationV2 {
        RecommendationV2(
            ruleId: ruleId, ruleIds: [ruleId] + also.filter { $0 != ruleId }, rationale: override ?? rationale,
            source: sourceText, evidence: evidence)
    }
}
