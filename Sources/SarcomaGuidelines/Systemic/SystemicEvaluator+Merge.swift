/// §8.8: one option or one not-recommended entry per agent, the preferred flags with their
/// overrides, and the rank order; plus the fixed options (§8.2 step 10, §8.7, §3.4).
extension SystemicEvaluator {
    struct Merged {
        var options: [SystemicOption]
        var withheld: [WithheldAgent]
    }

    private struct Draft {
        var option: SystemicOption
        var rows: [RowOutcome]
        /// Sort bucket (§8.8 keys 1-7); preferred disease-directed rows get theirs after the overrides.
        var fixedBucket: Int?
        var firstRow: Int
    }

    func merge(_ evaluation: RowEvaluation, facts: SystemicFacts) -> Merged {
        var agents: [TherapyAgent] = []
        for outcome in evaluation.outcomes where !agents.contains(outcome.row.agent) {
            agents.append(outcome.row.agent)
        }
        var drafts: [Draft] = []
        var withheld: [(first: Int, item: WithheldAgent)] = []
        for agent in agents {
            let rows = evaluation.outcomes.filter { $0.row.agent == agent }
            let listed = rows.filter(\.listed)
            if listed.isEmpty {
                withheld.append((rows[0].row.number, withheldItem(agent, rows)))
            } else {
                drafts.append(
                    Draft(
                        option: option(agent, listed, facts), rows: listed, fixedBucket: nil,
                        firstRow: listed.map(\.row.number).min() ?? 0))
            }
        }
        applyOverrides(&drafts, facts: facts)
        addFixedOptions(&drafts, facts: facts)
        drafts.sort { sortKey($0).lexicographicallyPrecedes(sortKey($1)) }
        var options = drafts.map(\.option)
        for index in options.indices { options[index].rank = index + 1 }
        return Merged(options: options, withheld: withheld.sorted { $0.first < $1.first }.map(\.item))
    }

    /// Merge of an agent's listed rows (M5).
    private func option(_ agent: TherapyAgent, _ rows: [RowOutcome], _ facts: SystemicFacts) -> SystemicOption {
        let histology = facts.histology
        let lead =
            rows.first { $0.row.rankGroup(for: histology) == .biomarker }
            ?? rows.first { $0.row.rankGroup(for: histology) == .histology } ?? rows[0]
        var ruleIds = [lead.row.ruleId]
        for outcome in rows where !ruleIds.contains(outcome.row.ruleId) { ruleIds.append(outcome.row.ruleId) }
        // Category from a row whose §0.3 setting covers the case: the highest, stated before defaulted.
        let settings = rows.compactMap { outcome in
            outcome.row.categorySetting(facts.lineContext, pathway: facts.input.pathway).map { (outcome.row, $0) }
        }
        let covering = settings.min { lhs, rhs in
            let left = (lhs.1.category(for: histology), lhs.1.defaulted ? 1 : 0)
            let right = (rhs.1.category(for: histology), rhs.1.defaulted ? 1 : 0)
            return left.0 != right.0 ? left.0 > right.0 : left.1 < right.1
        }
        let strongest =
            rows.min { lhs, rhs in
                (lhs.row.evidenceType?.rank ?? Int.max, lhs.row.number) < (
                    rhs.row.evidenceType?.rank ?? Int.max, rhs.row.number
                )
            } ?? lead
        let category = covering.map { $0.1.category(for: histology) }
        let preferred = rows.contains { isPreferred($0.row, facts) }
        let display = categoryDisplay(
            category: category, setting: covering?.1, rows: rows.map(\.row),
            evidence: strongest.row.evidenceType, year: strongest.row.evidenceYear, facts: facts)
        var evidence: [String] = []
        for outcome in rows {
            for sentence in outcome.row.evidence where !evidence.contains(sentence) { evidence.append(sentence) }
        }
        return SystemicOption(
            agent: agent, ruleId: lead.row.ruleId, ruleIds: ruleIds, nccnCategory: category,
            categoryDefaulted: covering?.1.defaulted ?? false, categoryBasis: covering?.1.basis ?? .none,
            categorySource: covering?.1.sourceText, evidenceType: strongest.row.evidenceType,
            evidenceYear: strongest.row.evidenceYear, categoryDisplay: display, preferred: preferred, rank: 0,
            rankGroup: lead.row.rankGroup(for: histology), intent: facts.input.pathway.intent, route: lead.row.route,
            qualifyingBiomarker: lead.row.biomarker?.qualifyingBiomarker(facts.input.biomarkers),
            labelMinAgeYears: lead.row.labelMinAgeYears, rationale: lead.row.rationale, source: lead.row.source,
            evidence: evidence)
    }

    /// The "preferred when" column (§8.3), before the overrides.
    private func isPreferred(_ row: SystemicRow, _ facts: SystemicFacts) -> Bool {
        let when = row.preferredWhen
        if let condition = when.histology, !condition.holds(for: facts.histology) { return false }
        let progressed = Set(facts.input.progressedOnAgents)
        if when.notAfterProgressionOn.contains(where: progressed.contains) { return false }
        switch when.kind {
        case .never, .bestSupportiveCare, .pediatricScope: return false
        case .always: return true
        case .lineFirst: return facts.lineContext == .first
        case .afterProgressionOn: return when.agents.contains(where: progressed.contains)
        }
    }

