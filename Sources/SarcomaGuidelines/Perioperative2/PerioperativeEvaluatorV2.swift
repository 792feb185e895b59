/// Local and perioperative therapy of pack 2026.12-1 (clinical rules §7), per the case's
/// pathway (`PathwayDecider`): the §7.0 common rules in their order (scope, categories, after
/// a resection, withholding, highRisk), then the pathway tables §7.1-§7.6. The systemic
/// options of the conversion and oligometastatic pathways come from `SystemicEvaluator`.
public enum PerioperativeEvaluatorV2 {
    /// PERIOP-LARGE-HIGHGRADE: strictly above 8 cm (§0.2).
    static let highRiskAboveCm = 8.0
    static let nonPrimaryNote = "the pack's sources give no category for this pathway"

    /// The pathways whose answer is local therapy (§3.4: the referral replaces their options).
    static let localPathways: Set<CasePathway> = [
        .localizedResectable, .regionalNodal, .localRecurrence, .conversion, .oligometastatic,
    ]

    public static func evaluate(_ facts: CaseFactsV2) throws(SystemicInputError) -> PerioperativeSectionV2 {
        let table = facts.pack.perioperative
        var warnings: [PlanWarning] = []
        var reason: String?
        var candidates: [PerioperativeCandidate] = []
        let pathway = facts.casePathway

        // 7.0 rule 1: scope.
        if facts.scope == .pediatricProtocol, localPathways.contains(pathway) {
            candidates = [PerioperativeCandidate(table.row("SCOPE-PEDIATRIC", .pediatricProtocolReferral))]
            reason = "Pediatric-protocol scope: referral; pediatric protocols govern local and systemic treatment."
        } else {
            switch pathway {
            case .localizedResectable:
                candidates = primaryOptions(
                    facts, group: facts.planningStageGroup, reason: &reason, warnings: &warnings)
            case .regionalNodal:
                candidates = nodalOptions(facts, appliesTo: true)
                candidates = afterResection(
                    candidates, facts: facts, producers: [], reason: &reason, warnings: &warnings)
            case .localRecurrence:
                candidates = primaryOptions(
                    facts, group: facts.planningStageGroup, reason: &reason, warnings: &warnings
                )
                .map { $0.wrapped(in: "PERIOP-LOCAL-RECURRENCE", appliesTo: nil) }
            case .conversion:
                candidates = conversionOptions(facts, table: table)
                reason = table.book["PERIOP-CONVERSION"].rationale
            case .oligometastatic:
                candidates = oligometastaticOptions(facts, table: table, reason: &reason, warnings: &warnings)
            case .advanced:
                reason =
                    facts.metastatic
                    ? "Metastatic disease: no perioperative options; see the palliative answer (local treatment of symptomatic sites is for the MDT)."
                    : "Unresectable disease declared not convertible: no perioperative options; see the palliative answer."
            case .bestSupportiveCare:
                reason = "Best supportive care: no perioperative options; see the palliative answer."
            }
            if facts.pathway.ruleIds.contains("SCOPE-ADOLESCENT"), localPathways.contains(pathway) {
                candidates.append(PerioperativeCandidate(table.row("SCOPE-ADOLESCENT", .pediatricProtocolReferral)))
            }
        }

        var systemic: SystemicAnswer?
        if pathway == .conversion || pathway == .oligometastatic, let systemicPathway = pathway.systemicPathway {
            systemic = try SystemicEvaluator(table: facts.pack.systemic).evaluate(
                systemicCase(facts, pathway: systemicPathway))
        }

        // 7.0 rule 4: withholding.
        let (listed, withheld) = withhold(
            candidates, facts: facts, table: table, systemicListsNothing: systemic?.options.isEmpty == true,
            warnings: &warnings)
        if listed.isEmpty, reason == nil, !candidates.isEmpty {
            reason = "Every perioperative option is withheld for this patient: see notRecommended."
        }
        var options: [PerioperativeOptionV2] = []
        for candidate in listed {
            options.append(option(candidate, facts: facts, rank: options.count + 1))
        }

        // 7.0 rule 5: highRisk.
        var recommendations: [RecommendationV2] = []
        let highRisk = isHighRisk(facts)
        if highRisk {
            if !facts.planningGrade.isHigh {
                warnings.append(
                    PlanWarning(
                        code: "grade_unknown_treated_high",
                        message: "Grade not given or not applicable: treated as high grade for PERIOP-LARGE-HIGHGRADE "
                            + "(the conservative choice); no category is shown."))
            }
            let covered = table.highRisk.setting.covers(facts)
            let claim = covered ? table.highRisk.claim : nil
            recommendations.append(
                RecommendationV2(
                    ruleId: table.highRiskRule.ruleId, ruleIds: [table.highRiskRule.ruleId], category: claim,
                    categoryDisplay: display(
                        claim: claim, note: covered ? nil : note(table.highRisk.note, facts: facts), evidence: nil,
                        year: nil),
                    rationale: table.highRiskRule.rationale, source: table.highRiskRule.sourceText,
                    evidence: table.highRiskRule.evidence))
        }

        warnings += facts.grade.warnings.filter { perioperativeGradeCodes.contains($0.code) }
        warnings += facts.defaultWarnings + facts.pathway.warnings
        if options.contains(where: { $0.modality.isChemotherapy })
            || withheld.contains(where: { $0.modality.isChemotherapy }),
            facts.tumorCase.patient?.ivTherapyEligible == nil
        {
            warnings.append(
                PlanWarning(
                    code: "iv_therapy_eligible_defaulted",
                    message: "ivTherapyEligible not given: assumed eligible for IV therapy."))
        }
        if let systemic { warnings = warnings.map(systemic.namingLeftOut) }
        let systemicWarnings = (systemic?.warnings ?? []).map { PlanWarning(code: $0.code, message: $0.message) }
        warnings = PlanWarning.merged(warnings, systemicWarnings)
        var section = PerioperativeSectionV2(
            scope: facts.scope, pathway: pathway, stageGroup: facts.isDFSP ? nil : facts.ajccStageGroup,
            planningStageGroup: facts.planningStageGroup, planningGrade: facts.planningGrade, options: options,
            notRecommended: withheld, highRisk: highRisk, reason: reason, recommendations: recommendations,
            systemic: systemic, warnings: warnings)
        section.trace = trace(facts, section: section)
        return section
    }

    /// Grade warnings the perioperative answer carries (delta §6).
    static let perioperativeGradeCodes: Set<String> = [
        "histology_grade_conflict", "histology_grade_unusual", "grade_inferred_from_histology", "grade_not_applicable",
    ]

    /// PERIOP-LARGE-HIGHGRADE (D19 v2).
    static func isHighRisk(_ facts: CaseFactsV2) -> Bool {
        guard facts.site == .extremity, let size = facts.sizeCm, size > highRiskAboveCm else { return false }
        guard !facts.nodal, !facts.metastatic else { return false }
        guard facts.casePathway == .localizedResectable || facts.casePathway == .localRecurrence else { return false }
        return facts.countsHigh
    }
}
