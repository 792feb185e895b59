/// The decisions every `/v2` section of one case reads, made once (rules §3, §4): the AJCC
/// grade (v1 GRADE-FNCLCC, kept), the planning grade and the histology the v2 rules read
/// (GRADE-HISTOLOGY, CONS-WDLS-GRADE), and scope and pathway (SCOPE-PATHWAY). So the staging
/// and the palliative section can never disagree about the case.
struct ContractTwoFacts {
    let sarcomaCase: SarcomaCase
    let grade: GradeAssessment
    let planning: PlanningGradeDecision
    let pathway: PathwayDecision
    /// The v1 N/M defaults (`nodes_defaulted_n0`, `metastasis_defaulted_m0`) the pathway read.
    let defaults: [ContractTwoWarning]

    init(_ sarcomaCase: SarcomaCase, pack: GuidelinePackV2, grading: GradingTable) throws(SystemicInputError) {
        self.sarcomaCase = sarcomaCase
        let tumor = sarcomaCase.tumor
        let disease = sarcomaCase.disease
        grade = GradeAssessment(tumor: tumor, table: grading)
        planning = try GradeHistologyRule(classes: pack.classes).decide(
            histology: tumor.histology?.rawValue, grade: grade.grade)
        pathway = try PathwayDecider(classes: pack.classes).decide(
            PathwayCase(
                histology: planning.effectiveHistology, ageYears: sarcomaCase.patient?.ageYears,
                ecog: sarcomaCase.patient?.ecog, nodalDisease: tumor.nodes.map { $0 == .n1 },
                distantMetastasis: tumor.metastasis.map { $0 == .m1 },
                metastaticSites: tumor.metastaticSites?.map(\.rawValue),
                recurrent: disease?.presentation.map { $0 == .recurrent }, resectable: disease?.resectable,
                metastasesResectable: disease?.metastasesResectable, localDisease: disease?.localDisease,
                conversionNotFeasible: disease?.conversionNotFeasible))
        var defaults: [ContractTwoWarning] = []
        if tumor.metastasis == nil {
            defaults.append(
                .init(
                    code: "metastasis_defaulted_m0",
                    message: "Distant metastasis not given: M0 assumed (no evidence of distant disease)."))
        }
        if tumor.nodes == nil {
            defaults.append(
                .init(
                    code: "nodes_defaulted_n0",
                    message: "Nodal status not given: N0 assumed (AJCC 8: unknown nodal status is N0)."))
        }
        self.defaults = defaults
    }

    var isDFSP: Bool { pathway.scope == .dfsp || planning.effectiveHistology == "dermatofibrosarcoma_protuberans" }

    /// The systemic input on a systemic pathway (rules §8), from the case as given.
    func systemicCase(on pathway: SystemicPathway) -> SystemicCase {
        let patient = sarcomaCase.patient
        let disease = sarcomaCase.disease
        let markers = sarcomaCase.tumor.biomarkers
        return SystemicCase(
            pathway: pathway, scope: self.pathway.scope, histology: planning.effectiveHistology,
            ageYears: patient?.ageYears, ecog: patient?.ecog, ivTherapyEligible: patient?.ivTherapyEligible,
            anthracyclineCandidate: patient?.anthracyclineCandidate, priorSystemicLines: disease?.priorSystemicLines,
            priorAnthracycline: disease?.priorAnthracycline,
            cumulativeDoxorubicinMgM2: disease?.cumulativeDoxorubicinMgM2,
            monthsSinceLastAnthracycline: disease?.monthsSinceLastAnthracycline,
            progressedOnAnthracycline: disease?.progressedOnAnthracycline,
            priorCardiotoxicTherapy: disease?.priorCardiotoxicTherapy,
            progressedOnAgents: disease?.progressedOnAgents ?? [],
            biomarkers: BiomarkerPanel(
                ntrkFusion: sarcomaCase.tumor.ntrkFusion, msiHigh: markers?.msiHigh,
                mmrDeficient: markers?.mmrDeficient, tmbMutPerMb: markers?.tmbMutPerMb,
                brafV600e: markers?.brafV600e, retFusion: markers?.retFusion, alkPositive: markers?.alkPositive,
                ini1Loss: markers?.ini1Loss, hlaA02Eligible: markers?.hlaA02Eligible,
                hlaA0205Present: markers?.hlaA0205Present, mageA4Positive: markers?.mageA4Positive))
    }

    /// The plan warnings (grade decision, then scope and pathway) as answer warnings.
    var planWarnings: [ContractTwoWarning] {
        (planning.warnings + pathway.warnings).map { ContractTwoWarning(code: $0.code, message: $0.message) }
    }
}
