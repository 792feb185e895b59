import Testing
@testable import SarcomaGuidelines

/// STAGE-HN (`docs/clinical/clinical-rules-2026.11-1.md` section 2, AJCC 8 ch. 40): T1 <= 2 cm; T2 > 2 to <= 4 cm;
/// T3 > 4 cm; T4a / T4b by invasion findings, which override size; no stage groups.
@Suite("STAGE-HN")
struct StagingHeadNeckRuleTests {
    static let sizeRows: [(Double, String)] = [
        (1.0, "T1"), (2.0, "T1"), (2.01, "T2"), (4.0, "T2"), (4.01, "T3"), (12.0, "T3"),
    ]

    @Test("STAGE-HN: T by size (upper bound inclusive)", arguments: sizeRows)
    func tBySize(row: (Double, String)) {
        let answer = RuleAnswer(.staging, for: .ruleCase(.headAndNeck, size: row.0, grade: 2))
        #expect(answer["t"].string == row.1)
        #expect(answer.ruleIds.contains("STAGE-HN"))
    }

    static let t4aFindings: [HeadNeckInvasion] = [
        .orbit, .skullBaseOrDura, .centralCompartmentViscera, .facialSkeleton, .pterygoidMuscles,
    ]
    static let t4bFindings: [HeadNeckInvasion] = [
        .brainParenchyma, .carotidEncasement, .prevertebralMuscle, .perineuralCNS,
    ]

    @Test(
        "STAGE-HN: each T4a finding gives T4a, overriding size (1.5 cm, 8 cm, no size)",
        arguments: t4aFindings, [1.5, 8.0, nil] as [Double?])
    func t4aFinding(finding: HeadNeckInvasion, size: Double?) {
        let answer = RuleAnswer(.staging, for: .ruleCase(.headAndNeck, size: size, grade: 2, headNeck: [finding]))
        #expect(answer["t"].string == "T4a")
    }

    @Test(
        "STAGE-HN: each T4b finding gives T4b, overriding size (1.5 cm, 8 cm, no size)",
        arguments: t4bFindings, [1.5, 8.0, nil] as [Double?])
    func t4bFinding(finding: HeadNeckInvasion, size: Double?) {
        let answer = RuleAnswer(.staging, for: .ruleCase(.headAndNeck, size: size, grade: 2, headNeck: [finding]))
        #expect(answer["t"].string == "T4b")
    }

    @Test("STAGE-HN: T4b wins over T4a when both are present", arguments: t4aFindings, t4bFindings)
    func t4bWinsOverT4a(a: HeadNeckInvasion, b: HeadNeckInvasion) {
        let answer = RuleAnswer(.staging, for: .ruleCase(.headAndNeck, size: 3.0, grade: 3, headNeck: [a, b]))
        #expect(answer["t"].string == "T4b")
        let reversed = RuleAnswer(.staging, for: .ruleCase(.headAndNeck, size: 3.0, grade: 3, headNeck: [b, a]))
        #expect(reversed["t"].string == "T4b")
    }

    @Test("STAGE-HN: no size and no finding is TX")
    func noSizeIsTX() {
        let answer = RuleAnswer(.staging, for: .ruleCase(.headAndNeck, size: nil, grade: 2, headNeck: nil))
        #expect(answer["t"].string == "TX")
    }

    static let groupRows: [StageRow] = [
        StageRow(1.5, 1, .n0, .m0, "T1", nil),
        StageRow(3.0, 3, .n0, .m0, "T2", nil),
        StageRow(6.0, 2, .n1, .m0, "T3", nil),
        StageRow(6.0, nil, .n0, .m1, "T3", nil),
        StageRow(6.0, 3, .n1, .m1, "T3", nil),
    ]

    @Test(
        "STAGE-HN: no AJCC 8 stage group (null with the reason), even for N1 or M1; T, N, M, G still given",
        arguments: groupRows)
    func noStageGroups(row: StageRow) {
        expectStage(row, site: .headAndNeck, rule: "STAGE-HN")
    }
}
