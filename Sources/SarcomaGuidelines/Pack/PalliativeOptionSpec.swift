/// One palliative systemic option as the pack states it (`palliative.json`, `options`).
final class PalliativeOptionSpec: Sendable {
    struct Withheld: Sendable {
        var className: String
        var reason: String
    }

    let agent: SystemicAgent
    let ruleID: RuleID
    let lines: Set<TherapyLine>
    let requires: PalliativeCondition?
    let withheld: Withheld?
    /// Listed without a prior anthracycline, but with a warning (trabectedin).
    let warnWithoutPriorAnthracycline: Bool
    let category: CategorySpec
    let text: GuidanceText
    /// Built at load when nothing in it depends on the case.
    let fixedOption: TherapyOption?

    /// A class: the rules iterate these rows on every evaluation, and a reference is one retain.
    init(
        agent: SystemicAgent, ruleID: RuleID, lines: Set<TherapyLine>, requires: PalliativeCondition?,
        withheld: Withheld?, warnWithoutPriorAnthracycline: Bool, category: CategorySpec, text: GuidanceText,
        source: String
    ) {
        self.agent = agent
        self.ruleID = ruleID
        self.lines = lines
        self.requires = requires
        self.withheld = withheld
        self.warnWithoutPriorAnthracycline = warnWithoutPriorAnthracycline
        self.category = category
        self.text = text
        fixedOption = TherapyOption.fixed(
            key: "agent", value: agent.rawValue, ruleID: ruleID, category: category,
            text: text, source: source)
    }

    static func load(_ node: PackNode, catalogue: RuleCatalogue, classes: HistologyClasses) throws(GuidelinePackError)
        -> PalliativeOptionSpec
    {
        var reader = try node.object()
        let agentNode = try reader.required("agent")
        let agent = try agentNode.code(SystemicAgent.self, "a systemic agent")
        if agent == .ipilimumab { throw agentNode.failure("is investigational only: list it under investigational") }
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        let lines = Set(try reader.required("lines").codes(TherapyLine.self, "a line (first, subsequent)"))
        let requires = try reader.nullable("requires")?.code(PalliativeCondition.self, "a palliative condition")
        var withheld: Withheld?
        if let withheldNode = try reader.nullable("withheldFrom") {
            var withheldReader = try withheldNode.object()
            withheld = Withheld(
                className: try classes.name(try withheldReader.required("class")),
                reason: try withheldReader.string("reason"))
            try withheldReader.finish()
        }
        let warn = try reader.required("warnWithoutPriorAnthracycline").bool()
        let category = try CategorySpec.load(&reader, classes: classes)
        let text = try GuidanceText.load(&reader)
        try reader.finish()
        return PalliativeOptionSpec(
            agent: agent, ruleID: ruleID, lines: lines, requires: requires, withheld: withheld,
            warnWithoutPriorAnthracycline: warn, category: category, text: text,
            source: catalogue.source(ruleID))
    }
}
