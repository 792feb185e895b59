/// §7.0 rule 4: withheld modalities move to `notRecommended[]`, one entry per modality, in the
/// order they would have been listed, with the first applicable reason and the others after it.
/// A systemic-therapy container whose `systemicOptions[]` is empty at ECOG >= 3 (every row,
/// `clinical_trial` included, withheld for performance status, §8.2 step 3) is withheld too:
/// listing "preoperative systemic therapy" with no therapy in it would contradict the answer.
extension PerioperativeEvaluatorV2 {
    static func withhold(
        _ candidates: [PerioperativeCandidate], facts: CaseFactsV2, table: PerioperativeTableV2,
        systemicListsNothing: Bool = false, warnings: inout [PlanWarning]
    ) -> ([PerioperativeCandidate], [WithheldModality]) {
        let patient = facts.tumorCase.patient
        let priorRT = facts.inputs.priorRadiotherapy
        if priorRT != nil, !facts.recurrent {
            warnings.append(
                PlanWarning(
                    code: "field_not_applicable",
                    message: "priorRadiotherapy applies to a recurrent presentation; the presentation is primary or "
                        + "not given: ignored"))
        }
        var listed: [PerioperativeCandidate] = []
        var withheld: [WithheldModality] = []
        var rtListed = false
        for candidate in candidates {
            let modality = candidate.modality
            var reasons: [ModalityWithholding] = []
            if modality.isChemotherapy {
                if patient?.ivTherapyEligible == false { reasons.append(.requiresIV) }
                if let ecog = patient?.ecog, ecog >= 3 { reasons.append(.performanceStatus) }
                if facts.histology.code == "alveolar_soft_part_sarcoma" { reasons.append(.histologyNoActivity) }
            }
            if modality == .preoperativeSystemicTherapy || modality == .systemicTherapy, systemicListsNothing,
                let ecog = patient?.ecog, ecog >= 3
            {
                reasons.append(.performanceStatus)
            }
            if modality.isRadiotherapy, facts.recurrent, priorRT == true { reasons.append(.priorRadiotherapyMDT) }
            if modality == .preoperativeRT, facts.site == .retroperitoneum {
                reasons.append(.notRoutineRetroperitoneum)
            }
            guard let first = reasons.first else {
                if modality.isRadiotherapy { rtListed = true }
                listed.append(candidate)
                continue
            }
            let reason = table.withholdings[first]
            withheld.append(
                WithheldModality(
                    modality: modality, reason: reason?.reason ?? first.rawValue, reasonCode: first,
                    otherReasonCodes: Array(reasons.dropFirst()), ruleId: candidate.ruleIds[0],
                    ruleIds: candidate.ruleIds, rationale: candidate.row.rationale,
                    source: (reason?.sources ?? []).joined(separator: ", "), evidence: candidate.row.evidence))
        }
        if withheld.contains(where: {
            $0.reasonCode == .priorRadiotherapyMDT || $0.otherReasonCodes.contains(.priorRadiotherapyMDT)
        }) {
            warnings.append(
                PlanWarning(
                    code: "re_irradiation_mdt",
                    message: "Prior radiotherapy to the region: re-irradiation is an MDT decision; the RT modalities "
                        + "are listed under notRecommended"))
        }
        if facts.recurrent, priorRT == nil, rtListed {
            warnings.append(
                PlanWarning(
                    code: "prior_radiotherapy_not_given",
                    message: "Recurrent presentation without priorRadiotherapy: the RT modalities are listed; after "
                        + "prior RT to the region re-irradiation would be an MDT decision"))
        }
        return (listed, withheld)
    }
}
