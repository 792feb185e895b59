/// What the `/v2` sections read from the one `CaseFactsV2` of a request beyond the families'
/// own evaluators: the systemic input (rules §8) and the staging, grade and pathway warnings
/// in the answer's form. Read from the facts, never from the case again, so every section of
/// one answer sees the same pathway, histology and inputs.
extension CaseFactsV2 {
    /// The systemic input on a systemic pathway (rules §8).
    func systemicCase(on pathway: SystemicPathway) -> SystemicCase {
        let patient = tumorCase.patient
        let disease = tumorCase.disease
        return SystemicCase(
            pathway: pathway, scope: scope, histology: grade.effectiveHistology, ageYears: patient?.ageYears,
            ecog: patient?.ecog, ivTherapyEligible: patient?.ivTherapyEligible,
            anthracyclineCandidate: patient?.anthracyclineCandidate, priorSystemicLines: disease?.priorSystemicLines,
            priorAnthracycline: disease?.priorAnthracycline,
            cumulativeDoxorubicinMgM2: inputs.cumulativeDoxorubicinMgM2,
            monthsSinceLastAnthracycline: inputs.monthsSinceLastAnthracycline,
            progressedOnAnthracycline: inputs.progressedOnAnthracycline,
            priorCardiotoxicTherapy: inputs.priorCardiotoxicTherapy, progressedOnAgents: inputs.progressedOnAgents,
            biomarkers: inputs.biomarkers)
    }

    /// The v1 N/M defaults (`nodes_defaulted_n0`, `metastasis_defaulted_m0`) the pathway read.
    var defaults: [ContractTwoWarning] { defaultWarnings.map(ContractTwoWarning.init) }

    /// The plan warnings (grade decision, then scope and pathway) as answer warnings.
    var planWarnings: [ContractTwoWarning] { (grade.warnings + pathway.warnings).map(ContractTwoWarning.init) }
}
