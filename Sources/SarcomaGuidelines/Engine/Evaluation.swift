import JSON
/// The answer of one evaluation endpoint, in the forms the API serves.
public struct Evaluation: Sendable {
    public var kind: EvaluationKind
    /// The full response body (wire names of `api-contract.md`; absent values are `null`).
    public var json: JSONValue
    /// Every rule that fired, in firing order, for the audit record.
    public var ruleIds: [String]
    /// The warnings of `json`, for callers that log or count them.
    public var warnings: [EvaluationWarning]
    private var text: Text

    /// The plain text is rendered only when asked for: most callers want JSON, and word
    /// wrapping costs more than the evaluation itself.
    private enum Text: Sendable {
        case rendered(String)
        case report(PlainTextReport)
    }

    /// The `Accept: text/plain` rendering: compact, aligned, ASCII, newline-terminated.
    public var plainText: String {
        switch text {
        case .rendered(let string): string
        case .report(let report): report.render()
        }
    }

    public init(
        kind: EvaluationKind, json: JSONValue, plainText: String, ruleIds: [String],
        warnings: [EvaluationWarning] = []
    ) {
        self.kind = kind
        self.json = json
        self.text = .rendered(plainText)
        self.ruleIds = ruleIds
        self.warnings = warnings
    }

    init(
        kind: EvaluationKind, json: JSONValue, report: PlainTextReport, ruleIds: [String],
        warnings: [EvaluationWarning]
    ) {
        self.kind = kind
        self.json = json
        self.text = .report(report)
        self.ruleIds = ruleIds
        self.warnings = warnings
    }
}
