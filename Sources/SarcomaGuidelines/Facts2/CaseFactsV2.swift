/// A case as every pack 2026.12-1 family reads it: the AJCC staging of the kept v1 tables, the
/// planning grade (GRADE-HISTOLOGY), scope and pathway (SCOPE-PATHWAY), the planning stage group
/// (STAGE-PLANNING) and the prior-resection facts (§5). Built once per case, so staging, margins,
/// imaging and the perioperative plan can never disagree about the case they answer.
public struct CaseFactsV2: Sendable {
    /// The pack the families read their tables from.
    public let pack: GuidelinePackV2
    public let tumorCase: SarcomaCase
    public let inputs: CaseInputsV2
    /// The histology code as sent (new codes included); nil = not given.
    public let histologyCode: String?
    /// The class row every v2 rule reads: a stored ALT/WDLS with G2/G3 reads as DDLPS (§3.2).
    public let histology: HistologyClassRow
    public let grade: PlanningGradeDecision
    public let pathway: PathwayDecision
    /// nil without a prior resection.
    public let resection: ResectionFacts?
    public let planningStageGroup: StageGroup?
    public let planningStageGroupReason: String?
    /// The AJCC staging of the kept v1 tables (STAGE-TE, -RP, -HN, -VI).
    let stage: StageAssignment
    /// The v1 staging defaults and grade notes (N0/M0 assumed, FNCLCC), as v2 warnings.
    let stagingWarnings: [PlanWarning]
    /// The v1 staging trace (STAGE-* and GRADE-FNCLCC considered, with why).
    let stagingTrace: [RuleTrace]

    /// Builds the facts. `ajcc` is the contract-1 pack whose staging and FNCLCC tables pack
    /// 2026.12-1 keeps unchanged (§4: "v1 tables"); it is read, never evaluated with.
    public init(
        _ tumorCase: SarcomaCase, inputs: CaseInputsV2 = CaseInputsV2(), pack: GuidelinePackV2, ajcc: GuidelinePack
    )
        throws(SystemicInputError)
    {
        self.pack = pack
        self.tumorCase = tumorCase
        self.inputs = inputs
        let code = inputs.histologyCode ?? tumorCase.tumor.histology?.rawValue
        histologyCode = code
        var log = EvaluationLog(explaining: true)
        let stage = GuidelineEngine(pack: ajcc).stage(CaseFacts(tumorCase, pack: ajcc), &log)
        self.stage = stage
        let grade = try GradeHistologyRule(classes: pack.classes).decide(histology: code, grade: stage.grade.grade)
        self.grade = grade
        guard let row = pack.classes.row(for: grade.effectiveHistology) else {
            throw .unknownHistology(grade.effectiveHistology ?? "")
        }
        histology = row
        // v1's "establishing the grade may change the stage" belongs to FNCLCC histologies only.
        let keepsGradeUnknown = row.gradePolicy.kind == .fnclcc && row.scope != .dfsp
        stagingTrace = log.trace
        stagingWarnings = log.warnings.compactMap { warning in
            if warning.code == .gradeUnknown {
                guard keepsGradeUnknown else { return nil }
                return PlanWarning(code: warning.code.rawValue, message: Self.gradeUnknownText(stage))
            }
            return PlanWarning(code: warning.code.rawValue, message: warning.message)
        }
        let tumor = tumorCase.tumor
        let disease = tumorCase.disease
        let sites = tumor.metastaticSites.flatMap { $0.isEmpty ? nil : $0.map(\.rawValue) }
        pathway = try PathwayDecider(classes: pack.classes).decide(
            PathwayCase(
                histology: grade.effectiveHistology, ageYears: tumorCase.patient?.ageYears,
                ecog: tumorCase.patient?.ecog, nodalDisease: tumor.nodes.map { $0 == .n1 },
                distantMetastasis: tumor.metastasis.map { $0 == .m1 }, metastaticSites: sites,
                recurrent: disease?.presentation.map { $0 == .recurrent }, resectable: disease?.resectable,
                metastasesResectable: inputs.metastasesResectable, localDisease: inputs.localDisease,
                conversionNotFeasible: inputs.conversionNotFeasible))
        resection = ResectionFacts(inputs.priorResection, site: tumor.site)
        (planningStageGroup, planningStageGroupReason) = Self.planningGroup(
            stage: stage, m: stage.m, planning: grade.planningGrade, isDFSP: row.scope == .dfsp)
    }

