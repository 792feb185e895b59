import JSON
/// The AJCC 8 staging of one case (rules STAGE-*, GRADE-FNCLCC): T, N, M, grade and the stage
/// group, or a null group with the reason none can be assigned.
struct StageAssignment: Sendable {
    var siteGroup: SiteGroupStaging
    var t: TCategory
    /// How T was found, for rationales and traces ("6.0 cm: > 5 and <= 10 cm").
    var tBasis: String
    var n: NodalStatus
    var nodesStated: Bool
    var m: MetastasisStatus
    var metastasisStated: Bool
    var grade: GradeAssessment
    var sizeCm: Double?
    var stageGroup: StageGroup?
    var stageGroupReason: String?
    var ajccEdition: Int
    var recommendations: [Recommendation]

    /// "T2 N0 M0 G3".
    var tnmg: String { String(sentence: [t.rawValue, " ", n.rawValue, " ", m.rawValue, " ", grade.grade.rawValue]) }

    /// "stage IIIA" or "no stage group".
    var groupText: String { stageGroup.map { "stage " + $0.rawValue } ?? "no stage group" }
}

extension StageAssignment: EvaluationBody {
    var jsonMembers: JSONMembers {
        let fnclcc: JSONValue =
            grade.score.map {
                [
                    "differentiation": .number(Double($0.differentiation)),
                    "mitoticScore": .number(Double($0.mitoticScore)),
                    "necrosisScore": .number(Double($0.necrosisScore)), "score": .number(Double($0.total)),
                    "grade": .string($0.grade.rawValue),
                ]
            } ?? .null
        let gradeBasis =
            switch (grade.stated, grade.score) {
            case (_?, _?): "stated_and_fnclcc"
            case (_?, nil): "stated"
            case (nil, _?): "fnclcc"
            case (nil, nil): "unknown"
            }
        return [
            JSONMember("siteGroup", .string(siteGroup.id)),
            JSONMember("t", .string(t.rawValue)),
            JSONMember("n", .string(n.rawValue)),
            JSONMember("m", .string(m.rawValue)),
            JSONMember("grade", .string(grade.grade.rawValue)),
            JSONMember("stageGroup", stageGroup.map { .string($0.rawValue) } ?? .null),
            JSONMember("stageGroupReason", stageGroupReason.map { .string($0) } ?? .null),
            JSONMember("ajccEdition", .number(Double(ajccEdition))),
            JSONMember("fnclccScore", grade.score.map { .number(Double($0.total)) } ?? .null),
            JSONMember("sizeCm", sizeCm.map { .number($0) } ?? .null),
            JSONMember("tBasis", .string(tBasis)),
            JSONMember("nodesDefaulted", .bool(!nodesStated)),
            JSONMember("metastasisDefaulted", .bool(!metastasisStated)),
            JSONMember("gradeBasis", .string(gradeBasis)),
            JSONMember("fnclcc", fnclcc),
            JSONMember("recommendations", .array(recommendations.map(\.json))),
        ]
    }

    var reportLines: [ReportLine] {
        var text = "\(tnmg) -> \(groupText) (AJCC \(ajccEdition), \(siteGroup.label))"
        if stageGroup == nil, let stageGroupReason { text += ": \(stageGroupReason)" }
        var lines = [ReportLine(label: "Staging", text: text, rules: [siteGroup.ruleID])]
        if let score = grade.score {
            lines.append(
                ReportLine(
                    label: "", text: "FNCLCC \(score.arithmetic) -> \(score.grade.rawValue)",
                    rules: [.gradeFNCLCC]))
        }
        return lines
    }
}
