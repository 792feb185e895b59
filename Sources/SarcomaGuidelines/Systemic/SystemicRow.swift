/// One row of the §8.3 option table (`systemic.json`, `rows`), in table order. The row says
/// when it is a candidate (line contexts, histology, biomarker), how it is shown (route,
/// category settings, evidence, rank group, preferred-when, label age) and which row warnings
/// it brings. What withholds it lives in the withholding table and the step reasons.
public struct SystemicRow: Sendable {
    /// A line-context condition beyond the context itself.
    public enum LineRequirement: String, Sendable, VocabularyCode, CaseIterable {
        /// Line S only when `priorAnthracycline == false` is stated.
        case anthracyclineNaive = "anthracycline_naive"
        /// First line only for a patient who is not an anthracycline candidate.
        case notAnthracyclineCandidate = "not_anthracycline_candidate"
        /// Pazopanib first line: IV-ineligible or not an anthracycline candidate.
        case ivIneligibleOrNotAnthracyclineCandidate = "iv_ineligible_or_not_anthracycline_candidate"
    }

    /// A warning the row brings when its trigger holds.
    public struct RowWarning: Sendable, Equatable {
        public enum Trigger: String, Sendable, VocabularyCode, CaseIterable {
            /// Listed at `ageYears > 60` (EORTC 62012 enrolled 18-60).
            case ageOver60 = "age_over_60"
            /// Listed in line S with `priorAnthracycline` not true (v1 D22).
            case subsequentWithoutPriorAnthracycline = "subsequent_without_prior_anthracycline"
            /// Listed at all.
            case listed
            /// Listed with `ageYears == 0`.
            case ageZero = "age_zero"
        }
        public var code: String
        public var trigger: Trigger
    }

    public var number: Int
    public var agent: TherapyAgent
    public var ruleId: String
    /// Clinical trial, best supportive care, the pediatric referral: never candidates of step 2.
    public var isFixed: Bool
    public var lines: [LineContext: LineRequirement?]
    public var route: TherapyRoute
    public var histology: HistologyCondition?
    public var biomarker: BiomarkerRequirement?
    /// Trial fitness (§8.2 step 9, R10).
    public var needsECOGAtMostOne: Bool
    public var categories: [CategorySetting]
    /// The REND-CATEGORY note when this case is outside the row's §0.3 setting.
    public var categoryNote: String?
    /// Rows 11 and 13: the note shows in every answer.
    public var categoryNoteAlways: Bool
    public var evidenceType: EvidenceType?
    public var evidenceYear: Int?
    public var evidenceSources: [String]
    public var rankGroup: RankGroup
    public var rankGroupHistology: (condition: HistologyCondition, group: RankGroup)?
    public var preferredWhen: PreferredWhen
    public var labelMinAgeYears: Int?
    public var labelDate: String?
    public var warnings: [RowWarning]
    /// Kept (not preferred) at ECOG 3: oral targeted agents with high, rapid responses (R8).
    public var retainedAtECOG3: Bool
    /// Below the label age the row is withheld (`below_label_age`), not listed off-label:
    /// a cell therapy (PALL-LABEL-AGE, R25).
    public var withheldBelowLabelAge: Bool
    /// Tumour-agnostic label rows (M7 override).
    public var tumourAgnostic: Bool
    /// FDA-approved histology-specific options that make agnostic rows non-preferred (M7).
    public var displacesAgnostic: Bool
    public var rationale: String
    public var source: String
    public var evidence: [String]

    /// The rank group for this histology.
    func rankGroup(for histology: HistologyClassRow) -> RankGroup {
        if let special = rankGroupHistology, special.condition.holds(for: histology) { return special.group }
        return rankGroup
    }

    /// The §0.3 setting covering this case, if any: palliative answers only (X1).
    func categorySetting(_ context: LineContext, pathway: SystemicPathway) -> CategorySetting? {
        guard pathway.isPalliative else { return nil }
        return categories.first { $0.lineContexts.contains(context) }
    }
}

