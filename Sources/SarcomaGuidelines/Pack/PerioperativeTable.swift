/// Perioperative therapy knowledge for localized disease (`perioperative.json`; PERIOP-*).
final class PerioperativeTable: Sendable {
    struct Scope: Sendable {
        /// Sites the source's perioperative options are for (extremity, trunk).
        var sites: Set<Site>
        var otherSiteReason: String
        var nodalReason: String
        var metastaticReason: String
        var unresectableReason: String
        var noStageGroupReason: String
        var stageWithoutOptionsReason: String
    }

    struct HighRisk: Sendable {
        var ruleID: RuleID
        var sites: Set<Site>
        /// Large = greatest dimension above this (cm): "> 8-10 cm; use > 8 cm".
        var aboveCm: Double
        var category: CategorySpec
        var text: GuidanceText
        var gradeUnknownText: String
    }

    let scope: Scope
    let surgery: PerioperativeOptionSpec
    let stageOptions: [PerioperativeOptionSpec]
    let highRisk: HighRisk

    /// A class: read on every evaluation, shared by reference rather than copied field by field.
    init(scope: Scope, surgery: PerioperativeOptionSpec, stageOptions: [PerioperativeOptionSpec], highRisk: HighRisk) {
        self.scope = scope
        self.surgery = surgery
        self.stageOptions = stageOptions
        self.highRisk = highRisk
    }
}

extension PerioperativeTable {
    static func load(_ node: PackNode, catalogue: RuleCatalogue) throws(GuidelinePackError) -> PerioperativeTable {
        var reader = try node.object()
        var scopeReader = try reader.required("scope").object()
        let scope = Scope(
            sites: Set(try scopeReader.required("sites").codes(Site.self, "a site")),
            otherSiteReason: try scopeReader.string("reasonOtherSite"),
            nodalReason: try scopeReader.string("reasonNodal"),
            metastaticReason: try scopeReader.string("reasonMetastatic"),
            unresectableReason: try scopeReader.string("reasonUnresectable"),
            noStageGroupReason: try scopeReader.string("reasonNoStageGroup"),
            stageWithoutOptionsReason: try scopeReader.string("reasonStageWithoutOptions"))
        try scopeReader.finish()

        let surgeryNode = try reader.required("surgery")
        let surgery = try PerioperativeOptionSpec.load(surgeryNode, catalogue: catalogue, withStages: false)
        if surgery.modality != .surgery { throw surgeryNode.failure("must have modality surgery") }

        var options: [PerioperativeOptionSpec] = []
        for item in try reader.required("stageOptions").nonEmptyArray() {
            let option = try PerioperativeOptionSpec.load(item, catalogue: catalogue, withStages: true)
            if option.modality == .surgery || options.contains(where: { $0.modality == option.modality }) {
                throw item.failure("repeats modality \(option.modality.rawValue)")
            }
            options.append(option)
        }

        var riskReader = try reader.required("highRisk").object()
        let riskRule = try catalogue.ruleID(try riskReader.required("ruleId"))
        let riskSites = Set(try riskReader.required("sites").codes(Site.self, "a site"))
        let above = try riskReader.required("aboveCm").number()
        let riskCategory = try CategorySpec.load(&riskReader, classes: nil)
        let riskText = try GuidanceText.load(&riskReader)
        let unknownText = try riskReader.string("rationaleGradeUnknown")
        try riskReader.finish()
        try reader.finish()
        return PerioperativeTable(
            scope: scope, surgery: surgery, stageOptions: options,
            highRisk: HighRisk(
                ruleID: riskRule, sites: riskSites, aboveCm: above, category: riskCategory,
                text: riskText, gradeUnknownText: unknownText))
    }
}
