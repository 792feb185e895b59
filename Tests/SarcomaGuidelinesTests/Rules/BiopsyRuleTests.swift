import Testing
@testable import SarcomaGuidelines

/// BIOPSY-CORE and BIOPSY-NO-EXCISIONAL (`docs/clinical/clinical-rules-2026.11-1.md` section 3), read from the
/// margins answer (`biopsy.excisionalBiopsyAdvised`, `biopsy.method`).
@Suite("BIOPSY-*")
struct BiopsyRuleTests {
    @Test(
        "BIOPSY-CORE: core-needle or incisional biopsy, named by its rule, category null",
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

    /// "Excisional biopsy should be avoided, especially for lesions > 3 cm ... For <= 3 cm it
    /// is not excluded."  The rule never *advises* an excisional biopsy ("not excluded" is not
    /// "advised"; the known harm is the unplanned excision that contaminates the field), so
    /// `excisionalBiopsyAdvised` is false at every size and BIOPSY-NO-EXCISIONAL always fires.
    /// The 3 cm boundary is carried by the rest of the biopsy answer (next test).
    /// (This suite's first commit, 6e49d86, wrongly expected `true` at <= 3 cm.)
    @Test(
        "BIOPSY-NO-EXCISIONAL: excisional biopsy is never advised",
        arguments: [1.0, 3.0, 3.01, 4.0, 12.5, nil] as [Double?])
    func excisionalNeverAdvised(size: Double?) {
        let answer = RuleAnswer(.margins, for: .ruleCase(.extremity, size: size))
        #expect(answer["biopsy.excisionalBiopsyAdvised"].bool == false)
        #expect(answer.ruleIds.contains("BIOPSY-NO-EXCISIONAL"))
    }

    /// The 3 cm boundary is inclusive: 3.0 cm is "not excluded", 3.01 cm is "avoid"; an
    /// unknown size is handled as > 3 cm (the conservative reading) and announced.
    @Test("BIOPSY-NO-EXCISIONAL: 3.0 cm differs from 3.01 cm; no size is handled as > 3 cm, with a warning")
    func threeCentimetreBoundary() {
        let small = RuleAnswer(.margins, for: .ruleCase(.extremity, size: 3.0))
        let smallest = RuleAnswer(.margins, for: .ruleCase(.extremity, size: 1.0))
        let large = RuleAnswer(.margins, for: .ruleCase(.extremity, size: 3.01))
        let larger = RuleAnswer(.margins, for: .ruleCase(.extremity, size: 12.5))
        let unknown = RuleAnswer(.margins, for: .ruleCase(.extremity, size: nil))
        #expect(small["biopsy"].raw != large["biopsy"].raw, "3.0 cm and 3.01 cm get the same biopsy advice")
        #expect(small["biopsy"].raw == smallest["biopsy"].raw)
        #expect(large["biopsy"].raw == larger["biopsy"].raw)
        #expect(unknown["biopsy"].raw == large["biopsy"].raw, "unknown size must be handled as > 3 cm")
        #expect(rulesMention(unknown.warnings(notIn: large), anyOf: ["size"]), "unknown size not announced")
    }
}
