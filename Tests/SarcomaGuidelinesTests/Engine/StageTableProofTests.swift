import JSON
@testable import SarcomaGuidelines
import Testing

/// The stage-group tables proven complete and unambiguous: every T x N x M x G of trunk/
/// extremity and retroperitoneum is matched by exactly one row, and that row gives the group
/// `docs/clinical/clinical-rules-2026.11-1.md` section 2 states (written here independently of the pack).
@Suite("Stage-group tables, exhaustively")
struct StageTableProofTests {
    /// `docs/clinical/clinical-rules-2026.11-1.md` section 2, as an oracle.
    static func expectedGroup(
        _ t: TCategory, _ n: NodalStatus, _ m: MetastasisStatus, _ g: GradeCategory,
        retroperitoneum: Bool
    ) -> StageGroup? {
        if m == .m1 { return .iv }
        if n == .n1 { return retroperitoneum ? .iiib : .iv }
        let low = g == .g1 || g == .gx
        switch t {
        case .t1: return low ? .ia : .ii
        case .t2: return low ? .ib : .iiia
        case .t3, .t4: return low ? .ib : .iiib
        default: return nil  // TX N0 M0: no group
        }
    }

    @Test(
        "Exactly one row per combination, giving the group of the rules",
        arguments: ["trunkExtremity", "retroperitoneum"])
    func everyCombination(key: String) throws {
        let group = try #require(PackFixture.pack.staging.siteGroups.first { $0.key == key })
        let table = try #require(group.stageTable)
        var combinations = 0
        for t in group.tCategories + [.tx] {
            for n in NodalStatus.allCases {
                for m in MetastasisStatus.allCases {
                    for g in GradeCategory.allCases {
                        combinations += 1
                        let rows = table.rows.filter { $0.matches(t, n, m, g) }
                        let at = "\(t.rawValue) \(n.rawValue) \(m.rawValue) \(g.rawValue)"
                        #expect(rows.count == 1, "\(key): \(rows.count) rows match \(at)")
                        guard let row = rows.first else { continue }
                        let expected = Self.expectedGroup(t, n, m, g, retroperitoneum: key == "retroperitoneum")
                        #expect(
                            row.group == expected,
                            "\(key) \(at): \(row.group?.rawValue ?? "null") != \(expected?.rawValue ?? "null")")
                        #expect(
                            (row.group == nil) == (row.reason != nil), "\(key) \(at): a null group needs its reason")
                    }
                }
            }
        }
        #expect(combinations == 5 * 2 * 2 * 4)
    }

    @Test("TX rows: null with N0 M0, IV with M1, IV (trunk/extremity) or IIIB (retroperitoneum) with N1")
    func txRows() {
        for site in [Site.extremity, .trunk, .retroperitoneum] {
            let base = SarcomaCase.Tumor(site: site, sizeCm: nil, grade: 3, nodes: .n0, metastasis: .m0)
            var nodal = base
            nodal.nodes = .n1
            var metastatic = base
            metastatic.metastasis = .m1
            metastatic.metastaticSites = [.lung]
            let none = PackFixture.engine.evaluate(.staging, for: SarcomaCase(tumor: base)).json
            #expect(none.engineValue("t") == "TX")
            #expect(none.engineValue("stageGroup") == .null)
            #expect(none.engineValue("stageGroupReason")?.stringValue?.contains("TX") == true)
            let n1 = PackFixture.engine.evaluate(.staging, for: SarcomaCase(tumor: nodal)).json
            #expect(n1.engineValue("stageGroup") == (site == .retroperitoneum ? "IIIB" : "IV"))
            #expect(n1.engineValue("stageGroupReason") == .null)
            let m1 = PackFixture.engine.evaluate(.staging, for: SarcomaCase(tumor: metastatic)).json
            #expect(m1.engineValue("stageGroup") == "IV")
        }
    }

    /// Sizes at and around the inclusive upper boundaries, with the T they must give.
    static let sizes: [(Double?, TCategory)] = [
        (0.5, .t1), (5.0, .t1), (5.01, .t2), (10.0, .t2), (10.01, .t3), (15.0, .t3), (15.01, .t4), (40, .t4),
        (nil, .tx),
    ]

    @Test(
        "Through the engine: size boundaries x grade x N x M on every size-staged site",
        arguments: [Site.extremity, .trunk, .retroperitoneum])
    func throughTheEngine(site: Site) {
        for (size, t) in Self.sizes {
            for grade in [1, 2, 3, nil] as [Int?] {
                for n in NodalStatus.allCases {
                    for m in MetastasisStatus.allCases {
                        let tumor = SarcomaCase.Tumor(
                            site: site, sizeCm: size, grade: grade, nodes: n, metastasis: m,
                            metastaticSites: m == .m1 ? [.lung] : nil)
                        let answer = PackFixture.engine.evaluate(.staging, for: SarcomaCase(tumor: tumor)).json
                        let g = grade.flatMap(GradeCategory.init(statedGrade:)) ?? .gx
                        let expected = Self.expectedGroup(t, n, m, g, retroperitoneum: site == .retroperitoneum)
                        let label =
                            "\(site.rawValue) \(size.map { String($0) } ?? "no size") G\(grade.map(String.init) ?? "X") \(n.rawValue) \(m.rawValue)"
                        #expect(answer.engineValue("t") == .string(t.rawValue), "\(label)")
                        #expect(answer.engineValue("grade") == .string(g.rawValue), "\(label)")
                        #expect(
                            answer.engineValue("stageGroup") == (expected.map { .string($0.rawValue) } ?? .null),
                            "\(label)")
                        #expect((answer.engineValue("stageGroupReason") == .null) == (expected != nil), "\(label)")
                    }
                }
            }
        }
    }
}
