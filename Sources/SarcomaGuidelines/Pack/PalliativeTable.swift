/// Palliative systemic therapy knowledge for advanced disease (`palliative.json`; PALL-*).
final class PalliativeTable: Sendable {
    struct Investigational: Sendable {
        var agent: SystemicAgent
        var ruleID: RuleID
        var reason: String
    }

    let classes: HistologyClasses
    /// In table order; the clinical-trial option is always among them (PALL-TRIAL).
    let options: [PalliativeOptionSpec]
    let trialOnlyReason: String
    let histologyUnknownReason: String
    let investigational: [Investigational]
    let notIndicatedRuleID: RuleID
    let notIndicatedReason: String
    let nodalNotIndicatedReason: String

    /// A class: read on every evaluation, shared by reference rather than copied field by field.
    init(
        classes: HistologyClasses, options: [PalliativeOptionSpec], trialOnlyReason: String,
        histologyUnknownReason: String, investigational: [Investigational], notIndicatedRuleID: RuleID,
        notIndicatedReason: String, nodalNotIndicatedReason: String
    ) {
        self.classes = classes
        self.options = options
        self.trialOnlyReason = trialOnlyReason
        self.histologyUnknownReason = histologyUnknownReason
        self.investigational = investigational
        self.notIndicatedRuleID = notIndicatedRuleID
        self.notIndicatedReason = notIndicatedReason
        self.nodalNotIndicatedReason = nodalNotIndicatedReason
    }
}

extension PalliativeTable {
    static func load(_ node: PackNode, catalogue: RuleCatalogue) throws(GuidelinePackError) -> PalliativeTable {
        var reader = try node.object()
        let classes = try HistologyClasses.load(try reader.required("histologyClasses"))
        let optionsNode = try reader.required("options")
        var options: [PalliativeOptionSpec] = []
        for item in try optionsNode.nonEmptyArray() {
            let option = try PalliativeOptionSpec.load(item, catalogue: catalogue, classes: classes)
            if options.contains(where: { $0.agent == option.agent && !$0.lines.isDisjoint(with: option.lines) }) {
                throw item.failure("repeats agent \(option.agent.rawValue) for the same line")
            }
            options.append(option)
        }
        // "Advanced disease always gets at least one option": the trial must be unconditional.
        guard
            options.contains(where: {
                $0.agent == .clinicalTrial && $0.requires == nil && $0.withheld == nil
                    && $0.lines == Set(TherapyLine.allCases)
            })
        else {
            throw optionsNode.failure("lack an unconditional clinical_trial option for every line (PALL-TRIAL)")
        }
        let trialOnly = try reader.string("trialOnlyReason")
        let histologyUnknown = try reader.string("histologyUnknownReason")
        var investigational: [Investigational] = []
        for item in try reader.required("investigational").array() {
            var itemReader = try item.object()
            investigational.append(
                Investigational(
                    agent: try itemReader.required("agent").code(SystemicAgent.self, "a systemic agent"),
                    ruleID: try catalogue.ruleID(try itemReader.required("ruleId")),
                    reason: try itemReader.string("reason")))
            try itemReader.finish()
        }
        var notReader = try reader.required("notIndicated").object()
        let notRule = try catalogue.ruleID(try notReader.required("ruleId"))
        let notReason = try notReader.string("reason")
        let nodalReason = try notReader.string("reasonNodal")
        try notReader.finish()
        try reader.finish()
        return PalliativeTable(
            classes: classes, options: options, trialOnlyReason: trialOnly,
            histologyUnknownReason: histologyUnknown, investigational: investigational,
            notIndicatedRuleID: notRule, notIndicatedReason: notReason,
            nodalNotIndicatedReason: nodalReason)
    }
}
