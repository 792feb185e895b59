/// An imaging rule as the pack states it: its id, the studies it lists, its words, and
/// (for primary-site rules) the sites it covers and whether its studies are alternatives.
struct ImagingRule: Sendable {
    var ruleID: RuleID
    var sites: Set<Site>
    /// True when the listed studies are alternatives ("MRI or CT": `primaryChoice` one_of).
    var oneOf: Bool
    var items: [ImagingItemSpec]
    var text: GuidanceText
    /// Each item as a study with `text`, its JSON built at load (`ImagingStudy.json`).
    var studiesJSON: [JSONValue] = []

    /// Reads `ruleId`, optional `sites`/`choice`, `items` (or one `item`) and the words.
    static func load(_ node: PackNode, catalogue: RuleCatalogue, withSites: Bool,
                     rationaleKey: String = "rationale") throws(GuidelinePackError) -> (ImagingRule, PackObjectReader) {
        var reader = try node.object()
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        var rule = ImagingRule(ruleID: ruleID, sites: [], oneOf: false, items: [],
                               text: GuidanceText(rationale: "", evidence: []))
        if withSites {
            rule.sites = Set(try reader.required("sites").codes(Site.self, "a site"))
            let choiceNode = try reader.required("choice")
            switch try choiceNode.string() {
            case "one_of": rule.oneOf = true
            case "all": rule.oneOf = false
            case let other: throw choiceNode.failure("\"\(other)\" is not a choice (one_of, all)")
            }
            let itemsNode = try reader.required("items")
            for item in try itemsNode.nonEmptyArray() { rule.items.append(try ImagingItemSpec.load(item)) }
            if rule.oneOf, rule.items.count < 2 || rule.items.contains(where: \.required) {
                throw itemsNode.failure("of a one_of choice must be two or more studies, none required (the contract)")
            }
            if !rule.oneOf, rule.items.contains(where: { !$0.required }) {
                throw itemsNode.failure("of an \"all\" rule must all be required")
            }
        } else {
            rule.items = [try ImagingItemSpec.load(try reader.required("item"))]
        }
        rule.text = try GuidanceText.load(&reader, rationaleKey: rationaleKey).cited(by: ruleID, catalogue: catalogue)
        if let citation = rule.text.citation {
            rule.studiesJSON = rule.items.map { ImagingStudy(spec: $0, recommendation: citation.recommendation).json }
        }
        return (rule, reader)
    }
}
