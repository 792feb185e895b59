import JSON
/// A not-recommended agent (delta §3.3): one per agent, its `reasonCode` from the earliest
/// §8.2 step that withheld it and the later steps' codes in `otherReasonCodes`. Never carries
/// a category or evidence fields (§0.1).
public struct WithheldAgent: Sendable, Equatable {
    public var agent: TherapyAgent
    public var reason: String
    public var reasonCode: WithholdingReason
    public var otherReasonCodes: [WithholdingReason]
    public var ruleId: String
    public var ruleIds: [String]
    public var rationale: String
    public var source: String
    public var evidence: [String]

    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                JSONMember("agent", .string(agent.rawValue)),
                JSONMember("reason", .string(reason)),
                JSONMember("reasonCode", .string(reasonCode.rawValue)),
                JSONMember("otherReasonCodes", .array(otherReasonCodes.map { .string($0.rawValue) })),
                JSONMember("ruleId", .string(ruleId)),
                JSONMember("ruleIds", .array(ruleIds.map(JSONValue.string))),
                JSONMember("nccnCategory", .null),
                JSONMember("categoryDefaulted", .bool(false)),
                JSONMember("categoryBasis", .string(CategoryBasis.none.rawValue)),
                JSONMember("categorySource", .null),
                JSONMember("evidenceType", .null),
                JSONMember("evidenceYear", .null),
                JSONMember("categoryDisplay", .null),
                JSONMember("rationale", .string(rationale)),
                JSONMember("source", .string(source)),
                JSONMember("evidence", .array(evidence.map(JSONValue.string))),
            ]))
    }
}
