/// One margin rule (`margins.json`): the margin and strategy it sets, and the tumours it
/// applies to (by histology, or by a pathology report of infiltrative borders; at some sites).
struct MarginRule: Sendable {
    var ruleID: RuleID
    var marginCm: Double
    var strategy: MarginStrategy
    var histologies: Set<Histology>
    /// The rule also applies to any tumour reported with infiltrative borders.
    var appliesToInfiltrativeBorders: Bool
    var sites: Set<Site>
    var text: GuidanceText

    static func load(_ node: PackNode, catalogue: RuleCatalogue, isDefault: Bool) throws(GuidelinePackError) -> MarginRule {
        var reader = try node.object()
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        let marginNode = try reader.required("marginCm")
        let margin = try marginNode.number()
        guard [0, 1, 2].contains(margin) else { throw marginNode.failure("must be 0, 1 or 2 (the contract's margins)") }
        let strategy = try reader.required("strategy").code(MarginStrategy.self, "a margin strategy")
        var rule = MarginRule(ruleID: ruleID, marginCm: margin, strategy: strategy, histologies: [],
                              appliesToInfiltrativeBorders: false, sites: Set(Site.allCases),
                              text: try GuidanceText.load(&reader).cited(by: ruleID, catalogue: catalogue))
        if !isDefault {
            rule.histologies = Set(try reader.required("histologies").codes(Histology.self, "a histology code"))
            rule.appliesToInfiltrativeBorders = try reader.required("infiltrativeBorders").bool()
            let sitesNode = try reader.required("sites")
            if case .string("any") = sitesNode.value {} else { rule.sites = Set(try sitesNode.codes(Site.self, "a site")) }
        }
        try reader.finish()
        return rule
    }
}
