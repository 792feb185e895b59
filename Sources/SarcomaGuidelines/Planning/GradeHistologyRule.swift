/// GRADE-HISTOLOGY and CONS-WDLS-GRADE (clinical rules §3.2, §4): the planning grade from the
/// AJCC grade (stated or FNCLCC-computed, v1 GRADE-FNCLCC) and the histology's grade policy
/// (§2.2). Only a verified `H`/`L` row changes a planning grade (§0.1).
public struct GradeHistologyRule: Sendable {
    let classes: HistologyClassTable

    static let wdls = "well_differentiated_liposarcoma"
    static let dedifferentiated = "dedifferentiated_liposarcoma"
    static let wdlsDetail =
        "well-differentiated liposarcoma (ALT/WDLS) is low grade by definition; a grade 2-3 component "
        + "is dedifferentiated liposarcoma: correct the histology to dedifferentiated_liposarcoma or the grade"

    public init(classes: HistologyClassTable) {
        self.classes = classes
    }

    /// CONS-WDLS-GRADE (422, pack reading R1): ALT/WDLS with a stated grade 2/3 (`/tumor/grade`),
    /// or, with no stated grade, complete FNCLCC components computing G2/G3 (`/tumor/fnclcc`).
    /// Enforced by the v2 evaluations and every case write, never by `/v1` evaluations. The
    /// FNCLCC arithmetic is v1's (GRADE-FNCLCC kept), read from the contract-1 pack.
    public static func wdlsGradeIssue(in tumor: SarcomaCase.Tumor, gradedBy pack: GuidelinePack) -> FieldIssue? {
        guard tumor.histology?.rawValue == wdls else { return nil }
        let grade = GradeAssessment(tumor: tumor, table: pack.grading)
        if let stated = grade.stated {
            guard stated == .g2 || stated == .g3 else { return nil }
            return FieldIssue(pointer: "/tumor/grade", detail: wdlsDetail)
        }
        guard let score = grade.score, score.grade == .g2 || score.grade == .g3 else { return nil }
        return FieldIssue(
            pointer: "/tumor/fnclcc",
            detail: wdlsDetail + " (FNCLCC \(score.arithmetic), grade \(score.grade.number ?? 0))")
    }

    /// The planning grade of a case whose AJCC grade is `grade` (GX when neither stated nor computed).
    public func decide(histology: String?, grade: GradeCategory) throws(SystemicInputError) -> PlanningGradeDecision {
        var warnings: [PlanWarning] = []
        var effective = histology
        if histology == Self.wdls, grade == .g2 || grade == .g3 {
            // A case stored before this pack: evaluated, never trapped (cf. v1 D29), as DDLPS.
            effective = Self.dedifferentiated
            warnings.append(
                PlanWarning(
                    code: "histology_grade_conflict",
                    message: "\(Self.wdlsDetail); this stored case is evaluated as dedifferentiated liposarcoma "
                        + "(no minimal-margin excision)"))
        }
        guard let row = classes.row(for: effective) else { throw .unknownHistology(effective ?? "") }
        var ruleIds = ["GRADE-HISTOLOGY"]
        if effective != histology { ruleIds.append("CONS-WDLS-GRADE") }
        let policy = row.gradePolicy
        let name = row.code ?? "this histology"
        let basis = policy.basis.joined(separator: ", ")

        if row.scope == .dfsp {
            return PlanningGradeDecision(
                planningGrade: .notApplicable, gradeApplicable: false, effectiveHistology: effective,
                ruleIds: ruleIds + ["STAGE-DFSP"], warnings: warnings)
        }
        let planning: PlanningGrade
        switch (policy.kind, grade) {
        case (.highByDefinition, .g1):
            planning = policy.changesPlanningGrade ? .g3 : .g1
            warnings.append(
                PlanWarning(
                    code: "histology_grade_unusual",
                    message: "\(name) is high grade by definition (\(basis)); planning uses \(planning.rawValue); "
                        + "check the grade and the histology"))
        case (.highByDefinition, .gx) where policy.changesPlanningGrade:
            planning = .g3
            warnings.append(
                PlanWarning(
                    code: "grade_inferred_from_histology",
                    message: "no grade given: \(name) is high grade by definition (\(basis)); planned as G3"))
        case (.lowByDefinition, .gx) where policy.changesPlanningGrade:
            planning = .g1
            warnings.append(
                PlanWarning(
                    code: "grade_inferred_from_histology",
                    message: "no grade given: \(name) is low grade by definition (\(basis)); planned as G1"))
        case (.notApplicable, .gx):
            planning = .notApplicable
            warnings.append(
                PlanWarning(
                    code: "grade_not_applicable",
                    message: "FNCLCC grading does not apply to \(name); histotype-specific risk assessment by the MDT"))
        case (.notApplicable, _):
            planning = PlanningGrade(grade)
            warnings.append(
                PlanWarning(
                    code: "grade_not_applicable",
                    message:
                        "FNCLCC grading does not apply to \(name); the stated grade \(grade.rawValue) is used as given")
            )
        default:
            planning = PlanningGrade(grade)
        }
        return PlanningGradeDecision(
            planningGrade: planning, gradeApplicable: policy.kind != .notApplicable,
            effectiveHistology: effective, ruleIds: ruleIds, warnings: warnings)
    }
}
