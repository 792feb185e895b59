import JSON
/// Perioperative therapy for one case (rules PERIOP-*).
struct PerioperativePlan: Sendable {
    var stageGroup: StageGroup?
    /// True when the case is in the source's setting: extremity/trunk, N0 M0, resectable.
    var inScope: Bool
    var options: [TherapyOption]
    var highRisk: Bool
    /// Why options are limited (surgery only, or none); nil when stage-based options apply.
    var reason: String?
    var recommendations: [Recommendation]
}

extension PerioperativePlan: EvaluationBody {
    var jsonMembers: JSONMembers {
        [
            JSONMember("stageGroup", stageGroup.map { .string($0.rawValue) } ?? .null),
            JSONMember("inScope", .bool(inScope)),
            JSONMember("options", .array(options.map(\.json))),
            JSONMember("highRisk", .bool(highRisk)),
            JSONMember("reason", reason.map { .string($0) } ?? .null),
            JSONMember("recommendations", .array(recommendations.map(\.json))),
        ]
    }

    var reportLines: [ReportLine] {
        let optionText = options.isEmpty ? "no perioperative options" : options.map(\.shortText).joined(separator: "; ")
        var lines = [ReportLine(label: "Periop", text: optionText, rules: options.map(\.recommendation.ruleID))]
        if highRisk {
            lines.append(
                ReportLine(
                    label: "", text: "high risk: consider both preoperative and postoperative therapy",
                    rules: recommendations.map(\.ruleID)))
        }
        if let reason { lines.append(ReportLine(label: "", text: reason)) }
        return lines
    }
}
