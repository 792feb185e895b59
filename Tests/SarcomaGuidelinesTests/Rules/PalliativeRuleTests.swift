import Testing
@testable import SarcomaGuidelines

/// PALL-* (`docs/clinical/clinical-rules-2026.11-1.md` section 6; section 7 readings).
/// The base advanced case: extremity, M1 (lung), G3, resectable primary.
@Suite("PALL-*")
struct PalliativeRuleTests {
    // MARK: options with their categories, as the rules state them

    static let doxorubicin = ExpectedOption("doxorubicin", nil, "PALL-ANTHRACYCLINE-FIRST")
    static let larotrectinib = ExpectedOption("larotrectinib", "2A", defaulted: true, "PALL-NTRK")
    static let entrectinib = ExpectedOption("entrectinib", "2A", defaulted: true, "PALL-NTRK")
    static let pazopanibFirst = ExpectedOption("pazopanib", "2A", defaulted: true, "PALL-PAZOPANIB-FIRST")
    static let pazopanibLater = ExpectedOption("pazopanib", "2A", defaulted: true, "PALL-PAZOPANIB-SUBSEQUENT")
    static let pazopanibGem = ExpectedOption("pazopanib_gemcitabine", "2B", "PALL-PAZOPANIB-GEM")
    // Trabectedin: 1 for L-type, 2A (stated by the source, so not defaulted) otherwise.
    static let trabectedinLType = ExpectedOption("trabectedin", "1", "PALL-TRABECTEDIN")
    static let trabectedinOther = ExpectedOption("trabectedin", "2A", "PALL-TRABECTEDIN")
    // Eribulin: 1 for liposarcoma, 2A (stated) otherwise.
    static let eribulinLPS = ExpectedOption("eribulin", "1", "PALL-ERIBULIN")
    static let eribulinOther = ExpectedOption("eribulin", "2A", "PALL-ERIBULIN")
    static let regorafenib = ExpectedOption("regorafenib", "2A", defaulted: true, "PALL-REGORAFENIB")
    static let pembrolizumab = ExpectedOption("pembrolizumab", nil, "PALL-PD1")
    static let nivolumab = ExpectedOption("nivolumab", nil, "PALL-PD1")
    static let trial = ExpectedOption("clinical_trial", nil, "PALL-TRIAL")

    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let histology: Histology
        let priorLines: Int
        var ivEligible = true
        var anthracyclineCandidate = true
        var ntrk = false
        let line: String
        let options: [ExpectedOption]
        /// Agents that must be under notRecommended (with a reason).
        var notRecommended: [String] = []

