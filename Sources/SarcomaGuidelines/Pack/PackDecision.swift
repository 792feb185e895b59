/// A reading of the guideline beyond its literal text, recorded in the pack so clinicians can
/// review it (`clinical-rules.md` section 7, and the engine's own decisions).
struct PackDecision: Sendable {
    var id: String
    var ruleIds: [RuleID]
    var decision: String
    var reason: String
}
