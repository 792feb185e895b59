/// Perioperative therapy of localized disease: surgery, stage-based radiotherapy and
/// chemotherapy for extremity/trunk N0 M0 resectable tumours, and the high-risk flag
/// (rules PERIOP-*; decisions D05-D08, D19).
extension GuidelineEngine {
    /// `staged`: the case's staging and its log when the caller (the assessment) has them
    /// already; they enter this answer's log exactly as staging it again would.
    func planPerioperative(
        _ facts: CaseFacts, _ log: inout EvaluationLog,
        staged: (assignment: StageAssignment, log: EvaluationLog)? = nil
    ) -> PerioperativePlan {
        let table = pack.perioperative
        let staging: StageAssignment
        if let staged {
            log.absorb(staged.log)
            staging = staged.assignment
        } else {
            staging = stage(facts, &log)
        }
        let stage = staging.stageGroup

        // Scope: M1 and unresectable get no options; other sites and N1 get surgery alone.
        var limitation: (reason: String, summary: String, surgery: Bool)?
        if staging.m == .m1 {
            limitation = (table.scope.metastaticReason, "metastatic (M1) disease", false)
        } else if !facts.resectable(&log) {
            limitation = (table.scope.unresectableReason, "the tumour is not resectable", false)
        } else if !table.scope.sites.contains(facts.site) {
            limitation = (
                table.scope.otherSiteReason, "site \(facts.site.rawValue) is outside the extremity/trunk setting", true
            )
        } else if staging.n == .n1 {
            limitation = (table.scope.nodalReason, "regional nodal disease (N1)", true)
        }
        let inScope = limitation == nil

        var options: [TherapyOption] = []
        if let limitation, !limitation.surgery {
            log.notApplied(table.surgery.ruleID, "\(limitation.summary).")
        } else {
            log.applied(table.surgery.ruleID, "localized resectable disease -> surgery per the margin plan.")
            options.append(option(table.surgery, facts))
        }

        // Stage-based options, traced once per rule.
        var stageOptions: [TherapyOption] = []
        var seenRules: [RuleID] = []
        for spec in table.stageOptions where !seenRules.contains(spec.ruleID) {
            seenRules.append(spec.ruleID)
            // The rule's options (a rule may name several), listed only for the trace.
            let ruleSpecs = { table.stageOptions.filter { $0.ruleID == spec.ruleID } }
            if let limitation {
                log.notApplied(spec.ruleID, "\(limitation.summary).")
            } else if let stage,
                table.stageOptions.contains(where: { $0.ruleID == spec.ruleID && $0.stageGroups.contains(stage) })
            {
                log.applied(
                    spec.ruleID,
                    "\(staging.groupText) (\(staging.tnmg)) -> "
                        + ruleSpecs().filter { $0.stageGroups.contains(stage) }.map(\.modality.rawValue).joined(
                            separator: ", ") + ".")
            } else {
                log.notApplied(
                    spec.ruleID,
                    "\(staging.groupText) (\(staging.tnmg)), not stage "
                        + Set(ruleSpecs().flatMap(\.stageGroups)).map(\.rawValue).sorted().joined(separator: "/") + ".")
            }
        }
        if inScope, let stage {
            for spec in table.stageOptions where spec.stageGroups.contains(stage) {
                stageOptions.append(option(spec, facts, also: spec.alsoRuleIDs.filter(log.fired.contains)))
            }
        }
        options += stageOptions

        var reason = limitation?.reason
        if inScope, stage == nil {
            reason = table.scope.noStageGroupReason
        } else if inScope, let stage, stageOptions.isEmpty {
            let gradeNote =
                facts.grade.grade == .gx
                ? " The grade is unknown (GX): a high grade would raise the stage and add options; establish the grade."
                : ""
            reason = "Stage \(stage.rawValue) (\(staging.tnmg)): " + table.scope.stageWithoutOptionsReason + gradeNote
        }

        let (highRisk, riskRecommendation) = assessHighRisk(facts, staging: staging, inScope: inScope, &log)
        return PerioperativePlan(
            stageGroup: stage, inScope: inScope, options: options, highRisk: highRisk,
            reason: reason, recommendations: riskRecommendation.map { [$0] } ?? [])
    }

    private func option(_ spec: PerioperativeOptionSpec, _ facts: CaseFacts, also: [RuleID] = []) -> TherapyOption {
        if also.isEmpty, let fixed = spec.fixedOption { return fixed }
        return TherapyOption(
            key: "modality", value: spec.modality.rawValue,
            recommendation: Recommendation(
                ruleID: spec.ruleID, alsoRuleIDs: also,
                category: spec.category.category(for: facts.histology, classes: pack.palliative.classes),
                categoryDefaulted: spec.category.defaulted, rationale: spec.text.rationale,
                source: pack.catalogue.source(spec.ruleID), evidence: spec.text.evidence))
    }

    /// PERIOP-LARGE-HIGHGRADE: resectable extremity M0 N0, > 8 cm, high grade (GX counts).
    private func assessHighRisk(
        _ facts: CaseFacts, staging: StageAssignment, inScope: Bool,
        _ log: inout EvaluationLog
    ) -> (Bool, Recommendation?) {
        let rule = pack.perioperative.highRisk
        let limit = ThresholdScale<Int>.format(rule.aboveCm)
        guard inScope, rule.sites.contains(facts.site) else {
            log.notApplied(
                rule.ruleID,
                "it is for localized resectable "
                    + rule.sites.map(\.rawValue).sorted().joined(separator: ", ") + " tumours.")
            return (false, nil)
        }
        guard let size = facts.sizeCm, size > rule.aboveCm else {
            log.notApplied(rule.ruleID, "\(facts.sizeText), not above \(limit) cm.")
            return (false, nil)
        }
        guard facts.isHighGrade(&log, table: pack.grading, purpose: "the high-risk assessment") else {
            log.notApplied(rule.ruleID, "low grade (\(staging.grade.grade.rawValue)).")
            return (false, nil)
        }
        log.applied(
            rule.ruleID,
            "\(facts.sizeText) (above \(limit) cm), \(staging.grade.grade.rawValue) -> high risk:"
                + " consider preoperative and postoperative therapy.")
        let text =
            staging.grade.grade == .gx
            ? GuidanceText(rationale: rule.gradeUnknownText, evidence: rule.text.evidence) : rule.text
        return (
            true,
            Recommendation(
                ruleID: rule.ruleID,
                category: rule.category.category(for: facts.histology, classes: pack.palliative.classes),
                categoryDefaulted: rule.category.defaulted, rationale: text.rationale,
                source: pack.catalogue.source(rule.ruleID), evidence: text.evidence)
        )
    }
}
