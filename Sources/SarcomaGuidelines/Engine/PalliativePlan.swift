import JSON
/// Palliative systemic therapy for one case (rules PALL-*).
struct PalliativePlan: Sendable {
    /// An agent listed but not offered: not recommended (by histology) or investigational.
    /// Carries the recommendation fields too (category null), so every object with a
    /// `ruleId` reads the same way.
    struct Withheld: Sendable {
        var agent: SystemicAgent
        var reason: String
        var recommendation: Recommendation

        var ruleID: RuleID { recommendation.ruleID }

        var json: JSONValue {
            recommendation.json(leading: [
                JSONMember("agent", .string(agent.rawValue)), JSONMember("reason", .string(reason)),
            ])
        }
    }

    /// Advanced disease (M1, or not resectable).
    var indicated: Bool
    /// Nil when palliative therapy is not indicated: a line has no meaning then.
    var line: TherapyLine?
    var options: [TherapyOption]
    var notRecommended: [Withheld]
    var investigational: [Withheld]
    /// Why not indicated, or why the clinical trial is the only option; else nil.
    var reason: String?
    var recommendations: [Recommendation]
}

extension PalliativePlan: EvaluationBody {
    var jsonMembers: JSONMembers {
        [
            JSONMember("indicated", .bool(indicated)),
            JSONMember("line", line.map { .string($0.rawValue) } ?? .null),
            JSONMember("options", .array(options.map(\.json))),
            JSONMember("notRecommended", .array(notRecommended.map(\.json))),
            JSONMember("investigational", .array(investigational.map(\.json))),
            JSONMember("reason", reason.map { .string($0) } ?? .null),
            JSONMember("recommendations", .array(recommendations.map(\.json))),
        ]
    }

    var reportLines: [ReportLine] {
        guard indicated, let line else {
            return [
                ReportLine(
                    label: "Palliative", text: "not indicated: \(reason ?? "")", rules: recommendations.map(\.ruleID))
            ]
        }
        var lines = [
            ReportLine(
                label: "Palliative", text: "\(line.rawValue) line: " + options.map(\.shortText).joined(separator: "; "),
                rules: options.map(\.recommendation.ruleID))
        ]
        if !notRecommended.isEmpty {
            lines.append(
                ReportLine(
                    label: "",
                    text: "not recommended: " + notRecommended.map { $0.agent.rawValue }.joined(separator: ", "),
                    rules: notRecommended.map(\.ruleID)))
        }
        if !investigational.isEmpty {
            lines.append(
                ReportLine(
                    label: "",
                    text: "investigational (trial only): "
                        + investigational.map { $0.agent.rawValue }.joined(separator: ", "),
                    rules: investigational.map(\.ruleID)))
        }
        if let reason { lines.append(ReportLine(label: "", text: reason)) }
        return lines
    }
}
