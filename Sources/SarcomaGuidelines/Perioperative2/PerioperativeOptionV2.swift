import JSON

/// A listed perioperative option of contract v2 (delta §3.1, §3.2): the modality, its rules,
/// its category where the §0.3 setting covers the case (else null / none), evidence, rank,
/// intent, route and what it applies to.
public struct PerioperativeOptionV2: Sendable, Equatable {
    public enum AppliesTo: String, Sendable, VocabularyCode, CaseIterable {
        case primary
        case nodes
        case metastases
    }

    public var modality: PerioperativeModalityV2
    public var ruleId: String
    public var ruleIds: [String]
    public var category: CategoryClaim?
    public var evidenceType: EvidenceType
    public var evidenceYear: Int?
    public var categoryDisplay: String
    public var preferred: Bool
    public var rank: Int
    public var intent: TherapyIntent
    public var appliesTo: AppliesTo?
    public var rationale: String
    public var source: String
    public var evidence: [String]

    public var route: TherapyRoute { modality.route }

    public var json: JSONValue {
        .object(
            JSONObject(
                uniqueMembers: [
                    JSONMember("modality", .string(modality.rawValue)),
                    JSONMember("ruleId", .string(ruleId)),
                    JSONMember("ruleIds", .array(ruleIds.map(JSONValue.string))),
                ] + CategoryClaim.members(category) + [
                    JSONMember("evidenceType", .string(evidenceType.rawValue)),
                    JSONMember("evidenceYear", evidenceYear.map { .number(Double($0)) } ?? .null),
                    JSONMember("categoryDisplay", .string(categoryDisplay)),
                    JSONMember("preferred", .bool(preferred)),
                    JSONMember("rank", .number(Double(rank))),
                    JSONMember("rankGroup", .null),
                    JSONMember("intent", .string(intent.rawValue)),
                    JSONMember("route", .string(route.rawValue)),
                    JSONMember("qualifyingBiomarker", .null),
                    JSONMember("labelMinAgeYears", .null),
                    JSONMember("appliesTo", appliesTo.map { .string($0.rawValue) } ?? .null),
                    JSONMember("rationale", .string(rationale)),
                    JSONMember("source", .string(source)),
                    JSONMember("evidence", .array(evidence.map(JSONValue.string))),
                ]))
    }
}
