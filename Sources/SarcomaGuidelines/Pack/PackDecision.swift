/// A reading of the guideline beyond its literal text, recorded in the pack so clinicians can
/// review it (`docs/clinical/clinical-rules-2026.11-1.md` section 7, and the engine's own decisions).
struct PackDecision: Sendable {
    var id: String
    var ruleIds: [RuleID]
    var decision: String
    var reason: String
}
