/// An option on its way into a perioperative answer: its row, the rules that produced it (the
/// pathway rule first when a pathway wraps the primary's options) and what it applies to.
struct PerioperativeCandidate: Sendable {
    var row: PerioperativeOptionRow
    var ruleIds: [String]
    var appliesTo: PerioperativeOptionV2.AppliesTo?

    init(_ row: PerioperativeOptionRow, also: [String] = [], appliesTo: PerioperativeOptionV2.AppliesTo? = nil) {
        self.row = row
        ruleIds = [row.ruleId] + also.filter { $0 != row.ruleId }
        self.appliesTo = appliesTo
    }

    var modality: PerioperativeModalityV2 { row.modality }

    /// The same option listed under a pathway rule (PERIOP-LOCAL-RECURRENCE, PERIOP-OLIGOMET).
    func wrapped(in pathwayRule: String, appliesTo: PerioperativeOptionV2.AppliesTo?) -> PerioperativeCandidate {
        var copy = self
        copy.ruleIds = [pathwayRule] + ruleIds.filter { $0 != pathwayRule }
        copy.appliesTo = appliesTo
        return copy
    }
}
