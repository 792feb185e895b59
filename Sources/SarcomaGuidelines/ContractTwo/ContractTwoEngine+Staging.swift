import JSON
/// `/v2/staging` (delta §3.4): the section of `StagingEvaluatorV2` (rules §4) over the request's
/// `CaseFactsV2`: the AJCC group of the kept v1 tables, classification and `displayTnm`
/// (STAGE-RECURRENCE), the DFSP reading (STAGE-DFSP), the planning grade and planning stage
/// group (GRADE-HISTOLOGY, STAGE-PLANNING). The assessment places this same object.
extension ContractTwoEngine {
    func staging(_ facts: CaseFactsV2, explain: Bool) -> ContractTwoBody {
        let section = StagingEvaluatorV2.evaluate(facts)
        let json = section.json
        let ruleIds = Self.ruleIds(in: json)
        var text = "\(section.displayTnm) -> " + (section.stageGroup.map { "stage \($0.rawValue)" } ?? "no stage group")
        if let reason = section.stageGroupReason { text += " (\(reason))" }
        text += "; planning grade \(section.planningGrade.rawValue)"
        text +=
            section.planningStageGroup.map { ", planning stage group \($0.rawValue)" }
            ?? ", no planning stage group" + (section.planningStageGroupReason.map { " (\($0))" } ?? "")
        return ContractTwoBody(
            members: json.objectValue?.members ?? [], warnings: section.warnings.map(ContractTwoWarning.init),
            ruleIds: ruleIds, trace: section.trace,
            lines: [.init(label: "Staging", text: text, rules: ruleIds)])
    }
}
