/// §7.4 (`conversion`) and §7.5 (`oligometastatic`), and the systemic case their
/// `systemicOptions[]` are evaluated from (§8).
extension PerioperativeEvaluatorV2 {
    /// PERIOP-CONVERSION by scope and site; every option null / none.
    static func conversionOptions(_ facts: CaseFactsV2, table: PerioperativeTableV2) -> [PerioperativeCandidate] {
        func row(_ modality: PerioperativeModalityV2, variant: String? = nil, also: [String] = [])
            -> PerioperativeCandidate
        {
            PerioperativeCandidate(table.row("PERIOP-CONVERSION", modality, variant: variant), also: also)
        }
        if facts.isDFSP {
            return [row(.preoperativeSystemicTherapy, variant: "dfsp"), row(.definitiveRT, variant: "dfsp")]
        }
        switch facts.site {
        case .extremity:
            var list = [
                row(.preoperativeRT), row(.preoperativeChemoradiation), row(.preoperativeSystemicTherapy),
                row(.isolatedLimbPerfusion), row(.definitiveRT),
            ]
            var ignored: [PlanWarning] = []
            if MarginEvaluatorV2.amputation(facts, warnings: &ignored).0 == .considerIfNoLimbSparingOption {
                list.append(row(.amputation, also: ["MARGIN-AMPUTATION"]))
            }
            return list
        case .trunk, .headAndNeck:
            return [
                row(.preoperativeRT), row(.preoperativeChemoradiation), row(.preoperativeSystemicTherapy),
                row(.definitiveRT),
            ]
        case .retroperitoneum, .visceral:
            return [row(.preoperativeSystemicTherapy)]
        }
    }

    /// PERIOP-OLIGOMET: (a) the primary's options as if M0 when local disease is present
    /// (never amputation), (b) metastasectomy and SBRT, (c) systemic therapy.
    static func oligometastaticOptions(
        _ facts: CaseFactsV2, table: PerioperativeTableV2, reason: inout String?, warnings: inout [PlanWarning]
    ) -> [PerioperativeCandidate] {
        var list: [PerioperativeCandidate] = []
        if facts.inputs.localDisease != .absent {
            list = primaryOptions(facts, group: facts.planningStageGroupAsM0, reason: &reason, warnings: &warnings)
                .filter { $0.modality != .amputation }
                .map { $0.wrapped(in: "PERIOP-OLIGOMET", appliesTo: .primary) }
            reason = nil
        }
        list.append(PerioperativeCandidate(table.row("PERIOP-OLIGOMET", .metastasectomy), appliesTo: .metastases))
        list.append(PerioperativeCandidate(table.row("PERIOP-OLIGOMET", .stereotacticBodyRT), appliesTo: .metastases))
        list.append(PerioperativeCandidate(table.row("PERIOP-OLIGOMET", .systemicTherapy)))
        reason = table.book["PERIOP-OLIGOMET"].rationale
        return list
    }

    /// The §8 input of `systemicOptions[]`, from the same facts (scope and the effective histology included).
    static func systemicCase(_ facts: CaseFactsV2, pathway: SystemicPathway) -> SystemicCase {
        let patient = facts.tumorCase.patient
        let disease = facts.tumorCase.disease
        let inputs = facts.inputs
        var biomarkers = inputs.biomarkers
        biomarkers.ntrkFusion = facts.tumorCase.tumor.ntrkFusion
        return SystemicCase(
            pathway: pathway, scope: facts.scope, histology: facts.grade.effectiveHistology,
            ageYears: patient?.ageYears, ecog: patient?.ecog, ivTherapyEligible: patient?.ivTherapyEligible,
            anthracyclineCandidate: patient?.anthracyclineCandidate, priorSystemicLines: disease?.priorSystemicLines,
            priorAnthracycline: disease?.priorAnthracycline,
            cumulativeDoxorubicinMgM2: inputs.cumulativeDoxorubicinMgM2,
            monthsSinceLastAnthracycline: inputs.monthsSinceLastAnthracycline,
            progressedOnAnthracycline: inputs.progressedOnAnthracycline,
            priorCardiotoxicTherapy: inputs.priorCardiotoxicTherapy, progressedOnAgents: inputs.progressedOnAgents,
            biomarkers: biomarkers)
    }

    /// Every row the evaluator can list; `PerioperativeTableV2.load` refuses a file lacking one.
    static let listedRows: [PerioperativeTableV2.Key] = {
        func key(_ rule: String, _ modalities: [PerioperativeModalityV2], variant: String? = nil)
            -> [PerioperativeTableV2.Key]
        {
            modalities.map { PerioperativeTableV2.Key(ruleId: rule, modality: $0, variant: variant) }
        }
        return key("PERIOP-SURGERY", [.surgery]) + key("MARGIN-REEXCISION", [.reExcision])
            + key("PERIOP-STAGE1-CLOSE-MARGIN", [.reExcision, .postoperativeRT])
            + key("PERIOP-DFSP", [.reExcision, .postoperativeRT])
            + key("PERIOP-STAGE2-RT", [.postoperativeRT, .preoperativeRT])
            + key("PERIOP-STAGE3-POSTOP-RT", [.postoperativeRT])
            + key("PERIOP-STAGE3-PREOP", [.preoperativeRT, .preoperativeChemotherapy, .preoperativeChemoradiation])
            + key("PERIOP-POSTOP-CHEMO", [.postoperativeChemotherapy])
            + key("PERIOP-GRADE-UNKNOWN-RT", [.postoperativeRT, .preoperativeRT])
            + key("PERIOP-HN", [.surgery, .postoperativeRT, .preoperativeRT])
            + key("PERIOP-RP", [.surgery, .preoperativeRT])
            + key(
                "PERIOP-NODAL",
                [
                    .surgery, .regionalLymphadenectomy, .postoperativeRT, .preoperativeRT, .postoperativeChemotherapy,
                    .preoperativeChemotherapy,
                ])
            + key(
                "PERIOP-CONVERSION",
                [
                    .preoperativeRT, .preoperativeChemoradiation, .preoperativeSystemicTherapy, .isolatedLimbPerfusion,
                    .definitiveRT, .amputation,
                ])
            + key("PERIOP-CONVERSION", [.preoperativeSystemicTherapy, .definitiveRT], variant: "dfsp")
            + key("PERIOP-OLIGOMET", [.metastasectomy, .stereotacticBodyRT, .systemicTherapy])
            + key("SCOPE-PEDIATRIC", [.pediatricProtocolReferral])
            + key("SCOPE-ADOLESCENT", [.pediatricProtocolReferral])
    }()
}
