/// The scope and pathway of one case (clinical rules §3.3-§3.6), with the rule ids that
/// decided them and the warnings their defaults and boundaries raise, in decision order.
public struct PathwayDecision: Sendable, Equatable {
    public var scope: TreatmentScope
    public var pathway: CasePathway
    /// The 1-based row of the §3.6 table that matched (the trace cites it).
    public var pathwayRow: Int
    public var ruleIds: [String]
    public var warnings: [PlanWarning]

    public var intent: TherapyIntent { pathway.intent }
    public var palliativeIndicated: Bool { pathway.palliativeIndicated }

    public func warning(_ code: String) -> PlanWarning? { warnings.first { $0.code == code } }
}
