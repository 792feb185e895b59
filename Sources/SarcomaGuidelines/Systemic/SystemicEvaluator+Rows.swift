/// §8.2 steps 1-9: which rows are candidates, and which steps withhold them.
extension SystemicEvaluator {
    struct RowEvaluation {
        /// Candidate rows (the clinical trial included), in table order.
        var outcomes: [RowOutcome] = []
        /// Pediatric scope: candidate rows left out because no label covers the age (step 1).
        var leftOut: [TherapyAgent] = []
    }

    private enum Candidacy { case candidate, lineConditionFailed, none }

    func evaluateRows(_ facts: SystemicFacts, panel: BiomarkerPanel) -> RowEvaluation {
        var evaluation = RowEvaluation()
        for row in table.rows where !row.isFixed {
            var outcome = RowOutcome(row: row)
            switch candidacy(row, facts, panel) {
            case .none:
                continue
            case .lineConditionFailed:
                // Only a withholding that reaches rows failing their line condition makes this a candidate.
                let reaching = table.withholdings.filter {
                    $0.includesLineConditionFailures && applies($0, to: row, facts, panel)
                }
                if reaching.isEmpty { continue }
            case .candidate:
                break
            }
            if facts.input.scope == .pediatricProtocol && !labelCovers(row, age: facts.ageYears) {
                if !evaluation.leftOut.contains(row.agent) { evaluation.leftOut.append(row.agent) }
                continue
            }
            withhold(&outcome, facts, panel)
            evaluation.outcomes.append(outcome)
        }
        // H4: DFSP line-F cytotoxics only when the standard agent is listed after its own steps.
        for withholding in table.withholdings where withholding.condition == .firstLineWithStandardListed {
            guard facts.lineContext == .first, let standard = withholding.standardAgent,
                evaluation.outcomes.contains(where: { $0.row.agent == standard && $0.listed })
            else { continue }
            for index in evaluation.outcomes.indices
            where withholding.rows.contains(evaluation.outcomes[index].row.number)
                && withholding.histology.map({ $0.cannotBeExcluded(for: facts.histology) }) ?? true
            {
                evaluation.outcomes[index].reasons.append(
                    .init(
                        code: withholding.reason, ruleId: withholding.ruleId,
                        text: withholding.reasonText(for: facts.histology)))
            }
        }
        if let trial = table.row(fixed: .clinicalTrial) {
            var outcome = RowOutcome(row: trial)
            if let ecog = facts.ecog, ecog >= 3 { outcome.reasons.append(stepReason(.performanceStatus, row: trial)) }
            evaluation.outcomes.append(outcome)
        }
        for index in evaluation.outcomes.indices {
            evaluation.outcomes[index].reasons = sortedByStep(evaluation.outcomes[index].reasons)
        }
        return evaluation
    }

    /// Rows that would be candidates but for the line (their histology and biomarker
    /// conditions hold), for the trace's "not applied: this is the first line" (REND-WORDING).
    func rowsOutsideLine(_ facts: SystemicFacts, panel: BiomarkerPanel) -> [(agent: TherapyAgent, ruleId: String)] {
        table.rows.compactMap { row in
            guard !row.isFixed, row.lines[facts.lineContext] == nil else { return nil }
            if let condition = row.histology, !(facts.histology.isGiven && condition.holds(for: facts.histology)) {
                return nil
            }
            if let biomarker = row.biomarker, !biomarker.isMet(panel) { return nil }
            return (row.agent, row.ruleId)
        }
    }

    /// Step 2: line and line context, histology (none without a histology, D21), biomarker.
    private func candidacy(_ row: SystemicRow, _ facts: SystemicFacts, _ panel: BiomarkerPanel) -> Candidacy {
        guard let requirement = row.lines[facts.lineContext] else { return .none }
        if let condition = row.histology, !(facts.histology.isGiven && condition.holds(for: facts.histology)) {
            return .none
        }
        if let biomarker = row.biomarker {
            let met = biomarker.isMet(panel)
            // A histology-specific row stays a candidate on a stated negative, for §8.4 to withhold with its reason.
            let toWithhold = row.histology != nil && (biomarker.isNegative(panel) || biomarker.isContraindicated(panel))
            if !met && !toWithhold { return .none }
        }
        switch requirement {
        case nil:
            return .candidate
        case .anthracyclineNaive?:
            return facts.priorAnthracycline == false ? .candidate : .none
        case .notAnthracyclineCandidate?:
            return facts.anthracyclineCandidate ? .lineConditionFailed : .candidate
        case .ivIneligibleOrNotAnthracyclineCandidate?:
            return !facts.ivTherapyEligible || !facts.anthracyclineCandidate ? .candidate : .lineConditionFailed
        }
    }

