import JSON
import Testing
@testable import SarcomaGuidelines

/// The §7.0 common rules of pack 2026.12-1 on both sides of each condition, from the rules
/// text: withholding (rule 4) with its reason order, categories only in their §0.3 setting
/// (rule 2), after a prior resection (rule 3), highRisk (rule 5, D19 v2), scope (rule 1).
@Suite("Pack 2026.12-1 perioperative common rules (§7.0)")
struct PerioperativeCommonRuleTests {
    static let stage3 = WorkedCase(.extremity, 7, .deep, "leiomyosarcoma", grade: 3)

    static func stage3With(_ change: @escaping @Sendable (inout WorkedCase) -> Void) -> WorkedCase {
        var input = stage3
        change(&input)
        return input
    }

    struct Withholding: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var withheld: [String]
        var listed: [String]
        var warnings: [String] = []
        var testDescription: String { name }
    }

    static let chemo = [
        "postoperative_chemotherapy", "preoperative_chemotherapy", "preoperative_chemoradiation",
    ]

    static let withholdings: [Withholding] = [
        Withholding(
            name: "IIIA, IV-eligible, ECOG 1, LMS: nothing withheld", input: stage3, withheld: [],
            listed: ["surgery", "postoperative_rt", "preoperative_rt"] + chemo),
        Withholding(
            name: "ivTherapyEligible false: chemotherapy modalities requires_iv",
            input: stage3With { $0.patient.ivTherapyEligible = false },
            withheld: chemo.map { "\($0) → requires_iv" }, listed: ["surgery", "postoperative_rt", "preoperative_rt"]),
        Withholding(
            name: "ECOG 2: not withheld", input: stage3With { $0.patient.ecog = 2 }, withheld: [],
            listed: ["surgery", "postoperative_rt", "preoperative_rt"] + chemo),
        Withholding(
            name: "ECOG 3: performance_status, surgery and RT stay, poor_performance_status",
            input: stage3With { $0.patient.ecog = 3 }, withheld: chemo.map { "\($0) → performance_status" },
            listed: ["surgery", "postoperative_rt", "preoperative_rt"], warnings: ["poor_performance_status"]),
        Withholding(
            name: "ASPS IIIB: histology_no_activity",
            input: WorkedCase(.extremity, 12, .deep, "alveolar_soft_part_sarcoma"),
            withheld: chemo.map { "\($0) → histology_no_activity" },
            listed: ["surgery", "postoperative_rt", "preoperative_rt"]),
        Withholding(
            name: "ASPS, IV-ineligible, ECOG 4: requires_iv first, the others after it in rule order",
            input: WorkedCase(.extremity, 12, .deep, "alveolar_soft_part_sarcoma") {
                $0.patient.ivTherapyEligible = false
                $0.patient.ecog = 4
            },
            withheld: chemo.map { "\($0) → requires_iv [performance_status, histology_no_activity]" },
            listed: ["surgery", "postoperative_rt", "preoperative_rt"]),
        Withholding(
            name: "recurrent IIIA with prior RT: RT modalities prior_radiotherapy_mdt, chemoradiation first by IV",
            input: stage3With {
                $0.disease.presentation = .recurrent
                $0.inputs.priorRadiotherapy = true
                $0.patient.ivTherapyEligible = false
            },
            withheld: [
                "postoperative_rt → prior_radiotherapy_mdt", "preoperative_rt → prior_radiotherapy_mdt",
                "postoperative_chemotherapy → requires_iv", "preoperative_chemotherapy → requires_iv",
                "preoperative_chemoradiation → requires_iv [prior_radiotherapy_mdt]",
            ],
            listed: ["surgery"], warnings: ["re_irradiation_mdt"]),
        Withholding(
            name: "recurrent, priorRadiotherapy false: RT listed, no warning",
            input: stage3With {
                $0.disease.presentation = .recurrent
                $0.inputs.priorRadiotherapy = false
            },
            withheld: [], listed: ["surgery", "postoperative_rt", "preoperative_rt"] + chemo),
        Withholding(
            name: "primary with priorRadiotherapy true: ignored, field_not_applicable",
            input: stage3With { $0.inputs.priorRadiotherapy = true }, withheld: [],
            listed: ["surgery", "postoperative_rt", "preoperative_rt"] + chemo, warnings: ["field_not_applicable"]),
        Withholding(
            name:
                "conversion after prior RT (recurrent, unresectable): every RT modality withheld, definitive_rt included",
            input: WorkedCase(.trunk, 12, .deep, "leiomyosarcoma", grade: 3) {
                $0.disease.presentation = .recurrent
                $0.disease.resectable = false
                $0.inputs.priorRadiotherapy = true
            },
            withheld: [
                "preoperative_rt → prior_radiotherapy_mdt", "preoperative_chemoradiation → prior_radiotherapy_mdt",
                "definitive_rt → prior_radiotherapy_mdt",
            ],
            listed: ["preoperative_systemic_therapy"], warnings: ["re_irradiation_mdt"]),
        Withholding(
            name: "regional nodal at the retroperitoneum: preoperative RT not routine",
            input: WorkedCase(.retroperitoneum, 12, nil, "leiomyosarcoma", grade: 3) { $0.tumor.nodes = .n1 },
            withheld: ["preoperative_rt → not_routine_retroperitoneum"], listed: ["surgery"]),
    ]

    @Test("Rule 7.0.4: withheld modalities, reason order, warnings", arguments: withholdings)
    func withholding(_ row: Withholding) throws {
        let section = try PerioperativeEvaluatorV2.evaluate(try row.input.facts)
        #expect(section.withheldLines == row.withheld)
        #expect(section.options.map(\.modality.rawValue) == row.listed)
        for code in row.warnings { #expect(section.warning(code) != nil, "missing warning \(code)") }
        #expect(
            section.notRecommended.allSatisfy { item in
                guard case .object(let object) = item.json else { return false }
                return object["nccnCategory"] == .null && object["evidenceType"] == .null
                    && object["categoryBasis"] == .string("none") && object["categoryDisplay"] == .null
            })
    }

    struct Category: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var modality: PerioperativeModalityV2
        var expected: String?
        var noteContains: String?
        var testDescription: String { name }
    }

    static let categories: [Category] = [
        Category(
            name: "IIIA extremity G3: postoperative RT 1 / source_deck", input: stage3, modality: .postoperativeRT,
            expected: "1 source_deck"),
        Category(
            name: "IIIA trunk G2: preoperative chemotherapy 2B / source_deck",
            input: WorkedCase(.trunk, 7, .deep, "leiomyosarcoma", grade: 2), modality: .preoperativeChemotherapy,
            expected: "2B source_deck"),
        Category(
            name: "recurrent IIIA: null, the non-primary-pathway note",
            input: stage3With { $0.disease.presentation = .recurrent }, modality: .postoperativeRT, expected: nil,
            noteContains: "the pack's sources give no category for this pathway"),
        Category(
            name: "stage II: RT null without a note (no §0.3 row)",
            input: WorkedCase(.extremity, 4, .deep, "leiomyosarcoma", grade: 3), modality: .postoperativeRT,
            expected: nil),
        Category(
            name: "IB, R1 (0 cm) and fascia stated breached: postoperative RT 1 / nccn_secondary",
            input: WorkedCase(.extremity, 7, .deep, "leiomyosarcoma", grade: 1) {
                $0.inputs.priorResection = .init(
                    type: .planned, margin: .r1, closestMarginCm: 0, fascialPlaneIntact: false)
            },
            modality: .postoperativeRT, expected: "1 nccn_secondary"),
        Category(
            name: "IB, R0 1.0 cm (inclusive) and fascia breached: category 1",
            input: WorkedCase(.extremity, 7, .deep, "leiomyosarcoma", grade: 1) {
                $0.inputs.priorResection = .init(
                    type: .planned, margin: .r0, closestMarginCm: 1.0, fascialPlaneIntact: false)
            },
            modality: .postoperativeRT, expected: "1 nccn_secondary"),
        Category(
            name: "IB, margin not given (defaulted close) and fascia breached: listed, never a category (R22)",
            input: WorkedCase(.extremity, 7, .deep, "leiomyosarcoma", grade: 1) {
                $0.inputs.priorResection = .init(type: .planned, fascialPlaneIntact: false)
            },
            modality: .postoperativeRT, expected: nil, noteContains: "category 1 applies to stage IB"),
        Category(
            name: "IA, close and breached: listed, the IB note",
            input: WorkedCase(.extremity, 4, .deep, "leiomyosarcoma", grade: 1) {
                $0.inputs.priorResection = .init(
                    type: .planned, margin: .r0, closestMarginCm: 0.5, fascialPlaneIntact: false)
            },
            modality: .postoperativeRT, expected: nil, noteContains: "category 1 applies to stage IB"),
        Category(
            name: "head and neck G3: PERIOP-HN RT null",
            input: WorkedCase(.headAndNeck, 6, nil, "leiomyosarcoma", grade: 3), modality: .postoperativeRT,
            expected: nil),
    ]

    @Test("Rule 7.0.2: a category only in its §0.3 setting", arguments: categories)
    func category(_ row: Category) throws {
        let section = try PerioperativeEvaluatorV2.evaluate(try row.input.facts)
        let option = try #require(section.option(row.modality))
        #expect(option.category.map { "\($0.category.rawValue) \($0.basis.rawValue)" } == row.expected)
        if let text = row.noteContains { #expect(option.categoryDisplay.contains(text), "\(option.categoryDisplay)") }
        if row.expected == nil {
            #expect(option.categoryDisplay.hasPrefix("NCCN category not stated in the pack's sources"))
        }
    }

    struct AfterResection: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var options: [String]
        var reasonContains: String?
        var testDescription: String { name }
    }

    static let afterResections: [AfterResection] = [
        AfterResection(
            name: "stage II after a planned R0 2 cm resection: postoperative RT only",
            input: WorkedCase(.extremity, 4, .deep, "leiomyosarcoma", grade: 3) {
                $0.inputs.priorResection = .init(
                    type: .planned, margin: .r0, closestMarginCm: 2, fascialPlaneIntact: true)
            },
            options: ["postoperative_rt (PERIOP-STAGE2-RT; —)"]),
        AfterResection(
            name: "stage II after an unplanned close resection: re-excision first, preoperative RT kept",
            input: WorkedCase(.extremity, 4, .deep, "leiomyosarcoma", grade: 3) {
                $0.inputs.priorResection = .init(type: .unplanned, margin: .r0, closestMarginCm: 0.3)
            },
            options: [
                "re_excision (MARGIN-REEXCISION; —)", "postoperative_rt (PERIOP-STAGE2-RT; —)",
                "preoperative_rt (PERIOP-STAGE2-RT; —)",
            ]),
        AfterResection(
            name: "IB after an unplanned R1 resection: one re-excision naming both rules",
            input: WorkedCase(.extremity, 7, .deep, "leiomyosarcoma", grade: 1) {
                $0.inputs.priorResection = .init(
                    type: .unplanned, margin: .r1, closestMarginCm: 0, fascialPlaneIntact: false)
            },
            options: [
                "re_excision (MARGIN-REEXCISION; —)",
                "postoperative_rt (PERIOP-STAGE1-CLOSE-MARGIN; 1 / nccn_secondary)",
            ]),
        AfterResection(
            name: "DFSP after a planned R1 resection: re-excision and RT (PERIOP-DFSP)",
            input: WorkedCase(.trunk, 4, nil, "dermatofibrosarcoma_protuberans") {
                $0.inputs.priorResection = .init(type: .planned, margin: .r1, closestMarginCm: 0)
            },
            options: ["re_excision (PERIOP-DFSP; —)", "postoperative_rt (PERIOP-DFSP; —)"]),
        AfterResection(
            name: "DFSP after a planned R0 resection: nothing further",
            input: WorkedCase(.trunk, 4, nil, "dermatofibrosarcoma_protuberans") {
                $0.inputs.priorResection = .init(type: .planned, margin: .r0, closestMarginCm: 2)
            },
            options: [], reasonContains: "definitive treatment"),
        AfterResection(
            name: "DFSP without a prior resection: surgery only",
            input: WorkedCase(.trunk, 4, nil, "dermatofibrosarcoma_protuberans"),
            options: ["surgery (PERIOP-SURGERY; —)"]),
    ]

    @Test("Rule 7.0.3 (PERIOP-AFTER-RESECTION) and PERIOP-DFSP", arguments: afterResections)
    func afterResection(_ row: AfterResection) throws {
        let section = try PerioperativeEvaluatorV2.evaluate(try row.input.facts)
        #expect(section.optionLines == row.options)
        if let text = row.reasonContains { #expect(section.reason?.contains(text) == true) }
        #expect(section.options.filter { $0.modality == .reExcision }.count <= 1)
        #expect(section.option(.reExcision)?.category == nil)
    }

    struct HighRisk: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var highRisk: Bool
        var category: Bool = false
        var testDescription: String { name }
    }

    static let highRisks: [HighRisk] = [
        HighRisk(
            name: "8.0 cm G3 extremity: not above 8",
            input: WorkedCase(.extremity, 8.0, .deep, "leiomyosarcoma", grade: 3),
            highRisk: false),
        HighRisk(
            name: "8.01 cm G3 extremity: high risk, 2A defaulted",
            input: WorkedCase(.extremity, 8.01, .deep, "leiomyosarcoma", grade: 3), highRisk: true, category: true),
        HighRisk(
            name: "9 cm G1: not counted high", input: WorkedCase(.extremity, 9, .deep, "leiomyosarcoma", grade: 1),
            highRisk: false),
        HighRisk(
            name: "9 cm trunk G3: extremity only", input: WorkedCase(.trunk, 9, .deep, "leiomyosarcoma", grade: 3),
            highRisk: false),
        HighRisk(
            name: "9 cm DFSP extremity: never",
            input: WorkedCase(.extremity, 9, .deep, "dermatofibrosarcoma_protuberans"),
            highRisk: false),
        HighRisk(
            name: "9 cm SFT (NA) no grade: counts high, no category",
            input: WorkedCase(.extremity, 9, .deep, "solitary_fibrous_tumor"), highRisk: true),
        HighRisk(
            name: "9 cm G3 N1: not N0",
            input: WorkedCase(.extremity, 9, .deep, "leiomyosarcoma", grade: 3) {
                $0.tumor.nodes = .n1
            }, highRisk: false),
        HighRisk(
            name: "9 cm G3 recurrent: high risk, no category (local_recurrence)",
            input: WorkedCase(.extremity, 9, .deep, "leiomyosarcoma", grade: 3) {
                $0.disease.presentation = .recurrent
            },
            highRisk: true),
        HighRisk(
            name: "9 cm G3 unresectable (conversion): false",
            input: WorkedCase(.extremity, 9, .deep, "leiomyosarcoma", grade: 3) { $0.disease.resectable = false },
            highRisk: false),
        HighRisk(
            name: "size not given: false", input: WorkedCase(.extremity, nil, .deep, "leiomyosarcoma", grade: 3),
            highRisk: false),
    ]

    @Test("Rule 7.0.5: PERIOP-LARGE-HIGHGRADE (D19 v2), strictly above 8 cm", arguments: highRisks)
    func highRisk(_ row: HighRisk) throws {
        let section = try PerioperativeEvaluatorV2.evaluate(try row.input.facts)
        #expect(section.highRisk == row.highRisk)
        let recommendation = section.recommendations.first { $0.ruleId == "PERIOP-LARGE-HIGHGRADE" }
        #expect((recommendation != nil) == row.highRisk)
        #expect((recommendation?.category != nil) == row.category)
    }

    struct Scope: Sendable, CustomTestStringConvertible {
        var name: String
        var age: Int?
        var options: [String]
        var warnings: [String] = []
        var testDescription: String { name }
    }

    static let scopes: [Scope] = [
        Scope(
            name: "age 11: pediatric protocol, referral only", age: 11,
            options: [
                "pediatric_protocol_referral (SCOPE-PEDIATRIC; —) P"
            ], warnings: ["pediatric_protocol_scope", "performance_scale_check"]),
        Scope(
            name: "age 12: adolescent, the stage II options then the referral last", age: 12,
            options: [
                "surgery (PERIOP-SURGERY; —)", "postoperative_rt (PERIOP-STAGE2-RT; —)",
                "preoperative_rt (PERIOP-STAGE2-RT; —)", "pediatric_protocol_referral (SCOPE-ADOLESCENT; —)",
            ], warnings: ["adolescent_patient", "performance_scale_check"]),
        Scope(
            name: "age 17: adolescent", age: 17,
            options: [
                "surgery (PERIOP-SURGERY; —)", "postoperative_rt (PERIOP-STAGE2-RT; —)",
                "preoperative_rt (PERIOP-STAGE2-RT; —)", "pediatric_protocol_referral (SCOPE-ADOLESCENT; —)",
            ], warnings: ["adolescent_patient"]),
        Scope(
            name: "age 18: adult", age: 18,
            options: [
                "surgery (PERIOP-SURGERY; —)", "postoperative_rt (PERIOP-STAGE2-RT; —)",
                "preoperative_rt (PERIOP-STAGE2-RT; —)",
            ]),
        Scope(
            name: "age not given: adult, age_not_given", age: nil,
            options: [
                "surgery (PERIOP-SURGERY; —)", "postoperative_rt (PERIOP-STAGE2-RT; —)",
                "preoperative_rt (PERIOP-STAGE2-RT; —)",
            ], warnings: ["age_not_given"]),
    ]

    @Test("Rule 7.0.1: scope by age (3.3, 3.4; pack policy R5)", arguments: scopes)
    func scope(_ row: Scope) throws {
        let input = WorkedCase(.extremity, 4, .deep, "synovial_sarcoma", grade: 3) { $0.patient.ageYears = row.age }
        let section = try PerioperativeEvaluatorV2.evaluate(try input.facts)
        #expect(section.optionLines == row.options)
        for code in row.warnings { #expect(section.warning(code) != nil, "missing warning \(code)") }
    }

    @Test("Adult rhabdomyosarcoma: pediatric scope (referral) with histology_code_meaning_changed")
    func adultRhabdomyosarcoma() throws {
        let section = try PerioperativeEvaluatorV2.evaluate(
            try WorkedCase(.extremity, 6, .deep, "rhabdomyosarcoma").facts)
        #expect(section.optionLines == ["pediatric_protocol_referral (SCOPE-PEDIATRIC; —) P"])
        #expect(section.warning("histology_code_meaning_changed") != nil)
    }

    @Test("Visceral: surgery with the organ-specific MDT reason")
    func visceral() throws {
        let section = try PerioperativeEvaluatorV2.evaluate(
            try WorkedCase(.visceral, 6, nil, "leiomyosarcoma", grade: 3).facts)
        #expect(section.optionLines == ["surgery (PERIOP-SURGERY; —)"])
        #expect(section.reason?.contains("organ-specific MDT") == true)
    }

    @Test("Trunk and RP conversion lists (§7.4); no amputation outside the extremity")
    func conversionSites() throws {
        let trunk = try PerioperativeEvaluatorV2.evaluate(
            try WorkedCase(.trunk, 12, .deep, "leiomyosarcoma", grade: 3) { $0.disease.resectable = false }.facts)
        #expect(
            trunk.options.map(\.modality.rawValue) == [
                "preoperative_rt", "preoperative_chemoradiation", "preoperative_systemic_therapy", "definitive_rt",
            ])
        let rp = try PerioperativeEvaluatorV2.evaluate(
            try WorkedCase(.retroperitoneum, 20, nil, "leiomyosarcoma", grade: 3) { $0.disease.resectable = false }
                .facts)
        #expect(rp.options.map(\.modality.rawValue) == ["preoperative_systemic_therapy"])
        #expect(rp.options.allSatisfy { $0.intent == .conversion && $0.category == nil })
        #expect(rp.systemic != nil)
    }
}
