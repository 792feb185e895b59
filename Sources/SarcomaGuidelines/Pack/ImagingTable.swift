/// Imaging work-up knowledge (`imaging.json`; rules IMG-*).
final class ImagingTable: Sendable {
    struct Chest: Sendable {
        /// Sites where the low-risk chest radiograph rule can apply (extremity only; trunk
        /// and every other site get chest CT, `docs/clinical/clinical-rules-2026.11-1.md` section 7).
        var radiographSites: Set<Site>
        /// Small = greatest dimension at most this (cm).
        var smallMaxCm: Double
        var radiograph: ImagingRule
        var radiographSmallSuperficialText: String
        var ct: ImagingRule
        var ctOtherSiteText: String
        var ctUnknownText: String
    }

    struct PET: Sendable {
        var recurrent: ImagingRule
        var optional: ImagingRule
        var responseRuleID: RuleID
        var favorableFromPercent: Double
        var favorableText: GuidanceText
        var unfavorableText: GuidanceText
    }

    let primary: [ImagingRule]
    let liver: ImagingRule
    let chest: Chest
    let pet: PET
    func primaryRule(for site: Site) -> ImagingRule {
        // Load guarantees one primary rule per site.
        primary.first { $0.sites.contains(site) } ?? primary[0]
    }

    /// A class: read on every evaluation, shared by reference rather than copied field by field.
    init(primary: [ImagingRule], liver: ImagingRule, chest: Chest, pet: PET) {
        self.primary = primary
        self.liver = liver
        self.chest = chest
        self.pet = pet
    }
}

extension ImagingTable {
    static func load(_ node: PackNode, catalogue: RuleCatalogue) throws(GuidelinePackError) -> ImagingTable {
        var reader = try node.object()
        let primaryNode = try reader.required("primary")
        var primary: [ImagingRule] = []
        var covered: Set<Site> = []
        for item in try primaryNode.nonEmptyArray() {
            let (rule, itemReader) = try ImagingRule.load(item, catalogue: catalogue, withSites: true)
            try itemReader.finish()
            if let repeated = rule.sites.first(where: covered.contains) {
                throw item.failure("covers site \(repeated.rawValue), already covered by an earlier rule")
            }
            covered.formUnion(rule.sites)
            primary.append(rule)
        }
        if let missing = Site.allCases.first(where: { !covered.contains($0) }) {
            throw primaryNode.failure("has no rule for site \(missing.rawValue)")
        }

        var (liver, liverReader) = try ImagingRule.load(
            try reader.required("liver"), catalogue: catalogue, withSites: false)
        liver = liver.covering(Set(try liverReader.required("sites").codes(Site.self, "a site")))
        try liverReader.finish()

        var chestReader = try reader.required("chest").object()
        let radiographSites = Set(try chestReader.required("radiographSites").codes(Site.self, "a site"))
        let smallMax = try chestReader.required("smallMaxCm").number()
        var (radiograph, xrReader) = try ImagingRule.load(
            try chestReader.required("radiograph"), catalogue: catalogue,
            withSites: false, rationaleKey: "rationaleLowGrade")
        let smallSuperficial = try xrReader.string("rationaleSmallSuperficialHighGrade")
        try xrReader.finish()
        radiograph = radiograph.covering(radiographSites)
        var (ct, ctReader) = try ImagingRule.load(
            try chestReader.required("ct"), catalogue: catalogue,
            withSites: false, rationaleKey: "rationaleHighRiskExtremity")
        let otherSite = try ctReader.string("rationaleOtherSite")
        let unknown = try ctReader.string("rationaleRiskNotKnown")
        try ctReader.finish()
        ct = ct.covering(Set(Site.allCases))
        try chestReader.finish()
        let chest = Chest(
            radiographSites: radiographSites, smallMaxCm: smallMax, radiograph: radiograph,
            radiographSmallSuperficialText: smallSuperficial, ct: ct, ctOtherSiteText: otherSite,
            ctUnknownText: unknown)

        var petReader = try reader.required("pet").object()
        let (recurrent, recurrentReader) = try ImagingRule.load(
            try petReader.required("recurrent"), catalogue: catalogue, withSites: false)
        try recurrentReader.finish()
        let (optional, optionalReader) = try ImagingRule.load(
            try petReader.required("optional"), catalogue: catalogue, withSites: false)
        try optionalReader.finish()
        var responseReader = try petReader.required("response").object()
        let responseRule = try catalogue.ruleID(try responseReader.required("ruleId"))
        let threshold = try responseReader.required("favorableFromPercent").number()
        let favorable = try GuidanceText.load(&responseReader, rationaleKey: "rationaleFavorable")
        let unfavorable = GuidanceText(
            rationale: try responseReader.string("rationaleUnfavorable"), evidence: favorable.evidence)
        try responseReader.finish()
        try petReader.finish()
        try reader.finish()
        let pet = PET(
            recurrent: recurrent, optional: optional, responseRuleID: responseRule,
            favorableFromPercent: threshold, favorableText: favorable, unfavorableText: unfavorable)
        return ImagingTable(primary: primary, liver: liver, chest: chest, pet: pet)
    }
}
