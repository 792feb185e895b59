import JSON

/// A contract-v2 recommendation that is not a therapy option (staging, biopsy, margins,
/// imaging, the perioperative `recommendations[]`): the delta §3.1 fields with no category.
public struct RecommendationV2: Sendable, Equatable {
    public var ruleId: String
    public var ruleIds: [String]
    public var category: CategoryClaim?
    public var categoryDisplay: String?
    public var rationale: String
    public var source: String
    public var evidence: [String]

    public init(
        ruleId: String, ruleIds: [String], category: CategoryClaim? = nil, categoryDisplay: String? = nil,
        rationale: String, source: String, evidence: [String]
    ) {
        self.ruleId = ruleId
        self.ruleIds = ruleIds
        self.category = category
        self.categoryDisplay = categoryDisplay
        self.rationale = rationale
        self.source = source
        self.evidence = evidence
    }

    public var json: JSONValue {
        .object(
            JSONObject(
                uniqueMembers: [
                    JSONMember("ruleId", .string(ruleId)),
                    JSONMember("ruleIds", .array(ruleIds.map(JSONValue.string))),
                ] + CategoryClaim.members(category) + [
                    JSONMember("evidenceType", .null),
                    JSONMember("evidenceYear", .null),
                    JSONMember("categoryDisplay", categoryDisplay.map(JSONValue.string) ?? .null),
                    JSONMember("rationale", .string(rationale)),
                    JSONMember("source", .string(source)),
                    JSONMember("evidence", .array(evidence.map(JSONValue.string))),
                ]))
    }
}
