import Testing
@testable import SarcomaGuidelines

/// GRADE-FNCLCC (`docs/clinical/clinical-rules-2026.11-1.md` section 1):
/// score = differentiation (1-3) + mitotic score + necrosis score;
/// mitoses 0-9 -> 1, 10-19 -> 2, >= 20 -> 3; necrosis 0 % -> 0, < 50 % -> 1, >= 50 % -> 2;
/// total 2-3 -> G1, 4-5 -> G2, 6-8 -> G3. A stated grade contradicting the components is an
/// input error.
@Suite("GRADE-FNCLCC")
struct GradingRuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let differentiation: Int
        let mitoses: Int
        let necrosis: Double
        /// differentiation + mitotic score + necrosis score, worked out by hand.
        let score: Int
        let grade: Int
        let why: String

        var testDescription: String {
            "diff \(differentiation), \(mitoses) mitoses/10 HPF, necrosis \(necrosis) % -> \(score) = G\(grade) (\(why))"
        }
    }

    static let rows: [Row] = [
        // differentiation, mitoses, necrosis %, score, grade, what the row checks
        Row(differentiation: 1, mitoses: 0, necrosis: 0, score: 2, grade: 1, why: "1+1+0, lowest total"),
        Row(differentiation: 2, mitoses: 9, necrosis: 0, score: 3, grade: 1, why: "9 mitoses -> 1; total 3 -> G1"),
        Row(differentiation: 2, mitoses: 10, necrosis: 0, score: 4, grade: 2, why: "10 mitoses -> 2; total 4 -> G2"),
        Row(differentiation: 3, mitoses: 19, necrosis: 0, score: 5, grade: 2, why: "19 mitoses -> 2; total 5 -> G2"),
        Row(differentiation: 3, mitoses: 20, necrosis: 0, score: 6, grade: 3, why: "20 mitoses -> 3; total 6 -> G3"),
        Row(differentiation: 2, mitoses: 5, necrosis: 0, score: 3, grade: 1, why: "necrosis 0 % -> 0"),
        Row(differentiation: 2, mitoses: 5, necrosis: 1, score: 4, grade: 2, why: "necrosis 1 % -> 1"),
        Row(differentiation: 3, mitoses: 5, necrosis: 49, score: 5, grade: 2, why: "necrosis 49 % -> 1"),
        Row(differentiation: 3, mitoses: 5, necrosis: 49.9, score: 5, grade: 2, why: "necrosis 49.9 % -> 1"),
        Row(differentiation: 3, mitoses: 5, necrosis: 50, score: 6, grade: 3, why: "necrosis 50 % -> 2"),
        Row(differentiation: 1, mitoses: 12, necrosis: 0, score: 3, grade: 1, why: "total 3 -> G1"),
        Row(
            differentiation: 1, mitoses: 12, necrosis: 0.5, score: 4, grade: 2, why: "total 4 -> G2; 0.5 % is necrosis"),
        Row(differentiation: 2, mitoses: 12, necrosis: 60, score: 6, grade: 3, why: "total 6 -> G3"),
        Row(differentiation: 3, mitoses: 22, necrosis: 30, score: 7, grade: 3, why: "contract example"),
        Row(differentiation: 3, mitoses: 40, necrosis: 100, score: 8, grade: 3, why: "highest total"),
    ]

    private static func componentsCase(_ row: Row, stated: Int? = nil) -> SarcomaCase {
        .ruleCase(
            grade: stated,
            fnclcc: .init(
                differentiation: row.differentiation, mitosesPer10Hpf: row.mitoses,
                necrosisPercent: row.necrosis))
    }

    @Test("GRADE-FNCLCC: components give the score and the grade", arguments: rows)
    func componentsGiveScoreAndGrade(_ row: Row) {
        let answer = RuleAnswer(.staging, for: Self.componentsCase(row))
        #expect(answer["grade"].string == "G\(row.grade)")
        #expect(answer["fnclccScore"].number == Double(row.score))
        #expect(answer.ruleIds.contains("GRADE-FNCLCC"))
    }

    @Test(
        "GRADE-FNCLCC: a stated grade agreeing with the components is no issue; any other is an issue at /tumor/grade",
        arguments: rows, [1, 2, 3])
    func statedGradeAgainstComponents(_ row: Row, stated: Int) {
        let issues = PackFixture.engine.consistencyIssues(in: Self.componentsCase(row, stated: stated))
            .filter { $0.pointer == "/tumor/grade" }
        if stated == row.grade {
            #expect(issues.isEmpty, "stated G\(stated) agrees with the components, yet: \(issues)")
        } else {
            #expect(!issues.isEmpty, "stated G\(stated) contradicts the components (G\(row.grade))")
        }
    }

    @Test("GRADE-FNCLCC: the contract example (grade 3, components 3+3+1) is consistent")
    func contractExampleIsConsistent() {
        #expect(PackFixture.engine.consistencyIssues(in: .contractExample).isEmpty)
        let answer = RuleAnswer(.staging, for: .contractExample)
        #expect(answer["grade"].string == "G3")
        #expect(answer["fnclccScore"].number == 7)
    }

    @Test("GRADE-FNCLCC: a stated grade alone is used as is, with no computed score", arguments: [1, 2, 3])
    func statedGradeOnly(_ grade: Int) {
        let answer = RuleAnswer(.staging, for: .ruleCase(grade: grade, fnclcc: nil))
        #expect(answer["grade"].string == "G\(grade)")
        #expect(answer["fnclccScore"].isNull)
    }

    @Test("GRADE-FNCLCC: no grade and no components -> GX, score null (not guessed)")
    func noGradeIsGX() {
        let answer = RuleAnswer(.staging, for: .ruleCase(grade: nil, fnclcc: nil))
        #expect(answer["grade"].string == "GX")
        #expect(answer["fnclccScore"].isNull)
    }

    static let incompleteComponents: [SarcomaCase.FNCLCC] = [
        .init(differentiation: 3, mitosesPer10Hpf: 25, necrosisPercent: nil),
        .init(differentiation: 3, mitosesPer10Hpf: nil, necrosisPercent: 60),
        .init(differentiation: nil, mitosesPer10Hpf: 25, necrosisPercent: 60),
    ]

    @Test(
        "GRADE-FNCLCC: incomplete components and no stated grade -> GX, score null (never a partial sum)",
        arguments: incompleteComponents)
    func incompleteComponentsAreNotGuessed(_ components: SarcomaCase.FNCLCC) {
        let answer = RuleAnswer(.staging, for: .ruleCase(grade: nil, fnclcc: components))
        #expect(answer["grade"].string == "GX")
        #expect(answer["fnclccScore"].isNull)
    }

    @Test("GRADE-FNCLCC feeds STAGE-TE: a 7 cm extremity tumour is IB at G1 and IIIA at G3 from components alone")
    func computedGradeDrivesTheStageGroup() {
        let low = RuleAnswer(
            .staging,
            for: .ruleCase(
                size: 7, grade: nil,
                fnclcc: .init(differentiation: 1, mitosesPer10Hpf: 3, necrosisPercent: 0)))
        let high = RuleAnswer(
            .staging,
            for: .ruleCase(
                size: 7, grade: nil,
                fnclcc: .init(differentiation: 3, mitosesPer10Hpf: 25, necrosisPercent: 60)))
        #expect(low["stageGroup"].string == "IB")
        #expect(high["stageGroup"].string == "IIIA")
    }
}
