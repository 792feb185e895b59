import JSON

/// A not-recommended perioperative modality (delta §3.3): one per modality, its `reasonCode`
/// the first reason of §7.0 rule 4 that applies, the later ones in `otherReasonCodes`. Never a
/// category or evidence type (§0.1).
public struct WithheldModality: Sendable, Equatable {
    public var modality: PerioperativeModalityV2
    public var reason: String
    public var reasonCode: ModalityWithholding
    public var otherReasonCodes: [ModalityWithholding]
    public var ruleId: String
    public var ruleIds: [String]
    public var rationale: String
    public var source: String
    public var evidence: [String]

    public var json: JSONValue {
        .object(
            JSONObject(
                uniqueMembers: [
                    JSONMember("modality", .string(modality.rawValue)),
                    JSONMember("reason", .string(reason)),
                    JSONMember("reasonCode", .string(reasonCode.rawValue)),
                    JSONMember("otherReasonCodes", .array(otherReasonCodes.map { .string($0.rawValue) })),
                    JSONMember("ruleId", .string(ruleId)),
                    JSONMember("ruleIds", .array(ruleIds.map(JSONValue.string))),
                ] + CategoryClaim.members(nil) + [
                    JSONMember("evidenceType", .null),
                    JSONMember("evidenceYear", .null),
                    JSONMember("categoryDisplay", .null),
                    JSONMember("rationale", .string(rationale)),
                    JSONMember("source", .string(source)),
                    JSONMember("evidence", .array(evidence.map(JSONValue.string))),
                ]))
    }
}
