/// A candidate row of one case after the withholding steps (§8.2 steps 3-9): listed when no
/// step gave a reason.
struct RowOutcome {
    struct Reason {
        var code: WithholdingReason
        var ruleId: String
        var text: String
    }

    let row: SystemicRow
    var reasons: [Reason] = []
    /// Listed below its label age (PALL-LABEL-AGE): not preferred, `off_label_age`.
    var offLabelAge = false

    var listed: Bool { reasons.isEmpty }
}
