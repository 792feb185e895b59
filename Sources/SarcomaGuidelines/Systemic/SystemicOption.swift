import JSON
/// A listed systemic option of contract v2 (delta §3.1, §3.2): one per agent code, merged
/// from the agent's listed rows (§8.8), with its category provenance, evidence, preferred
/// flag and rank.
public struct SystemicOption: Sendable, Equatable {
    public var agent: TherapyAgent
    public var ruleId: String
    public var ruleIds: [String]
    public var nccnCategory: NCCNCategory?
    public var categoryDefaulted: Bool
    public var categoryBasis: CategoryBasis
    public var categorySource: String?
    public var evidenceType: EvidenceType?
    public var evidenceYear: Int?
    public var categoryDisplay: String
    public var preferred: Bool
    public var rank: Int
    /// nil for the fixed options (delta §3.2).
    public var rankGroup: RankGroup?
    public var intent: String
    public var route: TherapyRoute
    public var qualifyingBiomarker: String?
    public var labelMinAgeYears: Int?
    public var rationale: String
    public var source: String
    public var evidence: [String]

    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                JSONMember("agent", .string(agent.rawValue)),
                JSONMember("ruleId", .string(ruleId)),
                JSONMember("ruleIds", .array(ruleIds.map(JSONValue.string))),
                JSONMember("nccnCategory", nccnCategory.map { .string($0.rawValue) } ?? .null),
                JSONMember("categoryDefaulted", .bool(categoryDefaulted)),
                JSONMember("categoryBasis", .string(categoryBasis.rawValue)),
                JSONMember("categorySource", categorySource.map(JSONValue.string) ?? .null),
                JSONMember("evidenceType", evidenceType.map { .string($0.rawValue) } ?? .null),
                JSONMember("evidenceYear", evidenceYear.map { .number(Double($0)) } ?? .null),
                JSONMember("categoryDisplay", .string(categoryDisplay)),
                JSONMember("preferred", .bool(preferred)),
                JSONMember("rank", .number(Double(rank))),
                JSONMember("rankGroup", rankGroup.map { .string($0.rawValue) } ?? .null),
                JSONMember("intent", .string(intent)),
                JSONMember("route", .string(route.rawValue)),
                JSONMember("qualifyingBiomarker", qualifyingBiomarker.map(JSONValue.string) ?? .null),
                JSONMember("labelMinAgeYears", labelMinAgeYears.map { .number(Double($0)) } ?? .null),
                JSONMember("appliesTo", .null),
                JSONMember("rationale", .string(rationale)),
                JSONMember("source", .string(source)),
                JSONMember("evidence", .array(evidence.map(JSONValue.string))),
            ]))
    }
}
