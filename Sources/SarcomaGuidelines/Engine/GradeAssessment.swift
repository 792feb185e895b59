/// The grade an evaluation uses, and where it came from: stated by the pathologist,
/// computed from the FNCLCC components (GRADE-FNCLCC), both (agreeing), or unknown (GX).
struct GradeAssessment: Sendable {
    var grade: GradeCategory
    var stated: GradeCategory?
    var score: FNCLCCScore?
    var missingComponents: [String]

    init(tumor: SarcomaCase.Tumor, table: GradingTable) {
        stated = tumor.grade.flatMap(GradeCategory.init(statedGrade:))
        score = FNCLCCScore(tumor.fnclcc, table: table)
        missingComponents = FNCLCCScore.missingComponents(tumor.fnclcc)
        switch (stated, score?.grade) {
        case (let stated?, let computed?):
            // Disagreement is refused by consistencyIssues; if evaluated anyway, the higher
            // grade is the conservative reading (and a warning says so).
            grade = [stated, computed].max { ($0.number ?? 0) < ($1.number ?? 0) } ?? stated
        case (let stated?, nil): grade = stated
        case (nil, let computed?): grade = computed
        case (nil, nil): grade = .gx
        }
    }

    var conflicts: Bool {
        if let stated, let computed = score?.grade { return stated != computed }
        return false
    }
}
