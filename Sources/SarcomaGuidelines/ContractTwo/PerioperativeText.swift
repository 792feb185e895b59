/// The text of `/v2/perioperative` (rules §9): the pathway, the stage the options were chosen
/// for, the options in rank order with preferred marked, `categoryDisplay` and what each
/// applies to, every withheld modality with its reason, `highRisk`, the section's reason, and
/// on the conversion and oligometastatic pathways the systemic options.
struct PerioperativeText {
    let section: PerioperativeSectionV2
    let decision: PathwayDecision
    let names: AgentDisplay

    static let modalityNames: [PerioperativeModalityV2: String] = [
        .surgery: "surgery", .postoperativeRT: "postoperative RT", .preoperativeRT: "preoperative RT",
        .postoperativeChemotherapy: "postoperative chemotherapy",
        .preoperativeChemotherapy: "preoperative chemotherapy",
        .preoperativeChemoradiation: "preoperative chemoradiation",
        .regionalLymphadenectomy: "regional lymphadenectomy", .reExcision: "re-excision",
        .isolatedLimbPerfusion: "isolated limb perfusion", .definitiveRT: "definitive RT", .amputation: "amputation",
        .preoperativeSystemicTherapy: "preoperative systemic therapy", .systemicTherapy: "systemic therapy",
        .metastasectomy: "metastasectomy", .stereotacticBodyRT: "stereotactic body RT",
        .pediatricProtocolReferral: "pediatric protocol referral",
    ]

    static func name(_ modality: PerioperativeModalityV2) -> String {
        modalityNames[modality] ?? modality.rawValue
    }

    var lines: [ContractTwoText.Line] {
        var lines: [ContractTwoText.Line] = [
            .init(label: "Pathway", text: ContractTwoEngine.pathwayText(decision), rules: []),
            .init(label: "Stage", text: stage, rules: []),
        ]
        for (index, option) in section.options.enumerated() {
            let mark = option.preferred ? " (preferred)" : ""
            let applies = option.appliesTo.map { " (\($0.rawValue))" } ?? ""
            lines.append(
                .init(
                    label: index == 0 ? "Options" : "",
                    text: "\(option.rank). \(Self.name(option.modality))\(mark)\(applies): \(option.categoryDisplay)",
                    rules: option.ruleIds))
        }
        if section.options.isEmpty { lines.append(.init(label: "Options", text: "none", rules: [])) }
        for (index, item) in section.notRecommended.enumerated() {
            lines.append(
                .init(
                    label: index == 0 ? "Not recom." : "",
                    text: "\(Self.name(item.modality)): \(item.reason) "
                        + SystemicText.codes(item.reasonCode.rawValue, item.otherReasonCodes.map(\.rawValue)),
                    rules: item.ruleIds))
        }
        if let reason = section.reason { lines.append(.init(label: "Reason", text: reason, rules: [])) }
        let highRisk = section.recommendations.first
        lines.append(
            .init(
                label: "High risk",
                text: section.highRisk
                    ? "yes: " + (highRisk.map { "\($0.rationale) (\($0.categoryDisplay ?? ""))" } ?? "") : "no",
                rules: section.highRisk ? highRisk?.ruleIds ?? [] : []))
        if let systemic = section.systemic {
            let text = SystemicText(names: names)
            lines.append(
                .init(
                    label: "Systemic",
                    text: "\(systemic.line.rawValue) line (\(ContractTwoEngine.words(systemic.lineContext.rawValue))):",
                    rules: []))
            lines += text.options(systemic.options)
            lines += text.withheld(systemic.notRecommended)
        }
        return lines
    }

    /// "stage group IIIB; planning stage group IIIB, planning grade G3".
    var stage: String {
        let group = section.stageGroup.map { "stage group \($0.rawValue)" } ?? "no stage group"
        let planning =
            section.planningStageGroup.map { "planning stage group \($0.rawValue)" } ?? "no planning stage group"
        let grade = section.planningGrade == .notApplicable ? "not applicable" : section.planningGrade.rawValue
        return "\(group); \(planning), planning grade \(grade)"
    }
}
