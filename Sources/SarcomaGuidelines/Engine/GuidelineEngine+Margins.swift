/// Biopsy and margin planning (rules BIOPSY-CORE, BIOPSY-NO-EXCISIONAL, MARGIN-*).
extension GuidelineEngine {
    func planMargins(_ facts: CaseFacts, _ log: inout EvaluationLog) -> MarginPlan {
        let table = pack.margins
        var recommendations: [Recommendation] = []

        // MARGIN-INFILTRATIVE-2CM, MARGIN-ALT-MINIMAL, else MARGIN-WIDE-1CM; the widest wins.
        let applying = table.specificRules.filter { marginRuleApplies($0, facts, &log) }
        let winner = applying.max { $0.marginCm < $1.marginCm } ?? table.defaultRule
        let others = applying.filter { $0.ruleID != winner.ruleID }
        if applying.isEmpty {
            log.applied(
                table.defaultRule.ruleID,
                "no specific margin rule applies;"
                    + " wide en bloc resection with a 1 cm margin.")
            if facts.histology == nil, facts.tumor.infiltrativeBorders != true {
                log.warn(
                    .histologyUnknown,
                    "Histology not given: the default 1 cm margin is planned; subtypes with"
                        + " infiltrative borders (DFSP, myxofibrosarcoma) would need 2 cm.")
            }
        } else {
            log.notApplied(
                table.defaultRule.ruleID,
                ""
                    + "\(applying.map(\.ruleID.rawValue).joined(separator: " and ")) applies instead.")
        }
        var text = winner.text
        if !others.isEmpty {
            let rules = [winner] + others
            text = GuidanceText(
                rationale: text.rationale
                    + " \(table.bothRulesNote) (\(rules.map(\.ruleID.rawValue).joined(separator: ", ")))",
                evidence: Evidence(rules.flatMap(\.text.evidence.sentences)))
        }
        recommendations.append(Recommendation.citing(winner.ruleID, also: others.map(\.ruleID), text: text, pack: pack))

        let biopsy = planBiopsy(facts, &log)
        recommendations += biopsy.recommendations
        let (amputation, amputationRecommendation) = planAmputation(facts, &log)
        if let amputationRecommendation { recommendations.append(amputationRecommendation) }

        // MARGIN-MDT: always.
        log.applied(
            table.mdtRuleID, "every patient is evaluated by an experienced multidisciplinary team before treatment.")
        recommendations.append(Recommendation.citing(table.mdtRuleID, text: table.mdtText, pack: pack))

        return MarginPlan(
            marginCm: winner.marginCm, strategy: winner.strategy, marginRules: [winner.ruleID] + others.map(\.ruleID),
            amputation: amputation, biopsyMethod: table.biopsy.method,
            alternativeBiopsyMethod: table.biopsy.alternativeMethod,
            excisionalBiopsyAdvised: false, excisionalBiopsy: biopsy.excisional, recommendations: recommendations)
    }

    private func marginRuleApplies(_ rule: MarginRule, _ facts: CaseFacts, _ log: inout EvaluationLog) -> Bool {
        let byHistology = facts.histology.map(rule.histologies.contains) ?? false
        let byBorders = rule.appliesToInfiltrativeBorders && facts.tumor.infiltrativeBorders == true
        guard byHistology || byBorders else {
            let histology = facts.histology.map { "histology \($0.rawValue)" } ?? "histology not given"
            let subtypes = rule.histologies.map(\.rawValue).sorted().joined(separator: ", ")
            log.notApplied(
                rule.ruleID,
                "\(histology), not \(subtypes)"
                    + (rule.appliesToInfiltrativeBorders ? ", and infiltrative borders not reported." : "."))
            return false
        }
        guard rule.sites.contains(facts.site) else {
            log.notApplied(
                rule.ruleID,
                "it is for \(rule.sites.map(\.rawValue).sorted().joined(separator: ", "))"
                    + " tumours, not \(facts.site.rawValue); the default margin applies there.")
            return false
        }
        let why = byHistology ? "histology \(facts.histology?.rawValue ?? "")" : "infiltrative borders reported"
        log.applied(
            rule.ruleID, "\(why) -> \(rule.strategy.rawValue), \(ThresholdScale<Int>.format(rule.marginCm)) cm margin.")
        return true
    }