    /// Step 1: a label whose minimum age is below 18 and covers the patient's age. With the age
    /// not given only a label without a lower age (0) covers the patient (pack reading SY2).
    func labelCovers(_ row: SystemicRow, age: Int?) -> Bool {
        guard let minimum = row.labelMinAgeYears, minimum < 18 else { return false }
        guard let age else { return minimum == 0 }
        return minimum <= age
    }

    /// Steps 3-9 for one candidate row.
    private func withhold(_ outcome: inout RowOutcome, _ facts: SystemicFacts, _ panel: BiomarkerPanel) {
        let row = outcome.row
        // Step 3: fitness (PALL-BSC; R8).
        if let ecog = facts.ecog, ecog == 4 || (ecog == 3 && !row.retainedAtECOG3) {
            outcome.reasons.append(stepReason(.performanceStatus, row: row))
        }
        // Step 4: label age, adult and DFSP scopes (H4).
        if facts.input.scope != .pediatricProtocol, let age = facts.ageYears, let minimum = row.labelMinAgeYears,
            age < minimum
        {
            if row.withheldBelowLabelAge {
                outcome.reasons.append(stepReason(.belowLabelAge, row: row))
            } else {
                outcome.offLabelAge = true
            }
        }
        // Step 5: IV eligibility in every line (S3).
        if !facts.ivTherapyEligible && row.route == .intravenous {
            outcome.reasons.append(stepReason(.requiresIV, row: row))
        }
        // Step 6: histology withholding (§8.4), in table order; the DFSP row waits for the second pass.
        for withholding in table.withholdings where withholding.condition != .firstLineWithStandardListed {
            if applies(withholding, to: row, facts, panel) {
                outcome.reasons.append(
                    .init(
                        code: withholding.reason, ruleId: withholding.ruleId,
                        text: withholding.reasonText(for: facts.histology)))
            }
        }
        // Step 7: prior progression on a component (M8).
        if table.sets.components(of: row.agent).contains(where: facts.progressedComponents.contains) {
            outcome.reasons.append(stepReason(.priorProgression, row: row))
        }
        // Step 8: anthracycline rules (§8.6).
        if table.sets.anthracycline.contains(row.agent) {
            if !facts.anthracyclineCandidate {
                outcome.reasons.append(stepReason(.notAnthracyclineCandidate, row: row))
            }
            if facts.progressedOnAnthracycline {
                outcome.reasons.append(stepReason(.anthracyclineRefractory, row: row))
            }
            if let dose = facts.dose, dose >= facts.ceiling {
                outcome.reasons.append(stepReason(.anthracyclineCumulativeCeiling, row: row))
            }
        }
        // Step 9: trial fitness (R10).
        if row.needsECOGAtMostOne, let ecog = facts.ecog, ecog >= 2 {
            outcome.reasons.append(stepReason(.trialFitness, row: row))
        }
    }

    /// Whether a §8.4 withholding (other than the DFSP second pass) withholds this row.
    private func applies(
        _ withholding: HistologyWithholding, to row: SystemicRow, _ facts: SystemicFacts,
        _ panel: BiomarkerPanel
    ) -> Bool {
        guard withholding.rows.contains(row.number) else { return false }
        if let condition = withholding.histology, !condition.cannotBeExcluded(for: facts.histology) { return false }
        switch withholding.condition {
        case .always: return true
        case .firstLineWithStandardListed: return false
        case .biomarkerNegative: return row.biomarker?.isNegative(panel) ?? false
        case .labelContraindication: return row.biomarker?.isContraindicated(panel) ?? false
        case .firstLine: return facts.lineContext == .first && (row.biomarker?.isMet(panel) ?? true)
        }
    }

    func stepReason(_ code: WithholdingReason, row: SystemicRow) -> RowOutcome.Reason {
        let reason = table.stepReasons[code]
        return RowOutcome.Reason(code: code, ruleId: reason?.ruleId ?? row.ruleId, text: reason?.text ?? code.rawValue)
    }

    /// Stable: within a step, the order the reasons were found (the §8.4 table order).
    private func sortedByStep(_ reasons: [RowOutcome.Reason]) -> [RowOutcome.Reason] {
        reasons.enumerated().sorted { ($0.element.code.step, $0.offset) < ($1.element.code.step, $1.offset) }.map(
            \.element)
    }
}
