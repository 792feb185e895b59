import JSON
import Testing
@testable import SarcomaGuidelines

/// Biopsy and margins of pack 2026.12-1 (clinical rules §5, D14 v2, D13 v2), from the rules
/// text and the §12 checks: precedence, marginMeaning, context, re-excision with the one
/// closeness predicate and its boundaries, amputation, sentinel node biopsy.
@Suite("Pack 2026.12-1 margins (§5)")
struct MarginsV2RuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var strategy: String
        var marginCm: Int?
        var meaning: String
        var ruleIds: [String]
        var context = "planned_resection"
        var alternativeMarginCm: Int?
        var warnings: [String] = []
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "C05 RP DDLPS: MARGIN-RP-EN-BLOC alone, marginCm null",
            input: WorkedCase(.retroperitoneum, 22, nil, "dedifferentiated_liposarcoma", grade: 3),
            strategy: "en_bloc_compartmental", marginCm: nil, meaning: "en_bloc_macroscopically_complete",
            ruleIds: ["MARGIN-RP-EN-BLOC"]),
        Row(
            name: "RP myxofibrosarcoma: en bloc, not the 2 cm rule",
            input: WorkedCase(.retroperitoneum, 10, nil, "myxofibrosarcoma", grade: 2),
            strategy: "en_bloc_compartmental", marginCm: nil, meaning: "en_bloc_macroscopically_complete",
            ruleIds: ["MARGIN-RP-EN-BLOC"]),
        Row(
            name: "DFSP at the retroperitoneum: en bloc with histology_site_unusual",
            input: WorkedCase(.retroperitoneum, 10, nil, "dermatofibrosarcoma_protuberans"),
            strategy: "en_bloc_compartmental", marginCm: nil, meaning: "en_bloc_macroscopically_complete",
            ruleIds: ["MARGIN-RP-EN-BLOC"], warnings: ["histology_site_unusual"]),
        Row(
            name: "C34 DFSP trunk M1: Mohs/PDEMA, 2 cm alternative, context if_primary_resected",
            input: WorkedCase(.trunk, 6, nil, "dermatofibrosarcoma_protuberans") {
                $0.patient.ageYears = 45
                $0.metastatic([.lung])
            },
            strategy: "mohs_or_pdema", marginCm: nil, meaning: "mohs_or_pdema",
            ruleIds: ["MARGIN-DFSP-PDEMA", "MARGIN-INFILTRATIVE-2CM"], context: "if_primary_resected",
            alternativeMarginCm: 2),
        Row(
            name: "DFSP at a visceral site: MARGIN-INFILTRATIVE-2CM with histology_site_unusual",
            input: WorkedCase(.visceral, 5, nil, "dermatofibrosarcoma_protuberans"), strategy: "wide_en_bloc",
            marginCm: 2, meaning: "wide_margin", ruleIds: ["MARGIN-INFILTRATIVE-2CM"],
            warnings: ["histology_site_unusual"]
        ),
        Row(
            name: "C12 angiosarcoma head and neck M1: at least 2 cm",
            input: WorkedCase(.headAndNeck, 5, nil, "angiosarcoma") {
                $0.patient.ageYears = 72
                $0.metastatic([.lung, .liver])
            },
            strategy: "wide_en_bloc", marginCm: 2, meaning: "wide_margin", ruleIds: ["MARGIN-INFILTRATIVE-2CM"],
            context: "if_primary_resected"),
        Row(
            name: "Reported infiltrative borders: 2 cm",
            input: WorkedCase(.trunk, 6, .deep, "leiomyosarcoma", grade: 2) { $0.tumor.infiltrativeBorders = true },
            strategy: "wide_en_bloc", marginCm: 2, meaning: "wide_margin", ruleIds: ["MARGIN-INFILTRATIVE-2CM"]),
        Row(
            name: "ALT/WDLS extremity, no grade (planned G1): complete excision R0, 0 cm",
            input: WorkedCase(.extremity, 12, .deep, "well_differentiated_liposarcoma"),
            strategy: "complete_excision_minimal_margin", marginCm: 0, meaning: "complete_excision_r0",
            ruleIds: ["MARGIN-ALT-MINIMAL"]),
        Row(
            name: "ALT/WDLS extremity with infiltrative borders: the widest (2 cm) wins, both named",
            input: WorkedCase(.extremity, 12, .deep, "well_differentiated_liposarcoma", grade: 1) {
                $0.tumor.infiltrativeBorders = true
            },
            strategy: "wide_en_bloc", marginCm: 2, meaning: "wide_margin",
            ruleIds: ["MARGIN-INFILTRATIVE-2CM", "MARGIN-ALT-MINIMAL"]),
        Row(
            name: "ALT/WDLS on the trunk: not the extremity, 1 cm default",
            input: WorkedCase(.trunk, 12, .deep, "well_differentiated_liposarcoma"), strategy: "wide_en_bloc",
            marginCm: 1, meaning: "wide_margin", ruleIds: ["MARGIN-WIDE-1CM"]),
        Row(
            name: "Stored ALT/WDLS G3 (CONS-WDLS-GRADE): read as DDLPS, never the minimal margin",
            input: WorkedCase(.extremity, 12, .deep, "well_differentiated_liposarcoma", grade: 3),
            strategy: "wide_en_bloc",
            marginCm: 1, meaning: "wide_margin", ruleIds: ["MARGIN-WIDE-1CM"], warnings: ["histology_grade_conflict"]),
        Row(
            name: "C37b unresectable UPS: 1 cm default, context after_conversion",
            input: WorkedCase(.extremity, 16, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.disease.resectable = false
                $0.disease.limbSparingPossible = false
            },
            strategy: "wide_en_bloc", marginCm: 1, meaning: "wide_margin", ruleIds: ["MARGIN-WIDE-1CM"],
            context: "after_conversion", warnings: ["conversion_feasibility_defaulted"]),
        Row(
            name: "C36 oligometastatic primary: context oligometastatic_primary",
            input: WorkedCase(.extremity, 7, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.metastatic([.lung])
                $0.inputs.metastasesResectable = true
            },
            strategy: "wide_en_bloc", marginCm: 1, meaning: "wide_margin", ruleIds: ["MARGIN-WIDE-1CM"],
            context: "oligometastatic_primary"),
    ]

    @Test("Strategy, marginCm, marginMeaning, rule ids and context (D14 v2, MARGIN-CONTEXT)", arguments: rows)
    func plan(_ row: Row) throws {
        let section = MarginEvaluatorV2.evaluate(try row.input.facts)
        #expect(section.strategy.rawValue == row.strategy)
        #expect(section.marginCm == row.marginCm)
        #expect(section.plan.meaning.rawValue == row.meaning)
        #expect(section.marginRuleIds == row.ruleIds)
        #expect(section.context.rawValue == row.context)
        #expect(section.plan.alternativeMarginCm == row.alternativeMarginCm)
        for code in row.warnings { #expect(section.warning(code) != nil, "missing warning \(code)") }
        guard case .object(let object) = section.json else { return }
        #expect(object["marginCm"] == (row.marginCm.map { .number(Double($0)) } ?? .null))
        #expect(object["reExcision"] != nil && object["marginMeaning"] != nil && object["context"] != nil)
    }

    struct ReExcision: Sendable, CustomTestStringConvertible {
        var name: String
        var site: Site = .extremity
        var resection: PriorResection?
        var pathwayChange: (@Sendable (inout WorkedCase) -> Void)?
        var expected: ReExcisionAdvice
        var marginWarning = false
        var testDescription: String { name }
    }

    static let reExcisions: [ReExcision] = [
        ReExcision(name: "no prior resection: not_applicable", resection: nil, expected: .notApplicable),
        ReExcision(
            name: "planned, R1: not_applicable", resection: .init(type: .planned, margin: .r1, closestMarginCm: 0),
            expected: .notApplicable),
        ReExcision(
            name: "unplanned, R1: advised", resection: .init(type: .unplanned, margin: .r1, closestMarginCm: 0),
            expected: .advised),
        ReExcision(
            name: "unplanned, 0 cm with margin omitted: positive, advised",
            resection: .init(type: .unplanned, closestMarginCm: 0), expected: .advised),
        ReExcision(
            name: "unplanned, R0 1.0 cm: close (inclusive), advised",
            resection: .init(type: .unplanned, margin: .r0, closestMarginCm: 1.0), expected: .advised),
        ReExcision(
            name: "unplanned, R0 1.01 cm: clear, mdt",
            resection: .init(type: .unplanned, margin: .r0, closestMarginCm: 1.01), expected: .mdt),
        ReExcision(
            name: "unplanned, margin and distance not given: treated as close, advised, warning",
            resection: .init(type: .unplanned), expected: .advised, marginWarning: true),
        ReExcision(
            name: "RP unplanned R0: clear by R status, mdt", site: .retroperitoneum,
            resection: .init(type: .unplanned, margin: .r0, closestMarginCm: 0.2), expected: .mdt),
        ReExcision(
            name: "RP unplanned, margin omitted (distance not used): positive, advised", site: .retroperitoneum,
            resection: .init(type: .unplanned, closestMarginCm: 3), expected: .advised, marginWarning: true),
        ReExcision(
            name: "unplanned R1 on pathway conversion: not_applicable",
            resection: .init(type: .unplanned, margin: .r1, closestMarginCm: 0),
            pathwayChange: { $0.disease.resectable = false }, expected: .notApplicable),
        ReExcision(
            name: "unplanned R1 on pathway advanced: not_applicable",
            resection: .init(type: .unplanned, margin: .r1, closestMarginCm: 0),
            pathwayChange: { $0.metastatic([.lung, .liver]) }, expected: .notApplicable),
    ]

    @Test("MARGIN-REEXCISION with the one closeness predicate (§5, M9) and its boundaries", arguments: reExcisions)
    func reExcision(_ row: ReExcision) throws {
        var input = WorkedCase(row.site, 6, .deep, "leiomyosarcoma", grade: 2)
        input.inputs.priorResection = row.resection
        row.pathwayChange?(&input)
        let section = MarginEvaluatorV2.evaluate(try input.facts)
        #expect(section.reExcision == row.expected)
        #expect((section.warning("resection_margin_not_given") != nil) == row.marginWarning)
    }

    struct Amputation: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (inout WorkedCase) -> Void
        var expected: AmputationAdvice
        var testDescription: String { name }
    }

    static let amputations: [Amputation] = [
        Amputation(name: "limb sparing not stated: not_indicated", change: { _ in }, expected: .notIndicated),
        Amputation(
            name: "limb sparing possible: not_indicated", change: { $0.disease.limbSparingPossible = true },
            expected: .notIndicated),
        Amputation(
            name: "M0, no limb sparing, localized_resectable: consider",
            change: { $0.disease.limbSparingPossible = false }, expected: .considerIfNoLimbSparingOption),
        Amputation(
            name: "M0 defaulted (metastasis omitted), no limb sparing: consider",
            change: {
                $0.disease.limbSparingPossible = false
                $0.tumor.metastasis = nil
            }, expected: .considerIfNoLimbSparingOption),
        Amputation(
            name: "C37b conversion, no limb sparing: consider",
            change: {
                $0.disease.limbSparingPossible = false
                $0.disease.resectable = false
            }, expected: .considerIfNoLimbSparingOption),
        Amputation(
            name: "C36b oligometastatic (M1), no limb sparing: never",
            change: {
                $0.disease.limbSparingPossible = false
                $0.metastatic([.lung])
                $0.inputs.metastasesResectable = true
            }, expected: .notIndicated),
        Amputation(
            name: "M0 not resectable, not convertible (advanced): not_indicated",
            change: {
                $0.disease.limbSparingPossible = false
                $0.disease.resectable = false
                $0.inputs.conversionNotFeasible = true
            }, expected: .notIndicated),
    ]

    @Test("MARGIN-AMPUTATION (v1 D13 v2): never for M1", arguments: amputations)
    func amputation(_ row: Amputation) throws {
        let input = WorkedCase(.extremity, 16, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3, row.change)
        #expect(MarginEvaluatorV2.evaluate(try input.facts).amputation == row.expected)
    }

    struct Sentinel: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var expected: MarginSectionV2.SentinelNodeBiopsy
        var testDescription: String { name }
    }

    static let sentinels: [Sentinel] = [
        Sentinel(
            name: "C30 synovial extremity N0 M0: consider",
            input: WorkedCase(.extremity, 4.5, .deep, "synovial_sarcoma", grade: 3), expected: .consider),
        Sentinel(
            name: "nodes omitted (N0 defaulted): consider",
            input: WorkedCase(.extremity, 4.5, .deep, "clear_cell_sarcoma") { $0.tumor.nodes = nil },
            expected: .consider),
        Sentinel(
            name: "C08 clear cell N1: not_indicated",
            input: WorkedCase(.extremity, 6, .deep, "clear_cell_sarcoma") { $0.tumor.nodes = .n1 },
            expected: .notIndicated),
        Sentinel(
            name: "epithelioid M1: not_indicated",
            input: WorkedCase(.extremity, 5, .deep, "epithelioid_sarcoma") { $0.metastatic([.lung]) },
            expected: .notIndicated),
        Sentinel(
            name: "synovial at the retroperitoneum: not_indicated",
            input: WorkedCase(.retroperitoneum, 8, nil, "synovial_sarcoma", grade: 3), expected: .notIndicated),
        Sentinel(
            name: "angiosarcoma visceral: not_indicated",
            input: WorkedCase(.visceral, 4, nil, "angiosarcoma"), expected: .notIndicated),
        Sentinel(
            name: "LMS (not nodal-risk): not_indicated",
            input: WorkedCase(.extremity, 4, .deep, "leiomyosarcoma", grade: 3), expected: .notIndicated),
    ]

    @Test("BIOPSY-SLNB: nodal-risk histology, N0, M0, not RP or visceral", arguments: sentinels)
    func sentinelNode(_ row: Sentinel) throws {
        #expect(MarginEvaluatorV2.evaluate(try row.input.facts).sentinelNodeBiopsy == row.expected)
    }

    @Test(
        "BIOPSY-NO-EXCISIONAL keeps the 3 cm boundary (inclusive upper side)",
        arguments: [
            (3.0, "not_excluded"), (3.01, "avoid"),
        ])
    func excisional(_ size: Double, _ expected: String) throws {
        let section = MarginEvaluatorV2.evaluate(
            try WorkedCase(.extremity, size, .deep, "leiomyosarcoma", grade: 2).facts)
        #expect(section.excisionalBiopsy == expected)
    }
}
