/// One perioperative option as the pack states it (`perioperative.json`): the modality, the
/// rule(s) behind it, the stage groups it is for and its NCCN category.
final class PerioperativeOptionSpec: Sendable {
    let modality: PerioperativeModality
    let ruleID: RuleID
    /// Further rules that name this option (postoperative chemotherapy is also the "with or
    /// without" of PERIOP-STAGE3-POSTOP-RT).
    let alsoRuleIDs: [RuleID]
    /// Empty for surgery, which is for every stage.
    let stageGroups: Set<StageGroup>
    let category: CategorySpec
    let text: GuidanceText
    /// Built at load when nothing in it depends on the case.
    let fixedOption: TherapyOption?

    /// A class: the rules iterate these rows on every evaluation, and a reference is one retain.
    init(
        modality: PerioperativeModality, ruleID: RuleID, alsoRuleIDs: [RuleID], stageGroups: Set<StageGroup>,
        category: CategorySpec, text: GuidanceText, source: String
    ) {
        self.modality = modality
        self.ruleID = ruleID
        self.alsoRuleIDs = alsoRuleIDs
        self.stageGroups = stageGroups
        self.category = category
        self.text = text
        fixedOption = TherapyOption.fixed(
            key: "modality", value: modality.rawValue, ruleID: ruleID, category: category,
            text: text, source: source)
    }

    static func load(_ node: PackNode, catalogue: RuleCatalogue, withStages: Bool) throws(GuidelinePackError)
        -> PerioperativeOptionSpec
    {
        var reader = try node.object()
        let modality = try reader.required("modality").code(PerioperativeModality.self, "a perioperative modality")
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        var also: [RuleID] = []
        if let alsoNode = reader.optional("alsoRuleIds") {
            for item in try alsoNode.array() { also.append(try catalogue.ruleID(item)) }
        }
        let stages = withStages ? Set(try reader.required("stageGroups").codes(StageGroup.self, "a stage group")) : []
        let category = try CategorySpec.load(&reader, classes: nil)
        let text = try GuidanceText.load(&reader)
        try reader.finish()
        return PerioperativeOptionSpec(
            modality: modality, ruleID: ruleID, alsoRuleIDs: also, stageGroups: stages,
            category: category, text: text, source: catalogue.source(ruleID))
    }
}
