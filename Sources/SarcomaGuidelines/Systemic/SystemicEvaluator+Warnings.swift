/// The warnings of a systemic answer (delta §6) that depend on the evaluated rows: scope and
/// age, fitness, the anthracycline history (§8.6), the row warnings, and the unknown
/// biomarkers that would change this case (§8.5).
extension SystemicEvaluator {
    func warnAboutCase(_ facts: inout SystemicFacts, evaluation: RowEvaluation, options: [SystemicOption]) {
        let input = facts.input
        let listedRows = evaluation.outcomes.filter(\.listed)
        if input.ecog == nil {
            facts.warn(
                "ecog_not_given",
                "ECOG not given: treated as 0-2; combination regimens and cell therapy (ECOG 0-1 trials) are listed without the fitness check."
            )
        }
        if let ecog = input.ecog, ecog >= 3 {
            facts.warn(
                "poor_performance_status",
                "ECOG \(ecog): best supportive care; disease-directed options are outside the fitness of their trials\(ecog == 3 ? ", except the oral targeted agents kept not preferred (a tumour-driven ECOG 3 may recover)" : "")."
            )
        }
        if let age = input.ageYears {
            if age == 0 {
                facts.warn("infant_patient", "Infant (age 0): dosing and labels need pediatric oncology review.")
            }
            if age < 16 && input.ecog != nil {
                facts.warn(
                    "performance_scale_check",
                    "ECOG is validated from age 16: record the Lansky play-performance score for the MDT.")
            }
            if (12...17).contains(age) && input.scope != .pediatricProtocol {
                facts.warn(
                    "adolescent_patient",
                    "Adolescent managed as an adult (adult-type histology), with referral to a centre experienced with cancers of childhood and adolescence."
                )
            }
        } else if facts.histology.scope != .pediatricProtocol {
            facts.warn("age_not_given", "ageYears not given: managed as an adult; label ages are not checked.")
        }
        if let meaning = facts.histology.codeMeaning,
            input.ageYears.map({ $0 >= meaning.fromAgeYears }) ?? meaning.whenAgeNotGiven
        {
            facts.warn(meaning.warning, meaning.text)
        }
        if input.scope == .pediatricProtocol {
            let named = evaluation.leftOut.map(\.rawValue).joined(separator: ", ")
            facts.warn(
                "pediatric_protocol_scope",
                "Pediatric protocols govern: only options whose FDA label covers this age are listed"
                    + (named.isEmpty ? "." : "; left out: \(named)."))
        }
        for outcome in listedRows where outcome.offLabelAge {
            facts.warn(
                "off_label_age",
                "\(outcome.row.agent.rawValue): listed below its FDA label age of \(outcome.row.labelMinAgeYears ?? 0) years (not preferred)."
            )
        }
        for outcome in listedRows {
            for warning in outcome.row.warnings where rowWarningHolds(warning.trigger, facts) {
                facts.warn(warning.code, rowWarningText(warning.code, outcome.row, facts))
            }
        }
        warnAboutAnthracycline(&facts, evaluation: evaluation, options: options)
    }

    private func rowWarningHolds(_ trigger: SystemicRow.RowWarning.Trigger, _ facts: SystemicFacts) -> Bool {
        switch trigger {
        case .ageOver60: (facts.ageYears ?? 0) > 60
        case .subsequentWithoutPriorAnthracycline: facts.lineContext == .subsequent && facts.priorAnthracycline != true
        case .listed: true
        case .ageZero: facts.ageYears == 0
        }
    }

    private func rowWarningText(_ code: String, _ row: SystemicRow, _ facts: SystemicFacts) -> String {
        switch code {
        case "trial_age_limit":
            "\(row.agent.rawValue): the randomized trial enrolled patients aged 18-60; the patient is \(facts.ageYears ?? 0)."
        case "trabectedin_without_prior_anthracycline":
            "Trabectedin is labelled after an anthracycline-containing regimen; no prior anthracycline is recorded."
        case "used_before_anthracycline":
            "\(row.agent.rawValue): listed first line for a patient who is not an anthracycline candidate; it is labelled after an anthracycline."
        case "label_age_check":
            "\(row.agent.rawValue): the label covers pediatric patients older than 1 month; check the age."
        default: code
        }
    }

