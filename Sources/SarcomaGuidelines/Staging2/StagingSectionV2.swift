import JSON

/// The v2 staging section (contract delta §3.4): the exact AJCC answer of the kept v1 tables
/// beside the planning grade and planning stage group the v2 plan uses, the recurrence
/// classification and `displayTnm`. The route layer adds `guidelineVersion` and `warnings`.
public struct StagingSectionV2: Sendable {
    public enum Classification: String, Sendable, VocabularyCode, CaseIterable {
        case clinical
        case recurrence
    }

    public var classification: Classification
    public var displayTnm: String
    public var t: TCategory
    public var n: NodalStatus
    public var m: MetastasisStatus
    public var grade: GradeCategory
    /// The AJCC group; null for DFSP and where AJCC defines none.
    public var stageGroup: StageGroup?
    public var stageGroupReason: String?
    public var gradeApplicable: Bool
    public var planningGrade: PlanningGrade
    public var planningStageGroup: StageGroup?
    public var planningStageGroupReason: String?
    public var recommendations: [RecommendationV2]
    /// In decision order; the route repeats them at the assessment top level.
    public var warnings: [PlanWarning]
    /// Every rule considered, with why (`?explain=true`; REND-EXPLAIN).
    public var trace: [RuleTrace]
    /// The v1 members this section keeps as v1 wrote them (siteGroup, sizes, FNCLCC, defaults).
    var v1Members: [JSONMember]

    public var traceJSON: JSONValue { RuleTrace.json(trace) }

    public func warning(_ code: String) -> PlanWarning? { warnings.first { $0.code == code } }

    /// The section's members in the delta's names (v1 members, then the v2 ones).
    public var json: JSONValue {
        var members = v1Members
        members.append(JSONMember("classification", .string(classification.rawValue)))
        members.append(JSONMember("displayTnm", .string(displayTnm)))
        members.append(
            JSONMember("gradeApplicability", .string(gradeApplicable ? "applicable" : "not_applicable")))
        members.append(JSONMember("planningGrade", .string(planningGrade.rawValue)))
        members.append(JSONMember("planningStageGroup", planningStageGroup.map { .string($0.rawValue) } ?? .null))
        members.append(JSONMember("planningStageGroupReason", planningStageGroupReason.map(JSONValue.string) ?? .null))
        members.append(JSONMember("recommendations", .array(recommendations.map(\.json))))
        return .object(JSONObject(uniqueMembers: members))
    }
}
