/// The reason text and rule id of a withholding step other than histology (§8.2 steps 3-9).
/// A nil rule id means the row's own rule states the condition (trial fitness: "ECOG ≤ 1").
public struct StepReason: Sendable, Equatable {
    public var ruleId: String?
    public var text: String
}
