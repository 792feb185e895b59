/// Biopsy and margins of pack 2026.12-1 (clinical rules §5) with the precedence of D14 v2: at
/// the retroperitoneum MARGIN-RP-EN-BLOC alone; DFSP at extremity, trunk or head and neck
/// MARGIN-DFSP-PDEMA; elsewhere the widest applicable numeric rule, every applying rule named,
/// the 1 cm default only when no specific rule applies.
public enum MarginEvaluatorV2 {
    /// Pathways on which a re-excision can be planned (MARGIN-REEXCISION).
    static let reExcisionPathways: Set<CasePathway> = [
        .localizedResectable, .regionalNodal, .localRecurrence, .oligometastatic,
    ]
    /// Pathways on which amputation may be considered (MARGIN-AMPUTATION, v1 D13 v2).
    static let amputationPathways: Set<CasePathway> = [
        .localizedResectable, .regionalNodal, .localRecurrence, .conversion,
    ]
    static let wdls = "well_differentiated_liposarcoma"

    public static func evaluate(_ facts: CaseFactsV2) -> MarginSectionV2 {
        let table = facts.pack.margins
        var warnings: [PlanWarning] = []
        let (winner, others) = marginRules(facts, warnings: &warnings)
        let plan = table.plan(winner)
        var recommendations: [RecommendationV2] = []
        var words = table.book[winner].rationale
        if facts.histology.code == "angiosarcoma", winner == "MARGIN-INFILTRATIVE-2CM" {
            words += " Angiosarcoma is often multifocal: far wider margins are often needed and wide-field RT is usual."
        }
        if !others.isEmpty {
            // D14 v2: the widest numeric rule wins, except for DFSP, where Mohs/PDEMA is the plan
            // and the 2 cm rule is its wide-excision alternative.
            let how =
                winner == "MARGIN-DFSP-PDEMA"
                ? "its 2 cm margin is the wide-excision alternative" : "the widest margin is planned"
            words += " Also applying: \(others.joined(separator: ", ")); \(how)."
        }
        if facts.site == .retroperitoneum {
            words += " The centimetre margin rules are not applied at the retroperitoneum."
        }
        recommendations.append(table.book[winner].recommendation(also: others, rationale: words))

        let excisional: String
        let avoidAbove = table.excisionalAvoidAboveCm
        if let size = facts.sizeCm {
            excisional = size > avoidAbove ? "avoid" : "not_excluded"
        } else {
            excisional = "avoid"
            warnings.append(
                PlanWarning(
                    code: "size_unknown",
                    message: "Tumour size not given: excisional biopsy is advised against as for a lesion above 3 cm."))
        }
        recommendations.append(table.book["BIOPSY-CORE"].recommendation())
        recommendations.append(table.book["BIOPSY-NO-EXCISIONAL"].recommendation())
        let slnb = sentinelNode(facts)
        if slnb == .consider { recommendations.append(table.book["BIOPSY-SLNB"].recommendation()) }

        let reExcision = reExcision(facts, warnings: &warnings)
        if reExcision != .notApplicable {
            let text =
                reExcision == .advised
                ? "Unplanned excision with a positive, close or unreported margin: re-excision advised."
                : "Unplanned excision with a margin above 1 cm: re-excision is for the MDT to decide."
            recommendations.append(table.book["MARGIN-REEXCISION"].recommendation(rationale: text))
        }
        let (amputation, amputationWhy) = amputation(facts, warnings: &warnings)
        if facts.site == .extremity {
            recommendations.append(
                table.book["MARGIN-AMPUTATION"].recommendation(
                    rationale: "\(amputationWhy): \(amputation.rawValue). " + table.book["MARGIN-AMPUTATION"].rationale)
            )
        }
        let context = MarginContext(facts.casePathway)
        recommendations.append(table.book["MARGIN-CONTEXT"].recommendation(rationale: context.sentence))
        recommendations.append(table.book["MARGIN-MDT"].recommendation())

        warnings += facts.grade.warnings.filter { $0.code == "histology_grade_conflict" }
        warnings += facts.defaultWarnings + facts.pathway.warnings.filter { marginWarningCodes.contains($0.code) }
        var section = MarginSectionV2(
            plan: plan, marginRuleIds: [winner] + others, context: context, reExcision: reExcision,
            amputation: amputation, excisionalBiopsy: excisional, sentinelNodeBiopsy: slnb,
            recommendations: recommendations, warnings: warnings)
        section.trace = trace(facts, section: section)
        return section
    }

