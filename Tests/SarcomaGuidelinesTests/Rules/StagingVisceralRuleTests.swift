import Testing
@testable import SarcomaGuidelines

/// STAGE-VI (`docs/clinical/clinical-rules-2026.11-1.md` section 2, AJCC 8 ch. 44): T1 organ-confined; T2a serosa;
/// T2b beyond the serosa; T3 another organ; T4a multifocal 2 sites; T4b 3-5; T4c > 5.
/// Size does not enter T; no stage groups.
@Suite("STAGE-VI")
struct StagingVisceralRuleTests {
    static let extentRows: [(VisceralExtent, String)] = [
        (.organConfined, "T1"), (.serosa, "T2a"), (.beyondSerosa, "T2b"), (.anotherOrgan, "T3"),
    ]

    @Test(
        "STAGE-VI: extent gives T; size is ignored (2 cm, 25 cm, no size)",
        arguments: extentRows, [2.0, 25.0, nil] as [Double?])
    func tByExtent(row: (VisceralExtent, String), size: Double?) {
        let answer = RuleAnswer(
            .staging,
            for: .ruleCase(
                .visceral, size: size, grade: 2,
                visceralExtent: row.0, multifocal: nil))
        #expect(answer["t"].string == row.1)
        #expect(answer.ruleIds.contains("STAGE-VI"))
    }

    /// multifocalSites -> T; 1 site is not multifocal, so the extent decides.
    static let multifocalRows: [(Int, VisceralExtent?, String)] = [
        (1, .organConfined, "T1"),
        (1, .anotherOrgan, "T3"),
        (2, .organConfined, "T4a"),
        (2, .anotherOrgan, "T4a"),
        (2, nil, "T4a"),
        (3, .serosa, "T4b"),
        (4, nil, "T4b"),
        (5, .beyondSerosa, "T4b"),
        (6, .organConfined, "T4c"),
        (9, nil, "T4c"),
    ]

    @Test("STAGE-VI: multifocal sites 2 -> T4a, 3-5 -> T4b, > 5 -> T4c; 1 -> by extent", arguments: multifocalRows)
    func tByMultifocality(row: (Int, VisceralExtent?, String)) {
        let answer = RuleAnswer(
            .staging,
            for: .ruleCase(
                .visceral, size: 4.0, grade: 3,
                visceralExtent: row.1, multifocal: row.0))
        #expect(answer["t"].string == row.2)
    }

    @Test("STAGE-VI: no extent and no multifocality is TX, whatever the size", arguments: [6.0, nil] as [Double?])
    func noExtentIsTX(size: Double?) {
        let answer = RuleAnswer(
            .staging,
            for: .ruleCase(
                .visceral, size: size, grade: 3,
                visceralExtent: nil, multifocal: nil))
        #expect(answer["t"].string == "TX")
    }

    static let groupRows: [(VisceralExtent, Int?, NodalStatus, MetastasisStatus, String)] = [
        (.organConfined, 1, .n0, .m0, "T1"),
        (.serosa, 3, .n0, .m0, "T2a"),
        (.anotherOrgan, 2, .n1, .m0, "T3"),
        (.beyondSerosa, nil, .n0, .m1, "T2b"),
    ]

    @Test("STAGE-VI: no stage group (null with the reason); T, N, M, G still given", arguments: groupRows)
    func noStageGroups(row: (VisceralExtent, Int?, NodalStatus, MetastasisStatus, String)) {
        let answer = RuleAnswer(
            .staging,
            for: .ruleCase(
                .visceral, size: 5.0, grade: row.1, nodes: row.2,
                metastasis: row.3, visceralExtent: row.0))
        #expect(answer["t"].string == row.4)
        #expect(answer["n"].string == row.2.rawValue)
        #expect(answer["m"].string == row.3.rawValue)
        #expect(answer["grade"].string == (row.1.map { "G\($0)" } ?? "GX"))
        #expect(answer["stageGroup"].isNull)
        #expect(answer["stageGroupReason"].string.map { !$0.isEmpty } == true)
    }
}
