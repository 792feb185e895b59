import JSON
/// The systemic part of an answer (clinical rules §8): the palliative section's options on
/// `advanced` / `best_supportive_care`, or the `systemicOptions[]` of a conversion or
/// oligometastatic perioperative answer. The caller places these members in its section.
public struct SystemicAnswer: Sendable, Equatable {
    public var pathway: SystemicPathway
    public var scope: TreatmentScope
    public var line: TherapyLine
    public var lineContext: LineContext
    /// In rank order.
    public var options: [SystemicOption]
    /// In §8.3 table order.
    public var notRecommended: [WithheldAgent]
    /// Palliative answers only (PALL-CTLA4-TRIAL): `[{agent, ruleId, reason}]`.
    public var investigational: [(agent: TherapyAgent, ruleId: String, reason: String)]
    public var bestSupportiveCare: Bool
    public var biomarkerStatus: [(marker: Biomarker, status: BiomarkerStatus)]
    public var warnings: [SystemicWarning]
    /// Rows whose histology and biomarker conditions hold but whose lines exclude this line
    /// context, in table order: the trace says so (REND-WORDING, "not applied: this is the
    /// first line") instead of leaving the rule out silently.
    public var outsideThisLine: [(agent: TherapyAgent, ruleId: String)] = []
    /// Pediatric scope (§8.2 step 1): candidate rows left out, not listed, in table order; the
    /// answer's `pediatric_protocol_scope` warning names them (§3.4).
    public var leftOut: [TherapyAgent] = []

    public var intent: String { pathway.intent }

    public func option(_ agent: TherapyAgent) -> SystemicOption? { options.first { $0.agent == agent } }
    public func withheld(_ agent: TherapyAgent) -> WithheldAgent? { notRecommended.first { $0.agent == agent } }
    public func warning(_ code: String) -> SystemicWarning? { warnings.first { $0.code == code } }

    /// The scope warning of the pathway decision, completed with the rows this answer left out
    /// (§3.4: "warning `pediatric_protocol_scope` names them"); any other warning unchanged.
    public func namingLeftOut(_ warning: PlanWarning) -> PlanWarning {
        guard warning.code == "pediatric_protocol_scope", !leftOut.isEmpty else { return warning }
        let names = leftOut.map(\.rawValue).joined(separator: ", ")
        return PlanWarning(code: warning.code, message: warning.message + "; left out here: \(names)")
    }

    public static func == (lhs: SystemicAnswer, rhs: SystemicAnswer) -> Bool {
        lhs.pathway == rhs.pathway && lhs.scope == rhs.scope && lhs.lineContext == rhs.lineContext
            && lhs.options == rhs.options && lhs.notRecommended == rhs.notRecommended && lhs.warnings == rhs.warnings
            && lhs.bestSupportiveCare == rhs.bestSupportiveCare
            && lhs.biomarkerStatus.map(\.status) == rhs.biomarkerStatus.map(\.status)
            && lhs.investigational.map(\.agent) == rhs.investigational.map(\.agent)
    }

    /// `biomarkerStatus` object of the palliative section (delta §3.4).
    public var biomarkerStatusJSON: JSONValue {
        .object(
            JSONObject(
                uniqueMembers: biomarkerStatus.map { JSONMember($0.marker.rawValue, .string($0.status.rawValue)) }))
    }

    public var investigationalJSON: JSONValue {
        .array(
            investigational.map { item in
                .object(
                    JSONObject(uniqueMembers: [
                        JSONMember("agent", .string(item.agent.rawValue)),
                        JSONMember("ruleId", .string(item.ruleId)),
                        JSONMember("reason", .string(item.reason)),
                    ]))
            })
    }
}
