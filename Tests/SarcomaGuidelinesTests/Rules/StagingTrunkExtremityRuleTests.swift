import Testing
@testable import SarcomaGuidelines

/// One staging expectation: inputs (size, stated grade, N, M) -> T, G and stage group.
struct StageRow: Sendable, CustomTestStringConvertible {
    let size: Double?
    /// Stated FNCLCC grade; nil = not given (GX).
    let grade: Int?
    let nodes: NodalStatus
    let metastasis: MetastasisStatus
    let t: String
    /// nil = no group (null with a reason).
    let group: String?

    init(
        _ size: Double?, _ grade: Int?, _ nodes: NodalStatus, _ metastasis: MetastasisStatus,
        _ t: String, _ group: String?
    ) {
        self.size = size
        self.grade = grade
        self.nodes = nodes
        self.metastasis = metastasis
        self.t = t
        self.group = group
    }

    var g: String { grade.map { "G\($0)" } ?? "GX" }

    var testDescription: String {
        "\(size.map { "\($0) cm" } ?? "no size") \(g) \(nodes.rawValue) \(metastasis.rawValue) -> \(t) \(group ?? "no group")"
    }
}

/// Asserts one staging answer against one row.
func expectStage(
    _ row: StageRow, site: Site, rule: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let answer = RuleAnswer(
        .staging,
        for: .ruleCase(
            site, size: row.size, grade: row.grade,
            nodes: row.nodes, metastasis: row.metastasis))
    #expect(answer["t"].string == row.t, sourceLocation: sourceLocation)
    #expect(answer["n"].string == row.nodes.rawValue, sourceLocation: sourceLocation)
    #expect(answer["m"].string == row.metastasis.rawValue, sourceLocation: sourceLocation)
    #expect(answer["grade"].string == row.g, sourceLocation: sourceLocation)
    #expect(answer["ajccEdition"].number == 8, sourceLocation: sourceLocation)
    if let group = row.group {
        #expect(answer["stageGroup"].string == group, sourceLocation: sourceLocation)
        #expect(answer["stageGroupReason"].isNull, sourceLocation: sourceLocation)
    } else {
        #expect(
            answer["stageGroup"].isNull, "expected no group, got \(answer["stageGroup"])",
            sourceLocation: sourceLocation)
        #expect(
            answer["stageGroupReason"].string.map { !$0.isEmpty } == true,
            "a null group needs its reason", sourceLocation: sourceLocation)
    }
    #expect(answer.ruleIds.contains(rule), "\(rule) not among \(answer.ruleIds)", sourceLocation: sourceLocation)
}

/// STAGE-TE (`docs/clinical/clinical-rules-2026.11-1.md` section 2, AJCC 8 ch. 41 trunk and extremities).
@Suite("STAGE-TE")
struct StagingTrunkExtremityRuleTests {
    /// Representative sizes: T1 3 cm, T2 7.5 cm, T3 12 cm, T4 20 cm.
    /// The stage-group table, row by row (N0 M0), as in `docs/clinical/clinical-rules-2026.11-1.md`:
    static let n0m0Table: [StageRow] = [
        //      size  grade  N    M    T     group
        StageRow(3.0, 1, .n0, .m0, "T1", "IA"),
        StageRow(3.0, nil, .n0, .m0, "T1", "IA"),  // GX column
        StageRow(3.0, 2, .n0, .m0, "T1", "II"),
        StageRow(3.0, 3, .n0, .m0, "T1", "II"),
        StageRow(7.5, 1, .n0, .m0, "T2", "IB"),
        StageRow(7.5, nil, .n0, .m0, "T2", "IB"),  // GX column
        StageRow(7.5, 2, .n0, .m0, "T2", "IIIA"),
        StageRow(7.5, 3, .n0, .m0, "T2", "IIIA"),
        StageRow(12.0, 1, .n0, .m0, "T3", "IB"),
        StageRow(12.0, nil, .n0, .m0, "T3", "IB"),
        StageRow(12.0, 2, .n0, .m0, "T3", "IIIB"),
        StageRow(12.0, 3, .n0, .m0, "T3", "IIIB"),
        StageRow(20.0, 1, .n0, .m0, "T4", "IB"),
        StageRow(20.0, nil, .n0, .m0, "T4", "IB"),
        StageRow(20.0, 2, .n0, .m0, "T4", "IIIB"),
        StageRow(20.0, 3, .n0, .m0, "T4", "IIIB"),
        // No size: TX; N0 M0 gives no group (null with the reason).
        StageRow(nil, 1, .n0, .m0, "TX", nil),
        StageRow(nil, 3, .n0, .m0, "TX", nil),
        StageRow(nil, nil, .n0, .m0, "TX", nil),
    ]

