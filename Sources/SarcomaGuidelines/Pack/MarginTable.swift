/// Biopsy and margin planning knowledge (`margins.json`; rules BIOPSY-*, MARGIN-*).
final class MarginTable: Sendable {
    struct Biopsy: Sendable {
        var ruleID: RuleID
        var method: BiopsyMethod
        var alternativeMethod: BiopsyMethod
        var text: GuidanceText
        var noExcisionalRuleID: RuleID
        /// Excisional biopsy is avoided above this size (cm) and not excluded at or below it.
        var excisionalAvoidAboveCm: Double
        var avoidText: GuidanceText
        var notExcludedText: GuidanceText
        var unknownSizeText: GuidanceText
    }

    struct Amputation: Sendable {
        var ruleID: RuleID
        /// Sites where amputation can arise at all (limbs).
        var sites: Set<Site>
        var considerText: GuidanceText
        var limbSparingText: GuidanceText
        var limbSparingUnknownText: GuidanceText
        var metastaticText: GuidanceText
        var otherSiteText: GuidanceText
    }

    /// The rule applied when no other margin rule does (MARGIN-WIDE-1CM).
    let defaultRule: MarginRule
    let specificRules: [MarginRule]
    let bothRulesNote: String
    let biopsy: Biopsy
    let amputation: Amputation
    let mdtRuleID: RuleID
    let mdtText: GuidanceText

    /// A class: read on every evaluation, shared by reference rather than copied field by field.
    init(
        defaultRule: MarginRule, specificRules: [MarginRule], bothRulesNote: String, biopsy: Biopsy,
        amputation: Amputation, mdtRuleID: RuleID, mdtText: GuidanceText
    ) {
        self.defaultRule = defaultRule
        self.specificRules = specificRules
        self.bothRulesNote = bothRulesNote
        self.biopsy = biopsy
        self.amputation = amputation
        self.mdtRuleID = mdtRuleID
        self.mdtText = mdtText
    }
}

extension MarginTable {
    static func load(_ node: PackNode, catalogue: RuleCatalogue) throws(GuidelinePackError) -> MarginTable {
        var reader = try node.object()
        let defaultRule = try MarginRule.load(try reader.required("default"), catalogue: catalogue, isDefault: true)
        var specific: [MarginRule] = []
        for item in try reader.required("specificRules").nonEmptyArray() {
            let rule = try MarginRule.load(item, catalogue: catalogue, isDefault: false)
            if rule.ruleID == defaultRule.ruleID || specific.contains(where: { $0.ruleID == rule.ruleID }) {
                throw item.failure("repeats rule \(rule.ruleID.rawValue)")
            }
            specific.append(rule)
        }
        let bothNote = try reader.string("widerMarginWinsNote")

        var biopsyReader = try reader.required("biopsy").object()
        let biopsyRule = try catalogue.ruleID(try biopsyReader.required("ruleId"))
        let method = try biopsyReader.required("method").code(BiopsyMethod.self, "a biopsy method")
        let alternative = try biopsyReader.required("alternativeMethod").code(BiopsyMethod.self, "a biopsy method")
        let biopsyText = try GuidanceText.load(&biopsyReader).cited(by: biopsyRule, catalogue: catalogue)
        var excisionalReader = try biopsyReader.required("excisional").object()
        let noExcisional = try catalogue.ruleID(try excisionalReader.required("ruleId"))
        let above = try excisionalReader.required("avoidAboveCm").number()
        let avoid = try GuidanceText.load(&excisionalReader, rationaleKey: "rationaleAvoid").cited(
            by: noExcisional, catalogue: catalogue)
        let notExcluded = GuidanceText(
            rationale: try excisionalReader.string("rationaleNotExcluded"), evidence: avoid.evidence
        )
        .cited(by: noExcisional, catalogue: catalogue)
        let unknown = GuidanceText(
            rationale: try excisionalReader.string("rationaleSizeUnknown"), evidence: avoid.evidence
        )
        .cited(by: noExcisional, catalogue: catalogue)
        try excisionalReader.finish()
        try biopsyReader.finish()
        let biopsy = Biopsy(
            ruleID: biopsyRule, method: method, alternativeMethod: alternative, text: biopsyText,
            noExcisionalRuleID: noExcisional, excisionalAvoidAboveCm: above, avoidText: avoid,
            notExcludedText: notExcluded, unknownSizeText: unknown)

        var amputationReader = try reader.required("amputation").object()
        let amputationRule = try catalogue.ruleID(try amputationReader.required("ruleId"))
        let sites = Set(try amputationReader.required("sites").codes(Site.self, "a site"))
        let consider = try GuidanceText.load(&amputationReader, rationaleKey: "rationaleConsider")
            .cited(by: amputationRule, catalogue: catalogue)
        func sentence(_ key: String) throws(GuidelinePackError) -> GuidanceText {
            GuidanceText(rationale: try amputationReader.string(key), evidence: consider.evidence)
                .cited(by: amputationRule, catalogue: catalogue)
        }
        let amputation = Amputation(
            ruleID: amputationRule, sites: sites, considerText: consider,
            limbSparingText: try sentence("rationaleLimbSparingPossible"),
            limbSparingUnknownText: try sentence("rationaleLimbSparingNotStated"),
            metastaticText: try sentence("rationaleMetastatic"),
            otherSiteText: try sentence("rationaleOtherSite"))
        try amputationReader.finish()

        var mdtReader = try reader.required("mdt").object()
        let mdtRule = try catalogue.ruleID(try mdtReader.required("ruleId"))
        let mdtText = try GuidanceText.load(&mdtReader).cited(by: mdtRule, catalogue: catalogue)
        try mdtReader.finish()
        try reader.finish()
        return MarginTable(
            defaultRule: defaultRule, specificRules: specific, bothRulesNote: bothNote, biopsy: biopsy,
            amputation: amputation, mdtRuleID: mdtRule, mdtText: mdtText)
    }
}