extension SystemicRow {
    static func load(_ node: PackNode, classes: HistologyClassTable, register: SourceRegister)
        throws(GuidelinePackError) -> SystemicRow
    {
        var reader = try node.object()
        let number = try reader.required("row").integer()
        let agentNode = try reader.required("agent")
        let agent = try agentNode.code(TherapyAgent.self, "a contract-v2 agent")
        if agent == .ipilimumab { throw agentNode.failure("is investigational only: list it under investigational") }
        let ruleId = try reader.required("ruleId").ruleIdentifier()
        let fixedNode = try reader.nullable("fixed")
        let fixed = try fixedNode?.code(TherapyAgent.self, "a fixed option")
        if let fixedNode, fixed != agent || !agent.isFixedOption {
            throw fixedNode.failure(
                "names a fixed option (clinical_trial, best_supportive_care, pediatric_protocol_referral) equal to the agent"
            )
        }
        if fixed == nil && agent.isFixedOption { throw agentNode.failure("is a fixed option: set \"fixed\"") }
        var lines: [LineContext: LineRequirement?] = [:]
        for item in try reader.required("lines").nonEmptyArray() {
            var lineReader = try item.object()
            let context = try lineReader.required("context").code(LineContext.self, "a line context")
            let requirement = try lineReader.nullable("requires")?.code(LineRequirement.self, "a line requirement")
            try lineReader.finish()
            if lines[context] != nil { throw item.failure("repeats line context \(context.rawValue)") }
            lines[context] = .some(requirement)
        }
        let route = try reader.required("route").code(TherapyRoute.self, "a route")
        if route == .procedure {
            throw node.failure("has route procedure: systemic rows are oral, intravenous or none")
        }
        let histology = try reader.nullable("histology").map { node throws(GuidelinePackError) in
            try HistologyCondition.load(node, classes: classes)
        }
        let biomarker = try reader.nullable("biomarker")?.code(BiomarkerRequirement.self, "a biomarker requirement")
        let ecog = try reader.required("ecogAtMostOne").bool()
        var categories: [CategorySetting] = []
        for item in try reader.required("categories").array() {
            let setting = try CategorySetting.load(item, classes: classes, register: register)
            if categories.contains(where: { !$0.lineContexts.isDisjoint(with: setting.lineContexts) }) {
                throw item.failure("overlaps an earlier setting's line contexts")
            }
            categories.append(setting)
        }
        let note = try reader.nullable("categoryNote")?.string()
        let noteAlways = try reader.required("categoryNoteAlways").bool()
        let evidenceType = try reader.nullable("evidenceType")?.code(EvidenceType.self, "an evidence type")
        let yearNode = try reader.nullable("evidenceYear")
        let year = try yearNode?.integer()
        if let yearNode, let year, !(1950...2100).contains(year) { throw yearNode.failure("is not a plausible year") }
        var evidenceSources: [String] = []
        for item in try reader.required("evidenceSources").array() {
            evidenceSources.append(try register.source(item).id)
        }
        let rankGroupNode = try reader.required("rankGroup")
        let rankGroup = try rankGroupNode.code(RankGroup.self, "a rank group")
        if (rankGroup == .fixed) != agent.isFixedOption {
            throw rankGroupNode.failure("is \(rankGroup.rawValue): fixed options, and only they, have rank group fixed")
        }
        var special: (HistologyCondition, RankGroup)?
        if let specialNode = try reader.nullable("rankGroupHistology") {
            var specialReader = try specialNode.object()
            special = (
                try HistologyCondition.load(try specialReader.required("histology"), classes: classes),
                try specialReader.required("group").code(RankGroup.self, "a rank group")
            )
            try specialReader.finish()
        }
        let preferred = try PreferredWhen.load(try reader.required("preferredWhen"), classes: classes)
        let ageNode = try reader.nullable("labelMinAgeYears")
        let age = try ageNode?.integer()
        if let ageNode, let age, !(0...130).contains(age) { throw ageNode.failure("is not an age in years") }
        let dateNode = try reader.nullable("labelDate")
        let date = try dateNode?.string()
        if (age == nil) != (date == nil) {
            throw node.failure("states labelMinAgeYears and labelDate together (§8.3: a label age has its label date)")
        }
        var warnings: [RowWarning] = []
        for item in try reader.required("warnings").array() {
            var warningReader = try item.object()
            warnings.append(
                RowWarning(
                    code: try warningReader.required("code").snakeCode(),
                    trigger: try warningReader.required("when").code(RowWarning.Trigger.self, "a warning trigger")))
            try warningReader.finish()
        }
        let retained = try reader.required("retainedAtEcog3").bool()
        let belowAgeNode = try reader.required("withheldBelowLabelAge")
        let belowAge = try belowAgeNode.bool()
        if belowAge && age == nil { throw belowAgeNode.failure("is true for a row without a label age") }
        let agnostic = try reader.required("tumourAgnostic").bool()
        let displaces = try reader.required("displacesAgnostic").bool()
        let rationale = try reader.string("rationale")
        let source = try reader.string("source")
        let evidence = try reader.required("evidence").strings()
        try reader.finish()
        if agnostic && (biomarker == nil || histology != nil) {
            throw node.failure("is tumourAgnostic: it needs a biomarker and no histology condition")
        }
        return SystemicRow(
            number: number, agent: agent, ruleId: ruleId, isFixed: fixed != nil, lines: lines, route: route,
            histology: histology, biomarker: biomarker, needsECOGAtMostOne: ecog, categories: categories,
            categoryNote: note, categoryNoteAlways: noteAlways, evidenceType: evidenceType, evidenceYear: year,
            evidenceSources: evidenceSources, rankGroup: rankGroup, rankGroupHistology: special,
            preferredWhen: preferred,
            labelMinAgeYears: age, labelDate: date, warnings: warnings, retainedAtECOG3: retained,
            withheldBelowLabelAge: belowAge, tumourAgnostic: agnostic,
            displacesAgnostic: displaces, rationale: rationale, source: source, evidence: evidence)
    }
}
