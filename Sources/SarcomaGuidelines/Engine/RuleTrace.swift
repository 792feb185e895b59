import JSON
/// One line of `trace` (with `explain: true`): a rule that was considered, whether it
/// applied, and why, in words a clinician reads at a tumour board.
public struct RuleTrace: Sendable, Equatable {
    public var ruleId: String
    public var applied: Bool
    public var reason: String

    var json: JSONValue { ["ruleId": .string(ruleId), "applied": .bool(applied), "reason": .string(reason)] }
}
