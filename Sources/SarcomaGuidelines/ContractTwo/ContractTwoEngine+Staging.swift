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
        text += "; planning grade \(Self.words(section.planningGrade.rawValue))"
        if let group = section.planningStageGroup {
            text += ", planning stage group \(group.rawValue)"
        } else {
            // The DFSP and site reasons are the AJCC group's own: said once.
            let reason = section.planningStageGroupReason.flatMap { $0 == section.stageGroupReason ? nil : $0 }
            text += ", no planning stage group" + (reason.map { " (\($0))" } ?? "")
        }
        return ContractTwoBody(
            members: json.objectValue?.members ?? [], warnings: section.warnings.map(ContractTwoWarning.init),
            ruleIds: ruleIds, trace: section.trace,
            lines: [.init(label: "Staging", text: text, rules: ruleIds)])
    }
}
