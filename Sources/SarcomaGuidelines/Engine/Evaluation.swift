/// The answer of one evaluation endpoint, in the forms the API serves.
public struct Evaluation: Sendable {
    public var kind: EvaluationKind
    /// The full response body (wire names of `api-contract.md`; absent values are `null`).
    public var json: JSONValue
    /// The `Accept: text/plain` rendering: compact, aligned, ASCII, newline-terminated.
    public var plainText: String
    /// Every rule that fired, in firing order, for the audit record.
    public var ruleIds: [String]
    /// The warnings of `json`, for callers that log or count them.
    public var warnings: [EvaluationWarning]

    public init(kind: EvaluationKind, json: JSONValue, plainText: String, ruleIds: [String],
                warnings: [EvaluationWarning] = []) {
        self.kind = kind
        self.json = json
        self.plainText = plainText
        self.ruleIds = ruleIds
        self.warnings = warnings
    }
}