    /// §8.8 overrides: ECOG 3 retained rows, off-label age, FA anthracyclines, and M7.
    private func applyOverrides(_ drafts: inout [Draft], facts: SystemicFacts) {
        let categoryOne = drafts.contains { $0.option.nccnCategory == .one }
        let histologyStandard = drafts.contains { $0.rows.contains { $0.row.displacesAgnostic } }
        for index in drafts.indices {
            let draft = drafts[index]
            var preferred = draft.option.preferred
            if facts.ecog == 3 { preferred = false }
            if draft.rows.contains(where: \.offLabelAge) { preferred = false }
            if facts.lineContext == .firstAfterPerioperativeAnthracycline
                && table.sets.anthracycline.contains(draft.option.agent)
            {
                preferred = false
            }
            let leadAgnostic = draft.rows.first { $0.row.ruleId == draft.option.ruleId }?.row.tumourAgnostic ?? false
            if leadAgnostic && (categoryOne || histologyStandard) { preferred = false }
            drafts[index].option.preferred = preferred
        }
    }

    /// Best supportive care (palliative answers), the pediatric referral, and the trial when listed.
    private func addFixedOptions(_ drafts: inout [Draft], facts: SystemicFacts) {
        let input = facts.input
        if let trialIndex = drafts.firstIndex(where: { $0.option.agent == .clinicalTrial }) {
            drafts[trialIndex].fixedBucket = 5
            drafts[trialIndex].option.rankGroup = nil
        }
        let age = input.ageYears
        let adolescent = input.scope != .pediatricProtocol && age.map { (12...17).contains($0) } == true
        if input.scope == .pediatricProtocol || adolescent, let row = table.row(fixed: .pediatricProtocolReferral) {
            var option = fixedOption(row, facts)
            option.preferred = input.scope == .pediatricProtocol
            drafts.append(
                Draft(
                    option: option, rows: [], fixedBucket: input.scope == .pediatricProtocol ? 0 : 4,
                    firstRow: row.number))
        }
        if input.pathway.isPalliative, let row = table.row(fixed: .bestSupportiveCare) {
            var option = fixedOption(row, facts)
            let onBSCPathway = input.pathway == .bestSupportiveCare
            // On `advanced`: preferred only without a disease-directed option; the pediatric referral counts as one (SY3).
            let diseaseDirected = drafts.contains { $0.option.agent != .clinicalTrial }
            option.preferred = onBSCPathway || !diseaseDirected
            drafts.append(Draft(option: option, rows: [], fixedBucket: onBSCPathway ? 1 : 6, firstRow: row.number))
        }
    }

    private func fixedOption(_ row: SystemicRow, _ facts: SystemicFacts) -> SystemicOption {
        SystemicOption(
            agent: row.agent, ruleId: adolescentRuleId(row, facts), ruleIds: [adolescentRuleId(row, facts)],
            nccnCategory: nil,
            categoryDefaulted: false, categoryBasis: .none, categorySource: nil, evidenceType: row.evidenceType,
            evidenceYear: row.evidenceYear,
            categoryDisplay: categoryDisplay(
                category: nil, setting: nil, rows: [row], evidence: row.evidenceType,
                year: row.evidenceYear, facts: facts),
            preferred: false, rank: 0, rankGroup: nil, intent: facts.input.pathway.intent, route: row.route,
            qualifyingBiomarker: nil, labelMinAgeYears: nil, rationale: row.rationale, source: row.source,
            evidence: row.evidence)
    }

    /// The referral is SCOPE-ADOLESCENT outside the pediatric scope (§8.3 row 42).
    private func adolescentRuleId(_ row: SystemicRow, _ facts: SystemicFacts) -> String {
        row.agent == .pediatricProtocolReferral && facts.input.scope != .pediatricProtocol
            ? "SCOPE-ADOLESCENT" : row.ruleId
    }

    private func sortKey(_ draft: Draft) -> [Int] {
        let option = draft.option
        let bucket = draft.fixedBucket ?? (option.preferred ? 2 : 3)
        let group: Int
        switch (bucket, option.rankGroup) {
        case (2, .biomarker?): group = 0
        case (2, .histology?): group = 1
        default: group = 2
        }
        let category: Int
        switch option.nccnCategory {
        case .one?: category = 0
        case .twoA?: category = 1
        case .twoB?: category = 2
        case nil: category = 3
        }
        return [bucket, group, category, option.evidenceType?.rank ?? EvidenceType.allCases.count, draft.firstRow]
    }

    /// One not-recommended entry for an agent whose candidate rows were all withheld.
    private func withheldItem(_ agent: TherapyAgent, _ rows: [RowOutcome]) -> WithheldAgent {
        var reasons: [RowOutcome.Reason] = []
        for outcome in rows { reasons.append(contentsOf: outcome.reasons) }
        reasons = reasons.enumerated().sorted { ($0.element.code.step, $0.offset) < ($1.element.code.step, $1.offset) }
            .map(\.element)
        var codes: [WithholdingReason] = []
        var ruleIds: [String] = []
        for reason in reasons {
            if !codes.contains(reason.code) { codes.append(reason.code) }
            if !ruleIds.contains(reason.ruleId) { ruleIds.append(reason.ruleId) }
        }
        for outcome in rows where !ruleIds.contains(outcome.row.ruleId) { ruleIds.append(outcome.row.ruleId) }
        let first = reasons[0]
        return WithheldAgent(
            agent: agent, reason: first.text, reasonCode: first.code, otherReasonCodes: Array(codes.dropFirst()),
            ruleId: first.ruleId, ruleIds: ruleIds, rationale: rows[0].row.rationale,
            source: rows[0].row.source, evidence: rows[0].row.evidence)
    }
}
