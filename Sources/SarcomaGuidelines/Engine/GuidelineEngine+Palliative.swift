/// Palliative systemic therapy for advanced disease: the line, the options with their
/// categories, agents withheld by histology, investigational agents, and the clinical trial
/// that advanced disease always gets (rules PALL-*; decisions D03, D04, D20-D24).
extension GuidelineEngine {
    static let histologyUnknownWarning =
        "Histology not given: agents not offered for liposarcoma are withheld,"
        + " and categories that depend on the subtype take the weaker one."

    func planPalliative(_ facts: CaseFacts, _ log: inout EvaluationLog) -> PalliativePlan {
        let table = pack.palliative
        let metastatic = facts.metastasis(&log) == .m1
        // Resectability only matters without distant metastasis.
        let advanced = metastatic || !facts.resectable(&log)
        guard advanced else { return notIndicated(facts, &log) }
        log.notApplied(
            table.notIndicatedRuleID,
            "advanced disease ("
                + (metastatic ? "M1" : "not resectable") + ").")

        let line: TherapyLine = facts.priorSystemicLines(&log) == 0 ? .first : .subsequent
        var options: [TherapyOption] = []
        var withheld: [PalliativePlan.Withheld] = []
        for spec in table.options {
            guard spec.lines.contains(line) else {
                log.notApplied(
                    spec.ruleID,
                    "for the \(spec.lines.map(\.rawValue).sorted().joined(separator: "/")) line, this is the \(line.rawValue) line."
                )
                continue
            }
            // Withholding by histology comes first: a liposarcoma never gets pazopanib (D04).
            if let rule = spec.withheld {
                if let histology = facts.histology, table.classes.contains(histology, in: rule.className) {
                    log.notApplied(spec.ruleID, "\(spec.agent.rawValue) is not recommended for \(histology.rawValue).")
                    withheld.append(withheldAgent(spec.agent, spec.ruleID, reason: rule.reason))
                    continue
                }
                if facts.histology == nil {
                    log.warn(.histologyUnknown, Self.histologyUnknownWarning)
                    log.notApplied(spec.ruleID, "histology not given, liposarcoma cannot be excluded.")
                    withheld.append(withheldAgent(spec.agent, spec.ruleID, reason: table.histologyUnknownReason))
                    continue
                }
            }
            if let condition = spec.requires, let unmet = unmetCondition(condition, facts, &log) {
                log.notApplied(spec.ruleID, "\(unmet).")
                continue
            }
            options.append(palliativeOption(spec, facts, line: line, &log))
        }

        var reason: String?
        if !options.contains(where: { $0.value != SystemicAgent.clinicalTrial.rawValue }),
            let index = options.firstIndex(where: { $0.value == SystemicAgent.clinicalTrial.rawValue })
        {
            // PALL-TRIAL: where nothing else applies the trial is the option, with the reason.
            reason = table.trialOnlyReason
            options[index] = options[index].appendingToRationale(" " + table.trialOnlyReason)
        }
        let investigational = table.investigational.map { item in
            log.applied(item.ruleID, "\(item.agent.rawValue) only within a clinical trial.")
            return withheldAgent(item.agent, item.ruleID, reason: item.reason)
        }
        return PalliativePlan(
            indicated: true, line: line, options: options, notRecommended: withheld,
            investigational: investigational, reason: reason, recommendations: [])
    }

    /// PALL-NOT-LOCALIZED: no options; the nodal reading of decision D05 for N1 M0.
    private func notIndicated(_ facts: CaseFacts, _ log: inout EvaluationLog) -> PalliativePlan {
        let table = pack.palliative
        let nodal = facts.tumor.nodes == .n1
        let reason = nodal ? table.nodalNotIndicatedReason : table.notIndicatedReason
        log.applied(
            table.notIndicatedRuleID,
            "M0 and resectable"
                + (nodal ? " (regional nodal disease is not advanced)" : "")
                + " -> palliative systemic therapy not indicated.")
        for spec in table.options {
            log.notApplied(spec.ruleID, "the disease is not advanced.")
        }
        for item in table.investigational {
            log.notApplied(item.ruleID, "the disease is not advanced.")
        }
        let recommendation = Recommendation.citing(
            table.notIndicatedRuleID, text: GuidanceText(rationale: reason, evidence: []), pack: pack)
        return PalliativePlan(
            indicated: false, line: nil, options: [], notRecommended: [], investigational: [],
            reason: reason, recommendations: [recommendation])
    }

    private func withheldAgent(_ agent: SystemicAgent, _ rule: RuleID, reason: String) -> PalliativePlan.Withheld {
        PalliativePlan.Withheld(
            agent: agent, reason: reason,
            recommendation: Recommendation.citing(
                rule, text: GuidanceText(rationale: reason, evidence: []), pack: pack))
    }

    /// Nil when the condition holds; else what is missing, in words.
    private func unmetCondition(_ condition: PalliativeCondition, _ facts: CaseFacts, _ log: inout EvaluationLog)
        -> String?
    {
        switch condition {
        case .ntrkFusion:
            switch facts.tumor.ntrkFusion {
            case true?: return nil
            case false?: return "no NTRK gene fusion"
            case nil:
                log.warn(
                    .ntrkStatusUnknown,
                    "NTRK fusion status not given: NTRK inhibitors are not listed; a fusion-positive result would add them."
                )
                return "NTRK fusion status not given"
            }
        case .ivAndAnthracyclineEligible, .ivOrAnthracyclineIneligible:
            let iv = facts.ivTherapyEligible(&log)
            let anthracycline = facts.anthracyclineCandidate(&log)
            let eligible = iv && anthracycline
            if condition == .ivAndAnthracyclineEligible {
                return eligible ? nil : (iv ? "not an anthracycline candidate" : "not eligible for IV systemic therapy")
            }
            return eligible ? "eligible for IV therapy and an anthracycline candidate" : nil
        }
    }

    private func palliativeOption(
        _ spec: PalliativeOptionSpec, _ facts: CaseFacts, line: TherapyLine,
        _ log: inout EvaluationLog
    ) -> TherapyOption {
        let table = pack.palliative
        let category = spec.category.category(for: facts.histology, classes: table.classes)
        var rationale = spec.text.rationale
        if spec.category.dependsOnHistology, facts.histology == nil {
            log.warn(.histologyUnknown, Self.histologyUnknownWarning)
            rationale += " Histology not given: the weaker category is shown."
        }
        if spec.warnWithoutPriorAnthracycline, facts.tumorCase.disease?.priorAnthracycline != true {
            let stated =
                facts.tumorCase.disease?.priorAnthracycline == false
                ? "no prior anthracycline" : "prior anthracycline not stated"
            log.warn(
                .trabectedinWithoutPriorAnthracycline,
                "\(spec.agent.rawValue.capitalizedFirst) listed with \(stated): its trials enrolled patients after anthracycline-based therapy."
            )
        }
        log.applied(
            spec.ruleID,
            "\(line.rawValue) line -> \(spec.agent.rawValue)"
                + (category.map { ", category \($0.rawValue)\(spec.category.defaulted ? " (defaulted)" : "")" }
                    ?? ", no category") + ".")
        if let fixed = spec.fixedOption { return fixed }
        return TherapyOption(
            key: "agent", value: spec.agent.rawValue,
            recommendation: Recommendation(
                ruleID: spec.ruleID, category: category, categoryDefaulted: spec.category.defaulted,
                rationale: rationale,
                source: pack.catalogue.source(spec.ruleID), evidence: spec.text.evidence))
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
