import JSON

/// The v2 perioperative section (contract delta §3.4): scope, pathway and intent, the options
/// in rank order, the withheld modalities, `highRisk` with its recommendation, and, on the
/// conversion and oligometastatic pathways, the systemic options of §8.
public struct PerioperativeSectionV2: Sendable {
    public var scope: TreatmentScope
    public var pathway: CasePathway
    public var stageGroup: StageGroup?
    public var planningStageGroup: StageGroup?
    public var planningGrade: PlanningGrade
    public var options: [PerioperativeOptionV2]
    public var notRecommended: [WithheldModality]
    public var highRisk: Bool
    public var reason: String?
    public var recommendations: [RecommendationV2]
    /// Conversion and oligometastatic pathways only.
    public var systemic: SystemicAnswer?
    public var warnings: [PlanWarning]
    /// Every rule considered, with why (`?explain=true`).
    public var trace: [RuleTrace] = []

    public var intent: TherapyIntent { pathway.intent }
    public var traceJSON: JSONValue { RuleTrace.json(trace) }
    public func option(_ modality: PerioperativeModalityV2) -> PerioperativeOptionV2? {
        options.first { $0.modality == modality }
    }
    public func withheld(_ modality: PerioperativeModalityV2) -> WithheldModality? {
        notRecommended.first { $0.modality == modality }
    }
    public func warning(_ code: String) -> PlanWarning? { warnings.first { $0.code == code } }

    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                JSONMember("stageGroup", stageGroup.map { .string($0.rawValue) } ?? .null),
                JSONMember("inScope", .bool(true)),
                JSONMember("options", .array(options.map(\.json))),
                JSONMember("highRisk", .bool(highRisk)),
                JSONMember("reason", reason.map(JSONValue.string) ?? .null),
                JSONMember("recommendations", .array(recommendations.map(\.json))),
                JSONMember("scope", .string(scope.rawValue)),
                JSONMember("pathway", .string(pathway.rawValue)),
                JSONMember("intent", .string(intent.rawValue)),
                JSONMember("planningStageGroup", planningStageGroup.map { .string($0.rawValue) } ?? .null),
                JSONMember("planningGrade", .string(planningGrade.rawValue)),
                JSONMember("notRecommended", .array(notRecommended.map(\.json))),
                JSONMember("systemicOptions", .array(systemic?.options.map(\.json) ?? [])),
                JSONMember("systemicNotRecommended", .array(systemic?.notRecommended.map(\.json) ?? [])),
                JSONMember("lineContext", systemic.map { .string($0.lineContext.rawValue) } ?? .null),
            ]))
    }
}