    private func planBiopsy(_ facts: CaseFacts, _ log: inout EvaluationLog) -> (
        excisional: String, recommendations: [Recommendation]
    ) {
        let biopsy = pack.margins.biopsy
        log.applied(
            biopsy.ruleID,
            "core-needle biopsy (incisional as the alternative), track placed within the future resection.")
        let core = Recommendation.citing(biopsy.ruleID, text: biopsy.text, pack: pack)
        let threshold = ThresholdScale<Int>.format(biopsy.excisionalAvoidAboveCm)
        let excisional: String
        let text: GuidanceText
        switch facts.sizeCm {
        case let size? where size > biopsy.excisionalAvoidAboveCm:
            (excisional, text) = ("avoid", biopsy.avoidText)
            log.applied(
                biopsy.noExcisionalRuleID, "\(facts.sizeText) is above \(threshold) cm: avoid excisional biopsy.")
        case _?:
            (excisional, text) = ("not_excluded", biopsy.notExcludedText)
            log.applied(
                biopsy.noExcisionalRuleID,
                "\(facts.sizeText) is \(threshold) cm or less: excisional biopsy not excluded.")
        case nil:
            (excisional, text) = ("avoid", biopsy.unknownSizeText)
            log.applied(
                biopsy.noExcisionalRuleID, "size not given, treated as above \(threshold) cm: avoid excisional biopsy.")
            log.warn(
                .sizeUnknown,
                "Tumour size not given: excisional biopsy is advised against as for a lesion above \(threshold) cm.")
        }
        return (excisional, [core, Recommendation.citing(biopsy.noExcisionalRuleID, text: text, pack: pack)])
    }

    /// MARGIN-AMPUTATION: only for an M0 extremity tumour stated to have no limb-sparing option.
    private func planAmputation(_ facts: CaseFacts, _ log: inout EvaluationLog) -> (AmputationAdvice, Recommendation?) {
        let rule = pack.margins.amputation
        let limbSparing = facts.tumorCase.disease?.limbSparingPossible
        guard rule.sites.contains(facts.site) else {
            if limbSparing != nil {
                log.warn(
                    .fieldNotApplicable, "limbSparingPossible does not apply to site \(facts.site.rawValue): ignored.")
            }
            log.notApplied(rule.ruleID, "site \(facts.site.rawValue) is not a limb.")
            return (.notIndicated, nil)
        }
        let advice: AmputationAdvice
        let text: GuidanceText
        let reason: String
        if facts.tumor.metastasis == .m1 {
            (advice, text, reason) = (
                .notIndicated, rule.metastaticText, "M1: amputation is never suggested for metastatic disease"
            )
        } else if limbSparing == true {
            (advice, text, reason) = (.notIndicated, rule.limbSparingText, "a limb-sparing resection is possible")
        } else if limbSparing == nil {
            (advice, text, reason) = (.notIndicated, rule.limbSparingUnknownText, "limb-sparing possibility not stated")
        } else if facts.metastasis(&log) == .m0 {
            (advice, text, reason) = (
                .considerIfNoLimbSparingOption, rule.considerText, "M0 and no limb-sparing resection possible"
            )
        } else {
            (advice, text, reason) = (
                .notIndicated, rule.metastaticText, "M1: amputation is never suggested for metastatic disease"
            )
        }
        log.applied(rule.ruleID, "\(reason) -> \(advice.rawValue).")
        return (advice, Recommendation.citing(rule.ruleID, text: text, pack: pack))
    }
}
