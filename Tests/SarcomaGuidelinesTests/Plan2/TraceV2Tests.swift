import Testing
@testable import SarcomaGuidelines

/// The v2 section traces (`?explain=true`, REND-EXPLAIN): the rules considered and why, so the
/// text can say why a rule did not apply (B1, B3).
@Suite("Pack 2026.12-1 section traces")
struct TraceV2Tests {
    static func entry(_ trace: [RuleTrace], _ rule: String) -> RuleTrace? { trace.first { $0.ruleId == rule } }

    @Test("C05 RP: the centimetre rules are traced as not applied at the retroperitoneum")
    func retroperitonealMargins() throws {
        let section = MarginEvaluatorV2.evaluate(
            try WorkedCase(.retroperitoneum, 22, nil, "dedifferentiated_liposarcoma", grade: 3).facts)
        #expect(Self.entry(section.trace, "MARGIN-RP-EN-BLOC")?.applied == true)
        for rule in ["MARGIN-WIDE-1CM", "MARGIN-INFILTRATIVE-2CM", "MARGIN-ALT-MINIMAL"] {
            let line = Self.entry(section.trace, rule)
            #expect(line?.applied == false)
            #expect(line?.reason.contains("retroperitoneum") == true)
        }
        #expect(Self.entry(section.trace, "MARGIN-AMPUTATION")?.applied == false)
    }

    @Test("C30 stage II: PERIOP-POSTOP-CHEMO traced as not applied; the options' rules as applied")
    func stageTwoPerioperative() throws {
        let section = try PerioperativeEvaluatorV2.evaluate(
            try WorkedCase(.extremity, 4.5, .deep, "synovial_sarcoma", grade: 3).facts)
        #expect(Self.entry(section.trace, "PERIOP-POSTOP-CHEMO")?.applied == false)
        #expect(Self.entry(section.trace, "PERIOP-STAGE2-RT")?.applied == true)
        #expect(Self.entry(section.trace, "SCOPE-PATHWAY")?.reason.contains("localized_resectable") == true)
        let listedRules = Set(section.options.flatMap(\.ruleIds))
        let appliedRules = Set(section.trace.filter(\.applied).map(\.ruleId))
        #expect(listedRules.isSubset(of: appliedRules))
    }

    @Test("Staging: STAGE-TE from the kept v1 tables, then GRADE-HISTOLOGY and STAGE-PLANNING")
    func staging() throws {
        let section = StagingEvaluatorV2.evaluate(try WorkedCase(.extremity, 12, .deep, "synovial_sarcoma").facts)
        #expect(Self.entry(section.trace, "STAGE-TE")?.applied == true)
        #expect(Self.entry(section.trace, "GRADE-HISTOLOGY")?.reason.contains("planning grade G3") == true)
        #expect(Self.entry(section.trace, "STAGE-PLANNING")?.reason.contains("IIIB") == true)
        #expect(Self.entry(section.trace, "STAGE-RECURRENCE")?.applied == false)
    }

    @Test("Imaging: N1 traces IMG-CHEST-CT as applied and the radiograph as not")
    func imaging() throws {
        let section = ImagingEvaluatorV2.evaluate(
            try WorkedCase(.extremity, 4, .superficial, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.tumor.nodes = .n1
            }.facts)
        #expect(Self.entry(section.trace, "IMG-CHEST-CT")?.applied == true)
        #expect(Self.entry(section.trace, "IMG-CHEST-XR")?.applied == false)
        #expect(Self.entry(section.trace, "IMG-PRIMARY-EXTREMITY-HN")?.reason.contains("mri") == true)
    }
}
