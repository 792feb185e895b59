import Testing
@testable import SarcomaGuidelines

/// STAGE-RP (`docs/clinical/clinical-rules-2026.11-1.md` section 2, AJCC 8 ch. 42): T as trunk/extremity; groups the
/// same, except any T, N1, M0, any G is IIIB (not IV); M1 is IV.
@Suite("STAGE-RP")
struct StagingRetroperitonealRuleTests {
    static let sizes = StagingTrunkExtremityRuleTests.sizes
    static let grades = StagingTrunkExtremityRuleTests.grades

    @Test(
        "STAGE-RP: N0 M0 groups as trunk/extremity (IA, IB, II, IIIA, IIIB; TX no group)",
        arguments: StagingTrunkExtremityRuleTests.n0m0Table)
    func localizedGroups(row: StageRow) {
        expectStage(row, site: .retroperitoneum, rule: "STAGE-RP")
    }

    /// "any T, N1, M0, any G is IIIB"; TX included ("an N1 case is IV / IIIB, whatever T is").
    static let nodalRows: [StageRow] =
        sizes.flatMap { size, t in grades.map { StageRow(size, $0, .n1, .m0, t, "IIIB") } }

    @Test("STAGE-RP: N1 M0 is IIIB for any T (TX too) and any G", arguments: nodalRows)
    func nodalDiseaseIsIIIB(row: StageRow) {
        expectStage(row, site: .retroperitoneum, rule: "STAGE-RP")
    }

    static let metastaticRows: [StageRow] =
        sizes.flatMap { size, t in grades.map { StageRow(size, $0, .n0, .m1, t, "IV") } }
        + sizes.flatMap { size, t in grades.map { StageRow(size, $0, .n1, .m1, t, "IV") } }

    @Test("STAGE-RP: M1 is IV for any T, N and G", arguments: metastaticRows)
    func metastaticIsIV(row: StageRow) {
        expectStage(row, site: .retroperitoneum, rule: "STAGE-RP")
    }

    @Test("STAGE-RP: T boundaries as trunk/extremity", arguments: StagingTrunkExtremityRuleTests.boundaries)
    func tBoundaries(boundary: (Double, String)) {
        let answer = RuleAnswer(.staging, for: .ruleCase(.retroperitoneum, size: boundary.0, grade: 2))
        #expect(answer["t"].string == boundary.1)
    }
}
