import JSON

/// One rule of a pack 2026.12-1 family file (`margins.json`, `imaging.json`,
/// `perioperative.json`): its id, status, register sources and the words an answer shows.
/// Load refuses a rule whose sources are all unverified (§0.1: an unverified fact is never the
/// only support of a decision); a rule no register source states is a disclosed pack policy
/// (`policy`, §14) and cites none.
public struct RuleTextV2: Sendable, Equatable {
    public var ruleId: String
    public var status: RuleStatus
    public var sources: [String]
    /// The reading (§14) or review finding a pack-policy rule rests on; nil when sources support it.
    public var policy: String?
    public var rationale: String
    public var evidence: [String]
    /// What changed against pack 2026.11-1 (clinical rules §13); nil for a kept rule without a note.
    public var changeNote: String? = nil

    /// The wire `source`: the register ids in the rule's order, or the pack policy.
    public var sourceText: String {
        guard let policy else { return sources.joined(separator: ", ") }
        return (sources + ["pack policy (\(policy))"]).joined(separator: ", ")
    }

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
        let statusNode = try reader.required("status")
        let status = try statusNode.code(RuleStatus.self, "a rule status")
        let changeNote = try reader.nullable("changeNote")?.string()
        if status != .kept, changeNote == nil {
            throw statusNode.failure(
                "is \(status.rawValue) but changeNote is null: a changed or new rule says what changed (§13)")
        }
        let sourcesNode = try reader.required("sources")
        var sources: [SourceRegister.Source] = []
        for item in try sourcesNode.array() {
            let source = try register.source(item)
            if sources.contains(source) { throw item.failure("repeats \"\(source.id)\"") }
            sources.append(source)
        }
        let policy = try reader.optional("policy")?.string()
        if policy == nil, !sources.contains(where: \.verified) {
            throw sourcesNode.failure(
                "cite no verified source and name no pack policy: an unverified fact is never the only support of a rule (§0.1)"
            )
        }
        let rationale = try reader.string("rationale")
        let evidence = try reader.required("evidence").strings()
        return RuleTextV2(
            ruleId: ruleId, status: status, sources: sources.map(\.id), policy: policy, rationale: rationale,
            evidence: evidence, changeNote: changeNote)
    }

    /// The recommendation of a non-therapy rule (delta §3.1): no category, no evidence type;
    /// `rationale` replaces the rule's words where the case adds to them.
    func recommendation(also: [String] = [], rationale override: String? = nil) -> RecommendationV2 {
        RecommendationV2(
            ruleId: ruleId, ruleIds: [ruleId] + also.filter { $0 != ruleId }, rationale: override ?? rationale,
            source: sourceText, evidence: evidence)
    }
}
