import JSON
/// Applies a contract-2 pack to a case for the `/v2` answers (contract delta §3). Pure, like
/// `GuidelineEngine`. The v1 rules that pack 2026.12-1 keeps unchanged (GRADE-FNCLCC and the
/// AJCC tables STAGE-TE/RP/HN/VI, rules §4) are read from `kept`, the contract-1 engine,
/// rather than copied into the v2 pack.
public final class ContractTwoEngine: Sendable {
    public let pack: GuidelinePackV2
    /// The contract-1 engine whose kept rules the v2 answers reuse.
    public let kept: GuidelineEngine

    public init(pack: GuidelinePackV2, kept: GuidelineEngine) {
        self.pack = pack
        self.kept = kept
    }

    /// The facts of one case, built once per request (where the request is decoded) and handed
    /// to every section, so the sections of one answer can never read the case differently.
    /// The case has passed the contract-2 checks (delta §1, §2), except a stored ALT/WDLS with
    /// G2/G3, which is read as rules §3.2 says.
    public func facts(for sarcomaCase: SarcomaCase) throws(SystemicInputError) -> CaseFactsV2 {
        try CaseFactsV2(sarcomaCase, inputs: CaseInputsV2(sarcomaCase), pack: pack, ajcc: kept.pack)
    }

    /// One section's answer for a case (its facts built here).
    public func evaluate(_ section: ContractTwoSection, for sarcomaCase: SarcomaCase, explain: Bool = false)
        throws(SystemicInputError) -> ContractTwoEvaluation
    {
        try evaluate(section, facts: try facts(for: sarcomaCase), explain: explain)
    }

    /// One section's answer from the facts `facts(for:)` of this engine built.
    public func evaluate(_ section: ContractTwoSection, facts: CaseFactsV2, explain: Bool = false)
        throws(SystemicInputError) -> ContractTwoEvaluation
    {
        let body: ContractTwoBody
        switch section {
        case .staging: body = staging(facts, explain: explain)
        case .palliative: body = try palliative(facts)
        case .margins, .imaging, .perioperative: body = try self.section(section, facts)
        }
        let warnings = ContractTwoWarning.unique(body.warnings)
        var members: [JSONMember] = [JSONMember("guidelineVersion", .string(pack.version))]
        members += body.members
        members.append(JSONMember("warnings", .array(warnings.map(\.json))))
        if explain { members.append(JSONMember("trace", .array(body.trace.map(\.json)))) }
        let json = JSONValue.object(JSONObject(engineMembers: members))
        let text = ContractTwoText(
            lines: body.lines, warnings: warnings, trace: explain ? body.trace : [], packVersion: pack.version,
            packLabel: pack.label, citable: ContractTwoRuleIds.all(in: json))
        return ContractTwoEvaluation(
            section: section, json: json, ruleIds: body.ruleIds, warnings: warnings, text: text)
    }
}

/// A section's part of an answer: its members (between `guidelineVersion` and `warnings`), its
/// warnings, the trace, and its text lines (each citing only rule ids its JSON carries, REND-TRACE).
struct ContractTwoBody {
    var members: [JSONMember]
    var warnings: [ContractTwoWarning]
    var ruleIds: [String]
    var trace: [RuleTrace]
    var lines: [ContractTwoText.Line]
}
