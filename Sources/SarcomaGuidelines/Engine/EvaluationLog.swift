/// What an evaluation collects besides its answer: warnings (each once), the trace of rules
/// considered, and the rules that fired, in order.
///
/// The trace's sentences are built only when the caller asked for them (`explain`): the
/// reasons are autoclosures, so an ordinary evaluation never formats a sentence it drops.
struct EvaluationLog: Sendable {
    /// Whether the trace is kept (`explain: true`).
    let explaining: Bool
    private(set) var warnings: [EvaluationWarning] = []
    private(set) var trace: [RuleTrace] = []
    private(set) var fired: [RuleID] = []

    init(explaining: Bool) {
        self.explaining = explaining
    }

    mutating func warn(_ code: EvaluationWarning.Code, _ message: String) {
        let warning = EvaluationWarning(code: code, message: message)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// The rule fired: traced as applied ("STAGE-TE: T2 N0 M0 G3 -> stage IIIA") and recorded
    /// for audit.
    mutating func applied(_ rule: RuleID, _ reason: @autoclosure () -> String) {
        if explaining {
            trace.append(RuleTrace(ruleId: rule.rawValue, applied: true, reason: "\(rule.rawValue): \(reason())"))
        }
        if !fired.contains(rule) { fired.append(rule) }
    }

    /// The rule was considered and did not apply ("PERIOP-STAGE3-POSTOP-RT not applied: ...").
    mutating func notApplied(_ rule: RuleID, _ reason: @autoclosure () -> String) {
        guard explaining else { return }
        let entry = RuleTrace(
            ruleId: rule.rawValue, applied: false, reason: "\(rule.rawValue) not applied: \(reason())")
        // Rules with several items (two NTRK agents) are considered once in words.
        if !trace.contains(entry) { trace.append(entry) }
    }

    /// Appends another log (an evaluation reusing another's result, or the assessment).
    mutating func absorb(_ other: EvaluationLog) {
        for warning in other.warnings where !warnings.contains(warning) { warnings.append(warning) }
        trace.append(contentsOf: other.trace)
        for rule in other.fired where !fired.contains(rule) { fired.append(rule) }
    }
}
