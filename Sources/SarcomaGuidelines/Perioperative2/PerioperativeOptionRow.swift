/// One option row of `perioperative.json`: the rule and modality it lists (with a variant
/// where one rule lists a modality twice, e.g. the DFSP conversion rows), its evidence, the
/// category it may show in its §0.3 setting, and its words.
public struct PerioperativeOptionRow: Sendable, Equatable {
    public struct Category: Sendable, Equatable {
        public var claim: CategoryClaim
        public var setting: PerioperativeCategorySetting
        /// REND-CATEGORY's note outside the setting.
        public var note: String
    }

    public var ruleId: String
    public var modality: PerioperativeModalityV2
    public var variant: String?
    public var evidenceType: EvidenceType
    public var evidenceYear: Int?
    public var sources: [String]
    public var category: Category?
    public var rationale: String
    public var evidence: [String]

    static func load(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError) -> PerioperativeOptionRow {
        var reader = try node.object()
        let ruleId = try reader.required("ruleId").ruleIdentifier()
        let modality = try reader.required("modality").code(PerioperativeModalityV2.self, "a perioperative modality")
        let variant = try reader.nullable("variant")?.snakeCode()
        let evidenceType = try reader.required("evidenceType").code(EvidenceType.self, "an evidence type")
        let evidenceYear = try reader.nullable("evidenceYear")?.integer()
        let sourcesNode = try reader.required("sources")
        var sources: [SourceRegister.Source] = []
        for item in try sourcesNode.nonEmptyArray() { sources.append(try register.source(item)) }
        guard sources.contains(where: \.verified) else {
            throw sourcesNode.failure("cite only unverified sources: an option needs a verified source (§0.1)")
        }
        var category: Category?
        if let categoryNode = try reader.nullable("category") {
            var categoryReader = try categoryNode.object()
            let claim = try CategoryClaim.load(from: &categoryReader, register: register)
            let setting = try categoryReader.required("setting").code(
                PerioperativeCategorySetting.self, "a category setting")
            let note = try categoryReader.string("note")
            try categoryReader.finish()
            category = Category(claim: claim, setting: setting, note: note)
        }
        let rationale = try reader.string("rationale")
        let evidence = try reader.required("evidence").strings()
        try reader.finish()
        return PerioperativeOptionRow(
            ruleId: ruleId, modality: modality, variant: variant, evidenceType: evidenceType,
            evidenceYear: evidenceYear,
            sources: sources.map(\.id), category: category, rationale: rationale, evidence: evidence)
    }
}