    private func warnAboutAnthracycline(
        _ facts: inout SystemicFacts, evaluation: RowEvaluation, options: [SystemicOption]
    ) {
        let policy = table.anthracycline
        let setA = table.sets.anthracycline
        let setAListed = options.contains { setA.contains($0.agent) }
        let setACandidate = evaluation.outcomes.contains { setA.contains($0.row.agent) }
        let ceiling = facts.ceiling
        if let dose = facts.dose {
            if setAListed && dose < ceiling && ceiling - dose < policy.largestCycleMgM2 {
                facts.warn(
                    "ceiling_within_one_cycle",
                    "Cumulative doxorubicin \(format(dose)) mg/m²: one \(format(policy.largestCycleMgM2)) mg/m² cycle would reach the ceiling of \(format(ceiling)) mg/m²."
                )
            }
            if facts.lineContext == .firstAfterPerioperativeAnthracycline && setAListed
                && dose >= policy.dexrazoxaneFromMgM2
            {
                facts.warn(
                    "dexrazoxane_consider",
                    "Cardioprotection may be considered; the US labelled use of dexrazoxane is breast cancer after \(format(policy.dexrazoxaneFromMgM2)) mg/m²; off-label in sarcoma."
                )
            }
            if facts.input.priorCardiotoxicTherapy == nil && setACandidate
                && dose >= policy.cardiotoxicHistoryCheckFromMgM2
            {
                facts.warn(
                    "cardiotoxic_history_not_given",
                    "priorCardiotoxicTherapy not given: the \(format(policy.ceilingMgM2)) mg/m² ceiling is used; it is \(format(policy.ceilingWithCardiotoxicTherapyMgM2)) mg/m² after other cardiotoxic therapy or cardiac-region RT."
                )
            }
        }
        if facts.lineContext == .firstAfterPerioperativeAnthracycline {
            var text = "Anthracycline re-challenge after perioperative exposure"
            if let dose = facts.dose {
                text +=
                    ": cumulative doxorubicin \(format(dose)) mg/m²: label risk band \(policy.band(dose)); ceiling \(format(ceiling)) mg/m²"
            }
            if let months = facts.input.monthsSinceLastAnthracycline {
                text += "; \(months) months since the last anthracycline"
            }
            // The closing sentence says what this answer does with set A: listed, or all withheld.
            let closing =
                setAListed
                ? "Anthracycline regimens are listed, not preferred."
                : "No anthracycline regimen is listed in this case: see notRecommended for the reasons."
            facts.warn("anthracycline_rechallenge", text + ". " + closing)
        }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// PALL-BIOMARKER-UNKNOWN: re-evaluates with every unreported marker qualifying and names
    /// each unknown marker read by a row that would then be listed, with that row's agent.
    func warnAboutBiomarkers(_ facts: inout SystemicFacts, current: RowEvaluation) {
        let panel = facts.input.biomarkers
        let simulated = evaluateRows(facts, panel: panel.qualifyingUnknowns())
        var adds: [Biomarker: [TherapyAgent]] = [:]
        for outcome in simulated.outcomes where outcome.listed {
            guard let requirement = outcome.row.biomarker else { continue }
            for marker in requirement.markers where panel[marker] == nil {
                if !(adds[marker] ?? []).contains(outcome.row.agent) {
                    adds[marker, default: []].append(outcome.row.agent)
                }
            }
        }
        // An agent this case already lists is not "added" by the test: the text says so (INI1 for
        // tazemetostat, MSI-H for pembrolizumab in UPS), so the warning stays true for this case.
        let listed = Set(current.outcomes.filter(\.listed).map(\.row.agent))
        var named: [String] = []
        var supportsListed = false
        for test in table.biomarkerTests {
            guard let agents = adds[test.marker] else { continue }
            let added = agents.filter { !listed.contains($0) }.map(\.rawValue)
            let alreadyListed = agents.filter { listed.contains($0) }.map(\.rawValue)
            var parts = added.isEmpty ? [] : [added.joined(separator: ", ")]
            if !alreadyListed.isEmpty {
                supportsListed = true
                parts.append("\(alreadyListed.joined(separator: ", ")), already listed: a positive result supports it")
            }
            let list = parts.joined(separator: "; ")
            if test.warning == "biomarker_tests_not_reported" {
                named.append("\(test.name) (\(list))")
            } else {
                let advised = facts.histology.code.map(test.advisedFor.contains) ?? false
                facts.warn(
                    test.warning,
                    "\(test.name) status not reported: a positive result would add \(list)\(advised ? "; testing is strongly advised for this histology" : "")."
                )
            }
        }
        if !named.isEmpty {
            let head =
                supportsListed
                ? "Tests not reported that would add options in this case or support options already listed"
                : "Tests not reported that would add options in this case"
            facts.warn("biomarker_tests_not_reported", "\(head): \(named.joined(separator: "; ")).")
        }
    }
}
