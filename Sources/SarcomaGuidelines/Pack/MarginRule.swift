import JSON

/// One margin rule (`margins.json`): the margin and strategy it sets, and the tumours it
/// applies to (by histology, or by a pathology report of infiltrative borders; at some sites).
///
/// A class: the margin rules are looked at on every evaluation, shared rather than copied.
final class MarginRule: Sendable {
    let ruleID: RuleID
    let marginCm: Double
    let strategy: MarginStrategy
    let histologies: Set<Histology>
    /// The rule also applies to any tumour reported with infiltrative borders.
    let appliesToInfiltrativeBorders: Bool
    let sites: Set<Site>
    let text: GuidanceText

    init(
        ruleID: RuleID, marginCm: Double, strategy: MarginStrategy, histologies: Set<Histology>,
        appliesToInfiltrativeBorders: Bool, sites: Set<Site>, text: GuidanceText
    ) {
        self.ruleID = ruleID
        self.marginCm = marginCm
        self.strategy = strategy
        self.histologies = histologies
        self.appliesToInfiltrativeBorders = appliesToInfiltrativeBorders
        self.sites = sites
        self.text = text
    }

    static func load(_ node: PackNode, catalogue: RuleCatalogue, isDefault: Bool) throws(GuidelinePackError)
        -> MarginRule
    {
        var reader = try node.object()
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        let marginNode = try reader.required("marginCm")
        let margin = try marginNode.number()
        guard [0, 1, 2].contains(margin) else { throw marginNode.failure("must be 0, 1 or 2 (the contract's margins)") }
        let strategy = try reader.required("strategy").code(MarginStrategy.self, "a margin strategy")
        let text = try GuidanceText.load(&reader).cited(by: ruleID, catalogue: catalogue)
        var histologies: Set<Histology> = []
        var infiltrativeBorders = false
        var sites = Set(Site.allCases)
        if !isDefault {
            histologies = Set(try reader.required("histologies").codes(Histology.self, "a histology code"))
            infiltrativeBorders = try reader.required("infiltrativeBorders").bool()
            let sitesNode = try reader.required("sites")
            if case .string("any") = sitesNode.value {} else { sites = Set(try sitesNode.codes(Site.self, "a site")) }
        }
        try reader.finish()
        return MarginRule(
            ruleID: ruleID, marginCm: margin, strategy: strategy, histologies: histologies,
            appliesToInfiltrativeBorders: infiltrativeBorders, sites: sites, text: text)
    }
}
