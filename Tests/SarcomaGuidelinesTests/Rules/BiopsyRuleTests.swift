import Testing
@testable import SarcomaGuidelines

/// BIOPSY-CORE and BIOPSY-NO-EXCISIONAL (clinical-rules.md section 3), read from the
/// margins answer (`biopsy.excisionalBiopsyAdvised`, `biopsy.method`).
@Suite("BIOPSY-*")
struct BiopsyRuleTests {
    @Test("BIOPSY-CORE: core-needle or incisional biopsy, named by its rule, category null",
          arguments: Site.allCases)
    func coreOrIncisional(site: Site) {
        let answer = RuleAnswer(.margins, for: .ruleCase(site, size: 6.0))
        #expect(["core_needle", "incisional"].contains(answer["biopsy.method"].string ?? "<none>"))
        #expect(answer.ruleIds.contains("BIOPSY-CORE"))
        let recommendation = answer.json["recommendations"].items.first {
            $0["ruleIds"].items.contains { $0.string == "BIOPSY-CORE" }
        }
        #expect(recommendation != nil, "no recommendation names BIOPSY-CORE")
        #expect(recommendation?["nccnCategory"].isNull == true)
    }

    /// "excisional biopsy should be avoided, especially for lesions > 3 cm ...
    /// For <= 3 cm it is not excluded."  Unknown size: not excluded cannot be shown, so avoid.
    static let excisionalRows: [(Double?, Bool)] = [
        (1.0, true), (3.0, true), (3.01, false), (4.0, false), (12.5, false), (nil, false),
    ]

    @Test("BIOPSY-NO-EXCISIONAL: > 3 cm (or no size) -> excisional biopsy not advised; <= 3 cm not excluded",
          arguments: excisionalRows)
    func excisionalBiopsy(row: (Double?, Bool)) {
        let answer = RuleAnswer(.margins, for: .ruleCase(.extremity, size: row.0))
        #expect(answer["biopsy.excisionalBiopsyAdvised"].bool == row.1)
        if row.1 == false {
            #expect(answer.ruleIds.contains("BIOPSY-NO-EXCISIONAL"))
        }
    }
}