    public var site: Site { tumorCase.tumor.site }
    public var sizeCm: Double? { stage.sizeCm }
    public var depth: Depth? { tumorCase.tumor.depth }
    public var planningGrade: PlanningGrade { grade.planningGrade }
    public var isDFSP: Bool { histology.scope == .dfsp }
    public var scope: TreatmentScope { pathway.scope }
    public var casePathway: CasePathway { pathway.pathway }
    public var t: TCategory { stage.t }
    public var nodal: Bool { stage.n == .n1 }
    public var metastatic: Bool { stage.m == .m1 }
    public var ajccStageGroup: StageGroup? { stage.stageGroup }
    public var recurrent: Bool { tumorCase.disease?.presentation == .recurrent }
    /// The N0 / M0 defaults of the staging, which every answer reading N or M announces (D28).
    var defaultWarnings: [PlanWarning] {
        stagingWarnings.filter { $0.code == "nodes_defaulted_n0" || $0.code == "metastasis_defaulted_m0" }
    }

    /// `countsHigh` (§4 terms).
    public var countsHigh: Bool { planningGrade.countsHigh(isDFSP: isDFSP) }

    /// The `grade_unknown` text true for this case: v1's "establishing the grade may change the
    /// stage" only where the AJCC group does depend on the grade (not for N1/M1 stage IV, nor at a
    /// site without AJCC groups), so a stage IV tumour is never told its stage may change.
    static func gradeUnknownText(_ stage: StageAssignment) -> String {
        let head = "Grade not given and not computable (GX)"
        guard let table = stage.siteGroup.stageTable else {
            return head + ": this site has no AJCC stage group; establishing the grade informs planning."
        }
        let low = table.row(stage.t, stage.n, stage.m, .g1)?.group
        let high = table.row(stage.t, stage.n, stage.m, .g3)?.group
        if let low, low == high {
            return head + ": stage \(low.rawValue) whatever the grade; establishing the grade informs planning."
        }
        return head + ": staged with the AJCC GX column; establishing the grade may change the stage."
    }

    /// STAGE-PLANNING computed as if M0: the primary of an oligometastatic case (§7.5 (a)).
    var planningStageGroupAsM0: StageGroup? {
        Self.planningGroup(stage: stage, m: .m0, planning: planningGrade, isDFSP: isDFSP).0
    }

    /// STAGE-PLANNING (§4): the AJCC table read with the planning grade; null with its reason
    /// when the grade is unknown, FNCLCC does not apply, T is TX, or the site has no groups.
    static func planningGroup(stage: StageAssignment, m: MetastasisStatus, planning: PlanningGrade, isDFSP: Bool)
        -> (StageGroup?, String?)
    {
        if isDFSP {
            return (
                nil,
                "DFSP: FNCLCC grading does not apply and this pack assigns no AJCC soft tissue sarcoma stage group; plan per the DFSP rules"
            )
        }
        guard let table = stage.siteGroup.stageTable else {
            return (nil, stage.siteGroup.noStageGroupReason ?? stage.stageGroupReason)
        }
        let early = stage.n == .n0 && m == .m0
        switch planning {
        case .gx where early:
            return (nil, "grade unknown: IA/IB if low grade, II/IIIA/IIIB if high grade; establish the grade")
        case .notApplicable where early:
            return (nil, "FNCLCC does not apply; histotype-specific risk assessment by the MDT")
        default:
            break
        }
        // N1 or M1 is IV (or the RP N1 row) whatever the grade; the GX column gives it.
        let row = table.row(stage.t, stage.n, m, planning.stagingGrade ?? .gx)
        guard let group = row?.group else { return (nil, row?.reason ?? stage.stageGroupReason) }
        return (group, nil)
    }
}
