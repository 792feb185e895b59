/// Clinical consistency of a structurally valid case: contradictions the rules can prove
/// (the API answers 422 with these, before any evaluation).
extension GuidelineEngine {
    public func consistencyIssues(in tumorCase: SarcomaCase) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        // GRADE-FNCLCC: "a stated grade that contradicts the components is an input error".
        let grade = GradeAssessment(tumor: tumorCase.tumor, table: pack.grading)
        if grade.conflicts, let stated = grade.stated, let score = grade.score {
            issues.append(
                FieldIssue(
                    pointer: "/tumor/grade",
                    detail: "stated grade \(stated.number ?? 0) contradicts the FNCLCC components: \(score.arithmetic),"
                        + " which is grade \(score.grade.number ?? 0) (\(score.grade.rawValue), rule GRADE-FNCLCC);"
                        + " correct the grade or the components"))
        }
        return issues
    }
}
