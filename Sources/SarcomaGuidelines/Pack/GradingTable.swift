/// FNCLCC grading thresholds (rule GRADE-FNCLCC), from `grading.json`.
final class GradingTable: Sendable {
    let ruleID: RuleID
    let differentiationRange: ClosedRange<Int>
    let mitoticScore: ThresholdScale<Int>
    let necrosisScore: ThresholdScale<Int>
    let grade: ThresholdScale<GradeCategory>
    /// Grades counted as "high" (G2, G3).
    let highGrades: Set<GradeCategory>
    static func load(_ node: PackNode, catalogue: RuleCatalogue) throws(GuidelinePackError) -> GradingTable {
        var reader = try node.object()
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        var rangeReader = try reader.required("differentiation").object()
        let low = try rangeReader.required("min").integer()
        let maxNode = try rangeReader.required("max")
        let high = try maxNode.integer()
        try rangeReader.finish()
        guard low <= high else { throw maxNode.failure("is below min") }
        let score: (PackNode) throws(GuidelinePackError) -> Int = { node throws(GuidelinePackError) in
            try node.integer()
        }
        let mitotic = try ThresholdScale.load(try reader.required("mitoticScore"), value: score)
        let necrosis = try ThresholdScale.load(try reader.required("necrosisScore"), value: score)
        let grade = try ThresholdScale.load(try reader.required("grade")) { node throws(GuidelinePackError) in
            let grade = try node.code(GradeCategory.self, "a grade")
            if grade == .gx { throw node.failure("GX cannot result from a score") }
            return grade
        }
        let highNode = try reader.required("highGrades")
        let highGrades = try highNode.codes(GradeCategory.self, "a grade")
        if highGrades.contains(.gx) {
            throw highNode.failure(
                "lists GX: unknown grade is treated as high by the engine, with a warning, not by the table")
        }
        try reader.finish()
        return GradingTable(
            ruleID: ruleID, differentiationRange: low...high, mitoticScore: mitotic,
            necrosisScore: necrosis, grade: grade, highGrades: Set(highGrades))
    }

    /// A class: read on every evaluation, shared by reference rather than copied field by field.
    init(
        ruleID: RuleID, differentiationRange: ClosedRange<Int>, mitoticScore: ThresholdScale<Int>,
        necrosisScore: ThresholdScale<Int>, grade: ThresholdScale<GradeCategory>, highGrades: Set<GradeCategory>
    ) {
        self.ruleID = ruleID
        self.differentiationRange = differentiationRange
        self.mitoticScore = mitoticScore
        self.necrosisScore = necrosisScore
        self.grade = grade
        self.highGrades = highGrades
    }
}
