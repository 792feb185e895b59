/// A case as the rules read it: the fields each evaluation needs, with the contract's
/// defaults resolved. A defaulted value is read through an `EvaluationLog`, which announces
/// the default as a warning only in the answers that actually used it.
struct CaseFacts: Sendable {
    let tumorCase: SarcomaCase
    let site: Site
    let sizeCm: Double?
    let depth: Depth?
    let histology: Histology?
    let presentation: Presentation?
    let grade: GradeAssessment

    init(_ tumorCase: SarcomaCase, pack: GuidelinePack) {
        self.tumorCase = tumorCase
        let tumor = tumorCase.tumor
        site = tumor.site
        sizeCm = tumor.sizeCm.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        depth = tumor.depth
        histology = tumor.histology
        presentation = tumorCase.disease?.presentation
        grade = GradeAssessment(tumor: tumor, table: pack.grading)
    }

    var tumor: SarcomaCase.Tumor { tumorCase.tumor }

    // MARK: defaults announced when read

    func nodes(_ log: inout EvaluationLog) -> NodalStatus {
        if let nodes = tumor.nodes { return nodes }
        log.warn(.nodesDefaultedN0, "Nodal status not given: N0 assumed (AJCC 8: unknown nodal status is N0).")
        return .n0
    }

    func metastasis(_ log: inout EvaluationLog) -> MetastasisStatus {
        if let metastasis = tumor.metastasis { return metastasis }
        log.warn(.metastasisDefaultedM0, "Distant metastasis not given: M0 assumed (no evidence of distant disease).")
        return .m0
    }

    func resectable(_ log: inout EvaluationLog) -> Bool {
        if let resectable = tumorCase.disease?.resectable { return resectable }
        log.warn(.resectableDefaulted, "Resectability not given: the tumour is assumed resectable.")
        return true
    }

    func priorSystemicLines(_ log: inout EvaluationLog) -> Int {
        if let lines = tumorCase.disease?.priorSystemicLines { return max(lines, 0) }
        log.warn(.priorSystemicLinesDefaulted, "Prior lines of systemic therapy not given: none assumed (first line).")
        return 0
    }

    func ivTherapyEligible(_ log: inout EvaluationLog) -> Bool {
        if let eligible = tumorCase.patient?.ivTherapyEligible { return eligible }
        log.warn(.ivTherapyEligibleDefaulted, "Eligibility for IV systemic therapy not given: eligible assumed.")
        return true
    }

    func anthracyclineCandidate(_ log: inout EvaluationLog) -> Bool {
        if let candidate = tumorCase.patient?.anthracyclineCandidate { return candidate }
        log.warn(.anthracyclineCandidateDefaulted, "Anthracycline candidacy not given: candidate assumed.")
        return true
    }

    /// High grade for work-up decisions: G2/G3, or GX counted as high with a warning.
    func isHighGrade(_ log: inout EvaluationLog, table: GradingTable, purpose: String) -> Bool {
        if grade.grade == .gx {
            log.warn(
                .gradeUnknownTreatedHigh,
                "Grade not given: treated as high grade for \(purpose) (the conservative choice).")
            return true
        }
        return table.highGrades.contains(grade.grade)
    }

    /// "6.0 cm" / "size not given", for traces.
    var sizeText: String {
        sizeCm.map { "\(CaseFacts.centimetres($0)) cm" } ?? "size not given"
    }

    /// "6.0", "5.01", "12.5": exactly the size the rules compared (never rounded, so a
    /// 5.001 cm T2 never reads as 5.0).
    static func centimetres(_ value: Double) -> String {
        String(value)
    }
}
