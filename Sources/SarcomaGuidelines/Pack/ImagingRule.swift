import JSON
/// An imaging rule as the pack states it: its id, the studies it lists, its words, and
/// (for primary-site rules) the sites it covers and whether its studies are alternatives.
///
/// A class: the imaging rules are looked at on every evaluation, shared rather than copied.
final class ImagingRule: Sendable {
    let ruleID: RuleID
    let sites: Set<Site>
    /// True when the listed studies are alternatives ("MRI or CT": `primaryChoice` one_of).
    let oneOf: Bool
    let items: [ImagingItemSpec]
    let text: GuidanceText
    /// Each item as a study with `text`, its JSON built at load (`ImagingStudy.json`).
    let studiesJSON: [JSONValue]

    init(ruleID: RuleID, sites: Set<Site>, oneOf: Bool, items: [ImagingItemSpec], text: GuidanceText) {
        self.ruleID = ruleID
        self.sites = sites
        self.oneOf = oneOf
        self.items = items
        self.text = text
        studiesJSON =
            text.citation.map { citation in
                items.map { ImagingStudy(spec: $0, recommendation: citation.recommendation).json }
            } ?? []
    }

    /// The same rule for these sites (the liver and chest rules state theirs beside the rule).
    func covering(_ sites: Set<Site>) -> ImagingRule {
        ImagingRule(ruleID: ruleID, sites: sites, oneOf: oneOf, items: items, text: text)
    }

    /// Reads `ruleId`, optional `sites`/`choice`, `items` (or one `item`) and the words.
    static func load(
        _ node: PackNode, catalogue: RuleCatalogue, withSites: Bool,
        rationaleKey: String = "rationale"
    ) throws(GuidelinePackError) -> (ImagingRule, PackObjectReader) {
        var reader = try node.object()
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        var sites: Set<Site> = []
        var oneOf = false
        var items: [ImagingItemSpec] = []
        if withSites {
            sites = Set(try reader.required("sites").codes(Site.self, "a site"))
            let choiceNode = try reader.required("choice")
            switch try choiceNode.string() {
            case "one_of": oneOf = true
            case "all": oneOf = false
            case let other: throw choiceNode.failure("\"\(other)\" is not a choice (one_of, all)")
            }
            let itemsNode = try reader.required("items")
            for item in try itemsNode.nonEmptyArray() { items.append(try ImagingItemSpec.load(item)) }
            if oneOf, items.count < 2 || items.contains(where: \.required) {
                throw itemsNode.failure("of a one_of choice must be two or more studies, none required (the contract)")
            }
            if !oneOf, items.contains(where: { !$0.required }) {
                throw itemsNode.failure("of an \"all\" rule must all be required")
            }
        } else {
            items = [try ImagingItemSpec.load(try reader.required("item"))]
        }
        let text = try GuidanceText.load(&reader, rationaleKey: rationaleKey).cited(by: ruleID, catalogue: catalogue)
        return (ImagingRule(ruleID: ruleID, sites: sites, oneOf: oneOf, items: items, text: text), reader)
    }
}