    static let sizes: [(Double?, String)] = [(3.0, "T1"), (7.5, "T2"), (12.0, "T3"), (20.0, "T4"), (nil, "TX")]
    static let grades: [Int?] = [1, 2, 3, nil]

    /// "IV | any | N1 | M0 | any" and "IV | any | any | M1 | any", TX included.
    static let stageIVRows: [StageRow] =
        sizes.flatMap { size, t in grades.map { StageRow(size, $0, .n1, .m0, t, "IV") } }
        + sizes.flatMap { size, t in grades.map { StageRow(size, $0, .n0, .m1, t, "IV") } }
        + sizes.flatMap { size, t in grades.map { StageRow(size, $0, .n1, .m1, t, "IV") } }

    @Test(
        "STAGE-TE: stage groups IA-IIIB and TX (trunk staged like extremity)",
        arguments: [Site.extremity, .trunk], n0m0Table)
    func localizedGroups(site: Site, row: StageRow) {
        expectStage(row, site: site, rule: "STAGE-TE")
    }

    @Test(
        "STAGE-TE: any N1 or any M1 is IV, whatever T (TX too) and G",
        arguments: [Site.extremity, .trunk], stageIVRows)
    func stageIV(site: Site, row: StageRow) {
        expectStage(row, site: site, rule: "STAGE-TE")
    }

    /// T1 <= 5; T2 > 5 to <= 10; T3 > 10 to <= 15; T4 > 15 (upper bound inclusive).
    static let boundaries: [(Double, String)] = [
        (0.5, "T1"), (5.0, "T1"), (5.01, "T2"), (10.0, "T2"), (10.01, "T3"),
        (15.0, "T3"), (15.01, "T4"), (40.0, "T4"),
    ]

    @Test(
        "STAGE-TE: T size boundaries are inclusive on the upper side",
        arguments: [Site.extremity, .trunk], boundaries)
    func tBoundaries(site: Site, boundary: (Double, String)) {
        let answer = RuleAnswer(.staging, for: .ruleCase(site, size: boundary.0, grade: 1))
        #expect(answer["t"].string == boundary.1)
    }

    @Test("STAGE-TE: omitted nodes are N0 (AJCC) and a warning says nodal status was not given")
    func omittedNodesDefaultToN0WithWarning() {
        let explicit = RuleAnswer(.staging, for: .ruleCase(size: 7.5, grade: 3, nodes: .n0))
        let omitted = RuleAnswer(.staging, for: .ruleCase(size: 7.5, grade: 3, nodes: nil))
        #expect(omitted["n"].string == "N0")
        #expect(omitted["stageGroup"].string == "IIIA")
        let added = omitted.warnings(notIn: explicit)
        #expect(
            rulesMention(added, anyOf: ["nod", "N0"]),
            "expected a warning about nodal status; new warnings: \(added)")
    }

    @Test("STAGE-TE: omitted metastasis is M0 and a warning says so")
    func omittedMetastasisDefaultsToM0WithWarning() {
        let explicit = RuleAnswer(.staging, for: .ruleCase(size: 7.5, grade: 3, metastasis: .m0))
        let omitted = RuleAnswer(.staging, for: .ruleCase(size: 7.5, grade: 3, metastasis: nil))
        #expect(omitted["m"].string == "M0")
        #expect(omitted["stageGroup"].string == "IIIA")
        let added = omitted.warnings(notIn: explicit)
        #expect(
            rulesMention(added, anyOf: ["metasta", "M0"]),
            "expected a warning about metastasis status; new warnings: \(added)")
    }

    @Test(
        "STAGE-TE: a case with only the site: TX, N0, M0, GX, no group with a reason, two default warnings",
        arguments: [Site.extremity, .trunk])
    func siteOnly(site: Site) {
        let answer = RuleAnswer(.staging, for: .siteOnly(site))
        #expect(answer["t"].string == "TX")
        #expect(answer["n"].string == "N0")
        #expect(answer["m"].string == "M0")
        #expect(answer["grade"].string == "GX")
        #expect(answer["stageGroup"].isNull)
        #expect(answer["stageGroupReason"].string.map { !$0.isEmpty } == true)
        #expect(rulesMention(answer.warningMessages, anyOf: ["nod", "N0"]))
        #expect(rulesMention(answer.warningMessages, anyOf: ["metasta", "M0"]))
    }
}
