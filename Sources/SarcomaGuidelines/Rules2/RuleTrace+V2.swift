import JSON

extension RuleTrace {
    /// "MARGIN-RP-EN-BLOC: retroperitoneum -> en bloc", the v1 trace wording.
    static func applied(_ ruleId: String, _ reason: String) -> RuleTrace {
        RuleTrace(ruleId: ruleId, applied: true, reason: "\(ruleId): \(reason)")
    }

    /// "MARGIN-WIDE-1CM not applied: ...".
    static func notApplied(_ ruleId: String, _ reason: String) -> RuleTrace {
        RuleTrace(ruleId: ruleId, applied: false, reason: "\(ruleId) not applied: \(reason)")
    }

    /// A section's `trace` array (`?explain=true`).
    static func json(_ trace: [RuleTrace]) -> JSONValue { .array(trace.map(\.json)) }
}