        var testDescription: String { label }
    }

    static let rows: [Row] =
        [
            // First line
            Row(
                label: "1st line UPS, IV-eligible anthracycline candidate",
                histology: .undifferentiatedPleomorphicSarcoma, priorLines: 0, line: "first",
                options: [doxorubicin, trial]),
            Row(
                label: "1st line leiomyosarcoma, eligible", histology: .leiomyosarcoma, priorLines: 0, line: "first",
                options: [doxorubicin, trial]),
            Row(
                label: "1st line angiosarcoma, eligible", histology: .angiosarcoma, priorLines: 0, line: "first",
                options: [doxorubicin, trial]),
            Row(
                label: "1st line myxoid LPS, eligible", histology: .myxoidLiposarcoma, priorLines: 0, line: "first",
                options: [doxorubicin, trial]),
            Row(
                label: "1st line UPS, not IV-eligible", histology: .undifferentiatedPleomorphicSarcoma, priorLines: 0,
                ivEligible: false, line: "first", options: [pazopanibFirst, trial]),
            Row(
                label: "1st line synovial, not an anthracycline candidate", histology: .synovialSarcoma, priorLines: 0,
                anthracyclineCandidate: false, line: "first", options: [pazopanibFirst, trial]),
            Row(
                label: "1st line LMS, neither", histology: .leiomyosarcoma, priorLines: 0,
                ivEligible: false, anthracyclineCandidate: false, line: "first", options: [pazopanibFirst, trial]),
            Row(
                label: "1st line dedifferentiated LPS, not IV-eligible: trial only, pazopanib not recommended",
                histology: .dedifferentiatedLiposarcoma, priorLines: 0, ivEligible: false, line: "first",
                options: [trial], notRecommended: ["pazopanib"]),
            Row(
                label: "1st line ALT/WDLS, not an anthracycline candidate: trial only",
                histology: .wellDifferentiatedLiposarcoma, priorLines: 0, anthracyclineCandidate: false, line: "first",
                options: [trial], notRecommended: ["pazopanib"]),
            // NTRK, first and later lines
            Row(
                label: "1st line UPS NTRK+, eligible", histology: .undifferentiatedPleomorphicSarcoma, priorLines: 0,
                ntrk: true, line: "first", options: [doxorubicin, larotrectinib, entrectinib, trial]),
            Row(
                label: "1st line UPS NTRK+, not IV-eligible", histology: .undifferentiatedPleomorphicSarcoma,
                priorLines: 0, ivEligible: false, ntrk: true, line: "first",
                options: [larotrectinib, entrectinib, pazopanibFirst, trial]),
            Row(
                label: "2nd line UPS NTRK+", histology: .undifferentiatedPleomorphicSarcoma, priorLines: 1, ntrk: true,
                line: "subsequent",
                options: [
                    larotrectinib, entrectinib, pazopanibLater, pazopanibGem, trabectedinOther, eribulinOther,
                    regorafenib, pembrolizumab, nivolumab, trial,
                ]),
            Row(
                label: "3rd line myxoid LPS NTRK+", histology: .myxoidLiposarcoma, priorLines: 2, ntrk: true,
                line: "subsequent",
                options: [larotrectinib, entrectinib, trabectedinLType, eribulinLPS, pembrolizumab, nivolumab, trial],
                notRecommended: ["pazopanib", "regorafenib"]),
            // Subsequent lines, by histology class
            Row(
                label: "2nd line UPS (non-L-type, non-adipocytic)", histology: .undifferentiatedPleomorphicSarcoma,
                priorLines: 1, line: "subsequent",
                options: [
                    pazopanibLater, pazopanibGem, trabectedinOther, eribulinOther, regorafenib,
                    pembrolizumab, nivolumab, trial,
                ]),
            Row(
                label: "2nd line synovial sarcoma", histology: .synovialSarcoma, priorLines: 1, line: "subsequent",
                options: [
                    pazopanibLater, pazopanibGem, trabectedinOther, eribulinOther, regorafenib,
                    pembrolizumab, nivolumab, trial,
                ]),
            Row(
                label: "2nd line angiosarcoma (regorafenib named)", histology: .angiosarcoma, priorLines: 1,
                line: "subsequent",
                options: [
                    pazopanibLater, pazopanibGem, trabectedinOther, eribulinOther, regorafenib,
                    pembrolizumab, nivolumab, trial,
                ]),
            Row(
                label: "4th line leiomyosarcoma (L-type, non-adipocytic)", histology: .leiomyosarcoma, priorLines: 3,
                line: "subsequent",
                options: [
                    pazopanibLater, pazopanibGem, trabectedinLType, eribulinOther, regorafenib,
                    pembrolizumab, nivolumab, trial,
                ]),
        ]
        + liposarcomaSubtypes.map { subtype in
            Row(
                label: "2nd line \(subtype.rawValue): no pazopanib, no regorafenib", histology: subtype, priorLines: 1,
                line: "subsequent",
                options: [trabectedinLType, eribulinLPS, pembrolizumab, nivolumab, trial],
                notRecommended: ["pazopanib", "regorafenib"])
        }

    static func advancedCase(_ row: Row) -> SarcomaCase {
        .ruleCase(
            .extremity, size: 11.0, histology: row.histology, grade: 3, metastasis: .m1, ntrk: row.ntrk,
            priorLines: row.priorLines, priorAnthracycline: row.priorLines > 0,
            ivEligible: row.ivEligible, anthracyclineCandidate: row.anthracyclineCandidate)
    }

    @Test("PALL-*: options, categories and rule ids by line, eligibility, histology and NTRK", arguments: rows)
    func options(row: Row) {
        let answer = RuleAnswer(.palliative, for: Self.advancedCase(row))
        #expect(answer["indicated"].bool == true)
        #expect(answer["line"].string == row.line)
        expectOptions(answer, key: "agent", exactly: row.options)
        for agent in row.notRecommended {
            let item = answer.item("notRecommended", where: "agent", is: agent)
            #expect(item != nil, "\(agent) not under notRecommended: \(answer["notRecommended"])")
            #expect(item?["reason"].string.map { !$0.isEmpty } == true, "\(agent) not recommended without a reason")
        }
        expectWellFormedRecommendations(answer, therapy: true)
    }

    // MARK: liposarcoma withholds pazopanib in every line (section 7)

    @Test(
        "PALL-PAZOPANIB-*: never offered (alone or with gemcitabine) for any liposarcoma, in any line",
        arguments: liposarcomaSubtypes, [0, 1, 3])
    func noPazopanibForLiposarcoma(subtype: Histology, priorLines: Int) {
        for eligible in [true, false] {
            let answer = RuleAnswer(
                .palliative,
                for: .ruleCase(
                    size: 11.0, histology: subtype, grade: 3, metastasis: .m1, priorLines: priorLines,
                    priorAnthracycline: priorLines > 0, ivEligible: eligible, anthracyclineCandidate: eligible))
            let agents = answer.values("options", "agent")
            #expect(!agents.contains("pazopanib") && !agents.contains("pazopanib_gemcitabine"), "\(agents)")
            #expect(!agents.contains("regorafenib"), "regorafenib offered for liposarcoma: \(agents)")
            // Listed as not recommended wherever pazopanib would otherwise have been an option.
            if priorLines > 0 || !eligible {
                #expect(
                    answer.item("notRecommended", where: "agent", is: "pazopanib")?["reason"].string != nil,
                    "pazopanib missing from notRecommended: \(answer["notRecommended"])")
            }
        }
    }

    // MARK: line

    static let lineRows: [(Int?, String)] = [(0, "first"), (1, "subsequent"), (2, "subsequent"), (5, "subsequent")]

    @Test("PALL-*: first line with no prior systemic line, subsequent otherwise", arguments: lineRows)
    func line(row: (Int?, String)) {
        let answer = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1,
                priorLines: row.0, priorAnthracycline: true))
        #expect(answer["line"].string == row.1)
        let agents = answer.values("options", "agent")
        if row.1 == "first" {
            #expect(agents.contains("doxorubicin"))
        } else {
            #expect(!agents.contains("doxorubicin"), "doxorubicin is first line only: \(agents)")
        }
    }

    @Test(
        "PALL-*: omitted priorSystemicLines, IV eligibility and anthracycline candidacy default (first line, eligible) with warnings"
    )
    func omittedLineDefaultsToFirst() {
        let explicit = RuleAnswer(.palliative, for: .ruleCase(size: 11.0, grade: 3, metastasis: .m1, priorLines: 0))
        let omitted = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1, priorLines: nil,
                ivEligible: nil, anthracyclineCandidate: nil))
        #expect(omitted["line"].string == "first")
        #expect(omitted.values("options", "agent").contains("doxorubicin"))
        #expect(omitted.warnings(notIn: explicit).count >= 1, "defaults applied without a warning")
    }

    /// The rules restrict only the first line by IV eligibility; an IV-ineligible patient in a
    /// later line still gets the oral subsequent-line agents under their subsequent-line rules.
    /// (Whether IV agents such as trabectedin are listed for them the rules do not say.)
    @Test("PALL-PAZOPANIB-SUBSEQUENT / PALL-REGORAFENIB: IV-ineligible patient in a later line")
    func ivIneligibleLaterLine() {
        let answer = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1, priorLines: 1,
                priorAnthracycline: true, ivEligible: false))
        #expect(answer["line"].string == "subsequent")
        #expect(
            answer.item("options", where: "agent", is: "pazopanib")?["ruleId"].string == "PALL-PAZOPANIB-SUBSEQUENT")
        #expect(answer.item("options", where: "agent", is: "regorafenib")?["ruleId"].string == "PALL-REGORAFENIB")
        #expect(!answer.values("options", "agent").contains("doxorubicin"))
    }

    // MARK: doxorubicin only first line, only eligible candidates

    static let doxorubicinRows: [(Int, Bool, Bool, Bool)] = [
        // prior lines, IV-eligible, anthracycline candidate, doxorubicin offered
        (0, true, true, true),
        (0, false, true, false),
        (0, true, false, false),
        (0, false, false, false),
        (1, true, true, false),
        (2, true, true, false),
    ]

    @Test("PALL-ANTHRACYCLINE-FIRST: first line, IV-eligible anthracycline candidates only", arguments: doxorubicinRows)
    func doxorubicin(row: (Int, Bool, Bool, Bool)) {
        let answer = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1, priorLines: row.0,
                priorAnthracycline: row.0 > 0, ivEligible: row.1,
                anthracyclineCandidate: row.2))
        #expect(answer.values("options", "agent").contains("doxorubicin") == row.3)
    }

    // MARK: NTRK only with a fusion

    @Test("PALL-NTRK: no TRK inhibitor without a known NTRK fusion", arguments: [false, nil] as [Bool?], [0, 1])
    func noTRKInhibitorWithoutFusion(ntrk: Bool?, priorLines: Int) {
        let answer = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1, ntrk: ntrk,
                priorLines: priorLines, priorAnthracycline: true))
        let agents = answer.values("options", "agent")
        #expect(agents.contains("clinical_trial"), "advanced disease: options expected, got \(agents)")
        #expect(!agents.contains("larotrectinib") && !agents.contains("entrectinib"), "\(agents)")
    }

    // MARK: trabectedin without a prior anthracycline

    @Test(
        "PALL-TRABECTEDIN: without a prior anthracycline still listed, with a warning",
        arguments: [Histology.leiomyosarcoma, .undifferentiatedPleomorphicSarcoma])
    func trabectedinWithoutPriorAnthracycline(histology: Histology) {
        let without = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, histology: histology, grade: 3, metastasis: .m1,
                priorLines: 1, priorAnthracycline: false))
        let with = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, histology: histology, grade: 3, metastasis: .m1,
                priorLines: 1, priorAnthracycline: true))
        #expect(without.values("options", "agent").contains("trabectedin"))
        let added = without.warnings(notIn: with)
        #expect(rulesMention(added, anyOf: ["anthracycline", "trabectedin"]), "new warnings: \(added)")
    }

    @Test("PALL-TRABECTEDIN: prior anthracycline not stated -> still listed, with a warning")
    func trabectedinPriorAnthracyclineUnknown() {
        let unknown = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1, priorLines: 1,
                priorAnthracycline: nil))
        let known = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1, priorLines: 1,
                priorAnthracycline: true))
        #expect(unknown.values("options", "agent").contains("trabectedin"))
        #expect(rulesMention(unknown.warnings(notIn: known), anyOf: ["anthracycline", "trabectedin"]))
    }

    @Test("PALL-NOT-LOCALIZED: 'not indicated' on an assumed M0 (omitted) says M0 was assumed")
    func notIndicatedOnAssumedM0Warns() {
        let explicit = RuleAnswer(.palliative, for: .ruleCase(size: 11.0, grade: 3, metastasis: .m0))
        let omitted = RuleAnswer(.palliative, for: .ruleCase(size: 11.0, grade: 3, metastasis: nil))
        #expect(omitted["indicated"].bool == false)
        let added = omitted.warnings(notIn: explicit)
        #expect(rulesMention(added, anyOf: ["metasta", "M0"]), "new warnings: \(added)")
    }

    // MARK: ipilimumab investigational

    @Test("PALL-CTLA4-TRIAL: ipilimumab only as investigational, never an option", arguments: [0, 1])
    func ipilimumabInvestigational(priorLines: Int) {
        let answer = RuleAnswer(
            .palliative,
            for: .ruleCase(
                size: 11.0, grade: 3, metastasis: .m1,
                priorLines: priorLines, priorAnthracycline: true))
        let item = answer.item("investigational", where: "agent", is: "ipilimumab")
        #expect(item != nil, "\(answer["investigational"])")
        #expect(item?["reason"].string.map { !$0.isEmpty } == true)
        #expect(!answer.values("options", "agent").contains("ipilimumab"))
        #expect(answer.ruleIds.contains("PALL-CTLA4-TRIAL"))
    }

    // MARK: advanced or not

    struct AdvancedRow: Sendable, CustomTestStringConvertible {
        let label: String
        var site: Site = .extremity
        var nodes: NodalStatus = .n0
        let metastasis: MetastasisStatus
        let presentation: Presentation
        let resectable: Bool?
        let indicated: Bool
        var testDescription: String { "\(label) -> indicated \(indicated)" }
    }

    /// advanced = M1, or unresectable, or recurrent not resectable (section 6 vocabulary);
    /// N1 M0 resectable is not advanced (section 7).
    static let advancedRows: [AdvancedRow] = [
        AdvancedRow(
            label: "M1 primary resectable", metastasis: .m1, presentation: .primary, resectable: true, indicated: true),
        AdvancedRow(
            label: "M1 unresectable", metastasis: .m1, presentation: .primary, resectable: false, indicated: true),
        AdvancedRow(
            label: "M1 retroperitoneum", site: .retroperitoneum, metastasis: .m1, presentation: .primary,
            resectable: true, indicated: true),
        AdvancedRow(
            label: "M0 primary unresectable", metastasis: .m0, presentation: .primary, resectable: false,
            indicated: true),
        AdvancedRow(
            label: "M0 recurrent unresectable", metastasis: .m0, presentation: .recurrent, resectable: false,
            indicated: true),
        AdvancedRow(
            label: "N1 M0 unresectable", nodes: .n1, metastasis: .m0, presentation: .primary, resectable: false,
            indicated: true),
        AdvancedRow(
            label: "M0 primary resectable", metastasis: .m0, presentation: .primary, resectable: true, indicated: false),
        AdvancedRow(
            label: "M0 recurrent resectable", metastasis: .m0, presentation: .recurrent, resectable: true,
            indicated: false),
        AdvancedRow(
            label: "M0 primary, resectable not stated (default true)", metastasis: .m0, presentation: .primary,
            resectable: nil, indicated: false),
        AdvancedRow(
            label: "N1 M0 resectable extremity (section 7)", nodes: .n1, metastasis: .m0,
            presentation: .primary, resectable: true, indicated: false),
        AdvancedRow(
            label: "N1 M0 resectable trunk (section 7)", site: .trunk, nodes: .n1, metastasis: .m0,
            presentation: .primary, resectable: true, indicated: false),
        AdvancedRow(
            label: "M0 resectable retroperitoneum", site: .retroperitoneum, metastasis: .m0,
            presentation: .primary, resectable: true, indicated: false),
    ]

    @Test(
        "PALL-NOT-LOCALIZED / PALL-TRIAL: advanced disease always gets options (a trial at least); localized none",
        arguments: advancedRows)
    func advancedOrNot(row: AdvancedRow) {
        let answer = RuleAnswer(
            .palliative,
            for: .ruleCase(
                row.site, size: 11.0, grade: 3, nodes: row.nodes,
                metastasis: row.metastasis, presentation: row.presentation,
                resectable: row.resectable))
        #expect(answer["indicated"].bool == row.indicated)
        let agents = answer.values("options", "agent")
        if row.indicated {
            #expect(agents.contains("clinical_trial"), "advanced disease without a trial option: \(agents)")
            #expect(!answer.ruleIds.contains("PALL-NOT-LOCALIZED"))
        } else {
            #expect(answer.json["options"].isArray && agents.isEmpty, "localized disease with options: \(agents)")
            #expect(answer.ruleIds.contains("PALL-NOT-LOCALIZED"))
            #expect(
                rulesMention(
                    answer.reasonTexts + answer.json.recommendationObjects.compactMap { $0["rationale"].string },
                    anyOf: ["perioperative"]),
                "the reason should point to perioperative planning: \(answer.json)")
        }
    }
}