    /// Scope and pathway warnings the margins answer carries (delta §6).
    static let marginWarningCodes: Set<String> = [
        "pediatric_protocol_scope", "adolescent_patient", "conversion_feasibility_defaulted", "resectable_defaulted",
    ]

    /// The winning margin rule and the others that applied (D14 v2).
    static func marginRules(_ facts: CaseFactsV2, warnings: inout [PlanWarning]) -> (String, [String]) {
        if facts.site == .retroperitoneum {
            if facts.isDFSP { warnings.append(siteUnusual("the retroperitoneum")) }
            return ("MARGIN-RP-EN-BLOC", [])
        }
        if facts.isDFSP, facts.site != .visceral {
            return ("MARGIN-DFSP-PDEMA", ["MARGIN-INFILTRATIVE-2CM"])
        }
        var applying: [(id: String, cm: Int)] = []
        let infiltrative =
            facts.histology.infiltrativeRuleId != nil || facts.tumorCase.tumor.infiltrativeBorders == true
        if infiltrative {
            if facts.isDFSP { warnings.append(siteUnusual("a visceral site")) }
            applying.append(("MARGIN-INFILTRATIVE-2CM", 2))
        }
        if facts.histology.code == wdls, facts.site == .extremity, facts.planningGrade == .g1 {
            applying.append(("MARGIN-ALT-MINIMAL", 0))
        }
        guard let widest = applying.max(by: { $0.cm < $1.cm }) else {
            if !facts.histology.isGiven, facts.tumorCase.tumor.infiltrativeBorders != true {
                warnings.append(
                    PlanWarning(
                        code: "histology_unknown",
                        message: "Histology not given: the default 1 cm margin is planned; subtypes with infiltrative "
                            + "borders (myxofibrosarcoma, angiosarcoma, DFSP) would need more."))
            }
            return ("MARGIN-WIDE-1CM", [])
        }
        return (widest.id, applying.map(\.id).filter { $0 != widest.id })
    }

    private static func siteUnusual(_ site: String) -> PlanWarning {
        PlanWarning(
            code: "histology_site_unusual",
            message: "dermatofibrosarcoma protuberans at \(site) is unusual: check the histology and the site")
    }

    /// BIOPSY-SLNB: nodal-risk histology, N0 (stated or defaulted), M0, not RP or visceral.
    static func sentinelNode(_ facts: CaseFactsV2) -> MarginSectionV2.SentinelNodeBiopsy {
        let siteQualifies = facts.site != .retroperitoneum && facts.site != .visceral
        return facts.histology.nodalRisk && !facts.nodal && !facts.metastatic && siteQualifies
            ? .consider : .notIndicated
    }

    /// MARGIN-REEXCISION with the one closeness predicate (§5, M9).
    static func reExcision(_ facts: CaseFactsV2, warnings: inout [PlanWarning]) -> ReExcisionAdvice {
        guard let resection = facts.resection, resection.isUnplanned,
            reExcisionPathways.contains(facts.casePathway)
        else { return .notApplicable }
        if facts.casePathway == .oligometastatic, facts.inputs.localDisease == .absent { return .notApplicable }
        if resection.closeness == .unknown { warnings.append(marginNotGiven) }
        return resection.treatedCloseness(site: facts.site) == .clear ? .mdt : .advised
    }

    static let marginNotGiven = PlanWarning(
        code: "resection_margin_not_given",
        message: "Prior resection without a margin status or distance: treated as close (positive at the "
            + "retroperitoneum), pack policy R22")

    /// MARGIN-AMPUTATION (v1 D13 v2): consider only for M0, limb sparing stated impossible, on
    /// the local pathways and conversion; never for M1.
    static func amputation(_ facts: CaseFactsV2, warnings: inout [PlanWarning]) -> (AmputationAdvice, String) {
        let limbSparing = facts.tumorCase.disease?.limbSparingPossible
        guard facts.site == .extremity else {
            if limbSparing != nil {
                warnings.append(
                    PlanWarning(
                        code: "field_not_applicable",
                        message: "limbSparingPossible does not apply to site \(facts.site.rawValue): ignored."))
            }
            return (.notIndicated, "not an extremity tumour")
        }
        if facts.metastatic { return (.notIndicated, "M1: amputation is never suggested for metastatic disease") }
        switch limbSparing {
        case true?: return (.notIndicated, "a limb-sparing resection is possible")
        case nil: return (.notIndicated, "limb-sparing possibility not stated")
        case false?:
            guard amputationPathways.contains(facts.casePathway) else {
                return (.notIndicated, "not a local-treatment pathway")
            }
            return (.considerIfNoLimbSparingOption, "M0 and no limb-sparing resection possible")
        }
    }
}
