import JSON
/// One `/v2` answer in the forms the API serves: the JSON body (delta §3) and the text
/// rendering of rules §9, plus the rule ids it names (for the audit record).
public struct ContractTwoEvaluation: Sendable {
    public var section: ContractTwoSection
    public var json: JSONValue
    /// Rendered when asked for: a JSON answer does not pay for its text.
    public var plainText: String { text.render() }
    public var ruleIds: [String]
    public var warnings: [ContractTwoWarning]
    /// The parts of `plainText`, which an assessment stacks section after section.
    var text: ContractTwoText
}
