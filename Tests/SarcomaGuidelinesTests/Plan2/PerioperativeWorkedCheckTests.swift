import JSON
import Testing
@testable import SarcomaGuidelines

/// The perioperative parts of the clinical rules' §12 worked checks (§7), transcribed from the
/// rules text: every option in rank order with rule id and category, every withheld modality
/// with its reason codes, `highRisk`, and the warnings that are the point of a case.
@Suite("Pack 2026.12-1 perioperative worked checks (§12, §7)")
struct PerioperativeWorkedCheckTests {
    struct Check: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var pathway: CasePathway
        var options: [String]
        var withheld: [String] = []
        var highRisk = false
        var warnings: [String] = []
        var absentWarnings: [String] = []
        var testDescription: String { name }
    }

    static let ibClose = WorkedCase(.extremity, 7, .deep, "leiomyosarcoma", grade: 1) {
        $0.inputs.priorResection = PriorResection(
            type: .planned, margin: .r0, closestMarginCm: 0.5, fascialPlaneIntact: false)
    }

    static let checks: [Check] = [
        Check(
            name: "C30 stage II synovial: surgery + pre/postoperative RT, no chemotherapy (PERIOP-STAGE2-RT)",
            input: WorkedCase(.extremity, 4.5, .deep, "synovial_sarcoma", grade: 3), pathway: .localizedResectable,
            options: [
                "surgery (PERIOP-SURGERY; —)", "postoperative_rt (PERIOP-STAGE2-RT; —)",
                "preoperative_rt (PERIOP-STAGE2-RT; —)",
            ]),
        Check(
            name: "C37b unresectable UPS without limb sparing: PERIOP-CONVERSION with amputation",
            input: WorkedCase(.extremity, 16, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.disease.resectable = false
                $0.disease.limbSparingPossible = false
            },
            pathway: .conversion,
            options: [
                "preoperative_rt (PERIOP-CONVERSION; —)", "preoperative_chemoradiation (PERIOP-CONVERSION; —)",
                "preoperative_systemic_therapy (PERIOP-CONVERSION; —)",
                "isolated_limb_perfusion (PERIOP-CONVERSION; —)", "definitive_rt (PERIOP-CONVERSION; —)",
                "amputation (PERIOP-CONVERSION; —)",
            ],
            warnings: ["conversion_feasibility_defaulted"]),
        Check(
            name: "C11 infant NTRK+ infantile fibrosarcoma: referral only (SCOPE-PEDIATRIC)",
            input: WorkedCase(.extremity, 6, .deep, "infantile_fibrosarcoma") {
                $0.patient.ageYears = 1
                $0.patient.ecog = nil
                $0.disease.resectable = false
                $0.tumor.ntrkFusion = true
            },
            pathway: .conversion, options: ["pediatric_protocol_referral (SCOPE-PEDIATRIC; —) P"],
            warnings: ["pediatric_protocol_scope", "grade_not_applicable"]),
        Check(
            name: "P3 N1 M0 small superficial G3: PERIOP-NODAL",
            input: WorkedCase(.extremity, 4, .superficial, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.tumor.nodes = .n1
            },
            pathway: .regionalNodal,
            options: [
                "surgery (PERIOP-NODAL; —)", "regional_lymphadenectomy (PERIOP-NODAL; —)",
                "postoperative_rt (PERIOP-NODAL; —)", "preoperative_rt (PERIOP-NODAL; —)",
                "postoperative_chemotherapy (PERIOP-NODAL; —)", "preoperative_chemotherapy (PERIOP-NODAL; —)",
            ]),
        Check(
            name: "C36 UPS + one resectable lung metastasis: PERIOP-OLIGOMET, every category null",
            input: WorkedCase(.extremity, 7, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.metastatic([.lung])
                $0.inputs.metastasesResectable = true
            },
            pathway: .oligometastatic,
            options: [
                "surgery (PERIOP-OLIGOMET; —)", "postoperative_rt (PERIOP-OLIGOMET; —)",
                "preoperative_rt (PERIOP-OLIGOMET; —)", "postoperative_chemotherapy (PERIOP-OLIGOMET; —)",
                "preoperative_chemotherapy (PERIOP-OLIGOMET; —)", "preoperative_chemoradiation (PERIOP-OLIGOMET; —)",
                "metastasectomy (PERIOP-OLIGOMET; —)", "stereotactic_body_rt (PERIOP-OLIGOMET; —)",
                "systemic_therapy (PERIOP-OLIGOMET; —)",
            ]),
        Check(
            name: "C36b the same without limb sparing: no amputation option (H5)",
            input: WorkedCase(.extremity, 7, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.metastatic([.lung])
                $0.inputs.metastasesResectable = true
                $0.disease.limbSparingPossible = false
            },
            pathway: .oligometastatic,
            options: [
                "surgery (PERIOP-OLIGOMET; —)", "postoperative_rt (PERIOP-OLIGOMET; —)",
                "preoperative_rt (PERIOP-OLIGOMET; —)", "postoperative_chemotherapy (PERIOP-OLIGOMET; —)",
                "preoperative_chemotherapy (PERIOP-OLIGOMET; —)", "preoperative_chemoradiation (PERIOP-OLIGOMET; —)",
                "metastasectomy (PERIOP-OLIGOMET; —)", "stereotactic_body_rt (PERIOP-OLIGOMET; —)",
                "systemic_therapy (PERIOP-OLIGOMET; —)",
            ]),
        Check(
            name: "C06 head and neck 3 cm G3 UPS: PERIOP-HN",
            input: WorkedCase(.headAndNeck, 3, nil, "undifferentiated_pleomorphic_sarcoma", grade: 3),
            pathway: .localizedResectable,
            options: ["surgery (PERIOP-HN; —)", "postoperative_rt (PERIOP-HN; —)", "preoperative_rt (PERIOP-HN; —)"]),
        Check(
            name: "C05 RP DDLPS 22 cm: en bloc surgery, preoperative RT not routine (PERIOP-RP)",
            input: WorkedCase(.retroperitoneum, 22, nil, "dedifferentiated_liposarcoma", grade: 3),
            pathway: .localizedResectable, options: ["surgery (PERIOP-RP; —)"],
            withheld: ["preoperative_rt → not_routine_retroperitoneum"]),
        Check(
            name: "C39 synovial 12 cm GX: planning IIIB, RT category 1, chemotherapy 2B, highRisk 2A defaulted",
            input: WorkedCase(.extremity, 12, .deep, "synovial_sarcoma"), pathway: .localizedResectable,
            options: [
                "surgery (PERIOP-SURGERY; —)", "postoperative_rt (PERIOP-STAGE3-POSTOP-RT; 1 / source_deck)",
                "preoperative_rt (PERIOP-STAGE3-PREOP; 1 / source_deck)",
                "postoperative_chemotherapy (PERIOP-POSTOP-CHEMO; 2B / source_deck)",
                "preoperative_chemotherapy (PERIOP-STAGE3-PREOP; 2B / source_deck)",
                "preoperative_chemoradiation (PERIOP-STAGE3-PREOP; 2B / source_deck)",
            ],
            highRisk: true, warnings: ["grade_inferred_from_histology"], absentWarnings: ["grade_unknown_treated_high"]),
        Check(
            name: "C08 clear cell foot 6 cm N1: the nodal options, all null",
            input: WorkedCase(.extremity, 6, .deep, "clear_cell_sarcoma") { $0.tumor.nodes = .n1 },
            pathway: .regionalNodal,
            options: [
                "surgery (PERIOP-NODAL; —)", "regional_lymphadenectomy (PERIOP-NODAL; —)",
                "postoperative_rt (PERIOP-NODAL; —)", "preoperative_rt (PERIOP-NODAL; —)",
                "postoperative_chemotherapy (PERIOP-NODAL; —)", "preoperative_chemotherapy (PERIOP-NODAL; —)",
            ]),
        Check(
            name: "C17 recurrent UPS 4 cm G3: PERIOP-LOCAL-RECURRENCE over the stage II options",
            input: WorkedCase(.extremity, 4, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.disease.presentation = .recurrent
            },
            pathway: .localRecurrence,
            options: [
                "surgery (PERIOP-LOCAL-RECURRENCE; —)", "postoperative_rt (PERIOP-LOCAL-RECURRENCE; —)",
                "preoperative_rt (PERIOP-LOCAL-RECURRENCE; —)",
            ],
            warnings: ["prior_radiotherapy_not_given"]),
        Check(
            name: "C17b the same after prior RT: RT modalities prior_radiotherapy_mdt",
            input: WorkedCase(.extremity, 4, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.disease.presentation = .recurrent
                $0.inputs.priorRadiotherapy = true
            },
            pathway: .localRecurrence, options: ["surgery (PERIOP-LOCAL-RECURRENCE; —)"],
            withheld: ["postoperative_rt → prior_radiotherapy_mdt", "preoperative_rt → prior_radiotherapy_mdt"],
            warnings: ["re_irradiation_mdt"], absentWarnings: ["prior_radiotherapy_not_given"]),
        Check(
            name: "V-IB-CLOSE: re-excision + postoperative RT category 1 / nccn_secondary",
            input: ibClose, pathway: .localizedResectable,
            options: [
                "re_excision (PERIOP-STAGE1-CLOSE-MARGIN; —)",
                "postoperative_rt (PERIOP-STAGE1-CLOSE-MARGIN; 1 / nccn_secondary)",
            ]),
        Check(
            name: "V-IB-CLOSE-b fascial plane omitted: the same options, RT without a category",
            input: {
                var input = ibClose
                input.inputs.priorResection?.fascialPlaneIntact = nil
                return input
            }(), pathway: .localizedResectable,
            options: [
                "re_excision (PERIOP-STAGE1-CLOSE-MARGIN; —)", "postoperative_rt (PERIOP-STAGE1-CLOSE-MARGIN; —)",
            ],
            warnings: ["fascial_plane_not_given"]),
        Check(
            name: "V-IB-CLEAR margin 2.0 cm: no options (the resection is definitive)",
            input: {
                var input = ibClose
                input.inputs.priorResection?.closestMarginCm = 2.0
                return input
            }(), pathway: .localizedResectable, options: []),
        Check(
            name: "V-UNPLANNED margin 1.0 cm, fascia intact: re-excision from MARGIN-REEXCISION only",
            input: {
                var input = ibClose
                input.inputs.priorResection = PriorResection(
                    type: .unplanned, margin: .r0, closestMarginCm: 1.0, fascialPlaneIntact: true)
                return input
            }(), pathway: .localizedResectable, options: ["re_excision (MARGIN-REEXCISION; —)"]),
        Check(
            name: "V-DFSP-CONVERSION: preoperative systemic therapy and definitive RT",
            input: WorkedCase(.trunk, 9, nil, "dermatofibrosarcoma_protuberans") {
                $0.patient.ageYears = 40
                $0.patient.ecog = 0
                $0.disease.resectable = false
            },
            pathway: .conversion,
            options: [
                "preoperative_systemic_therapy (PERIOP-CONVERSION; —)", "definitive_rt (PERIOP-CONVERSION; —)",
            ]),
        Check(
            name: "V-GX-F LMS 12 cm no grade: PERIOP-GRADE-UNKNOWN-RT, highRisk without a category",
            input: WorkedCase(.extremity, 12, .deep, "leiomyosarcoma"), pathway: .localizedResectable,
            options: [
                "surgery (PERIOP-SURGERY; —)", "postoperative_rt (PERIOP-GRADE-UNKNOWN-RT; —)",
                "preoperative_rt (PERIOP-GRADE-UNKNOWN-RT; —)",
            ],
            highRisk: true, warnings: ["grade_unknown_treated_high"]),
        Check(
            name: "P2 ECOG 4 UPS M1: best supportive care, no perioperative options",
            input: WorkedCase(.extremity, nil, nil, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.patient.ageYears = 68
                $0.patient.ecog = 4
                $0.metastatic([.lung, .bone])
            },
            pathway: .bestSupportiveCare, options: []),
    ]

    @Test("Options, withheld modalities, highRisk and warnings", arguments: checks)
    func workedCheck(_ check: Check) throws {
        let section = try PerioperativeEvaluatorV2.evaluate(try check.input.facts)
        #expect(section.pathway == check.pathway)
        #expect(section.optionLines == check.options)
        #expect(section.withheldLines == check.withheld)
        #expect(section.highRisk == check.highRisk)
        #expect(section.options.map(\.rank) == Array(stride(from: 1, through: section.options.count, by: 1)))
        for code in check.warnings { #expect(section.warning(code) != nil, "missing warning \(code)") }
        for code in check.absentWarnings { #expect(section.warning(code) == nil, "unexpected warning \(code)") }
    }

    @Test("C39: the highRisk recommendation is 2A defaulted / source_deck; V-GX-F: null / none")
    func highRiskCategory() throws {
        let c39 = try PerioperativeEvaluatorV2.evaluate(try WorkedCase(.extremity, 12, .deep, "synovial_sarcoma").facts)
        #expect(c39.recommendations.first?.ruleId == "PERIOP-LARGE-HIGHGRADE")
        #expect(c39.recommendations.first?.category?.category == .twoA)
        #expect(c39.recommendations.first?.category?.defaulted == true)
        let gx = try PerioperativeEvaluatorV2.evaluate(try WorkedCase(.extremity, 12, .deep, "leiomyosarcoma").facts)
        #expect(gx.recommendations.first?.category == nil)
        #expect(
            gx.recommendations.first?.categoryDisplay?.contains(
                "the deck's listing applies to primary high-grade tumours") == true)
    }

    @Test("P3: appliesTo primary for every option but the lymphadenectomy (nodes)")
    func nodalAppliesTo() throws {
        let p3 = WorkedCase(.extremity, 4, .superficial, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
            $0.tumor.nodes = .n1
        }
        let section = try PerioperativeEvaluatorV2.evaluate(try p3.facts)
        #expect(
            section.options.map { $0.appliesTo?.rawValue ?? "null" } == [
                "primary", "nodes", "primary", "primary", "primary", "primary",
            ])
        #expect(section.option(.surgery)?.ruleIds == ["PERIOP-NODAL", "PERIOP-SURGERY"])
    }

    @Test("C36: primary options name the 7.1 IIIA rule after PERIOP-OLIGOMET; metastases and systemic appliesTo")
    func oligometastaticRules() throws {
        let c36 = WorkedCase(.extremity, 7, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
            $0.metastatic([.lung])
            $0.inputs.metastasesResectable = true
        }
        let section = try PerioperativeEvaluatorV2.evaluate(try c36.facts)
        #expect(section.option(.postoperativeRT)?.ruleIds == ["PERIOP-OLIGOMET", "PERIOP-STAGE3-POSTOP-RT"])
        #expect(section.option(.preoperativeChemotherapy)?.ruleIds == ["PERIOP-OLIGOMET", "PERIOP-STAGE3-PREOP"])
        #expect(section.option(.metastasectomy)?.appliesTo == .metastases)
        #expect(section.option(.stereotacticBodyRT)?.appliesTo == .metastases)
        #expect(section.option(.systemicTherapy)?.appliesTo == nil)
        #expect(section.option(.surgery)?.appliesTo == .primary)
        #expect(section.options.allSatisfy { $0.category == nil })
        #expect(
            section.option(.postoperativeRT)?.categoryDisplay
                == "NCCN category not stated in the pack's sources for this setting (the pack's sources give no category for this pathway); evidence: guideline statement"
        )
        #expect(
            section.systemic?.options.map(\.agent.rawValue) == [
                "doxorubicin", "doxorubicin_ifosfamide", "clinical_trial",
            ])
        #expect(section.options.allSatisfy { $0.intent == .curative })
    }

    @Test("V-IB-CLOSE: re_excision names its producing rule then PERIOP-SURGERY; categorySource MSC-NCCN")
    func closeMarginRules() throws {
        let section = try PerioperativeEvaluatorV2.evaluate(try Self.ibClose.facts)
        #expect(section.option(.reExcision)?.ruleIds == ["PERIOP-STAGE1-CLOSE-MARGIN", "PERIOP-SURGERY"])
        #expect(section.option(.postoperativeRT)?.category?.source.id == "MSC-NCCN")
        #expect(section.option(.postoperativeRT)?.categoryDisplay.hasPrefix("NCCN category 1 per MSC-NCCN") == true)
    }

    @Test("V-DFSP-CONVERSION: systemicOptions imatinib P + clinical_trial; line-F cytotoxics withheld")
    func dfspConversionSystemic() throws {
        let input = WorkedCase(.trunk, 9, nil, "dermatofibrosarcoma_protuberans") {
            $0.patient.ageYears = 40
            $0.patient.ecog = 0
            $0.disease.resectable = false
        }
        let section = try PerioperativeEvaluatorV2.evaluate(try input.facts)
        #expect(section.scope == .dfsp)
        #expect(
            section.systemic?.options.map { "\($0.agent.rawValue)\($0.preferred ? " P" : "")" } == [
                "imatinib P", "clinical_trial",
            ])
        #expect(
            section.systemic?.notRecommended.map { "\($0.agent.rawValue) → \($0.reasonCode.rawValue)" } == [
                "doxorubicin → histology_specific_standard_first",
                "doxorubicin_ifosfamide → histology_specific_standard_first",
            ])
    }

    /// `agent (ruleId) P` of the systemic options, in rank order.
    static func systemicLines(_ section: PerioperativeSectionV2) -> [String] {
        (section.systemic?.options ?? []).map { "\($0.agent.rawValue) (\($0.ruleId))\($0.preferred ? " P" : "")" }
    }

    @Test("C37b and C11: the conversion answer carries the §8 systemicOptions (lineContext first)")
    func conversionSystemicOptions() throws {
        let c37b = WorkedCase(.extremity, 16, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
            $0.disease.resectable = false
            $0.disease.limbSparingPossible = false
        }
        let adult = try PerioperativeEvaluatorV2.evaluate(try c37b.facts)
        #expect(
            Self.systemicLines(adult) == [
                "doxorubicin (PALL-ANTHRACYCLINE-FIRST) P", "doxorubicin_ifosfamide (PALL-DOX-COMBINATION)",
                "clinical_trial (PALL-TRIAL)",
            ])
        #expect(adult.systemic?.lineContext == .first)
        #expect(adult.systemic?.notRecommended.isEmpty == true)
        let c11 = WorkedCase(.extremity, 6, .deep, "infantile_fibrosarcoma") {
            $0.patient.ageYears = 1
            $0.patient.ecog = nil
            $0.disease.resectable = false
            $0.tumor.ntrkFusion = true
        }
        let infant = try PerioperativeEvaluatorV2.evaluate(try c11.facts)
        #expect(
            Self.systemicLines(infant) == [
                "pediatric_protocol_referral (SCOPE-PEDIATRIC) P", "larotrectinib (PALL-NTRK) P",
                "entrectinib (PALL-NTRK) P", "clinical_trial (PALL-TRIAL)",
            ])
        #expect(infant.warning("ecog_not_given") != nil)
        guard case .object(let object) = infant.json else { return }
        #expect(object["lineContext"] == .string("first"))
        #expect(object["pathway"] == .string("conversion") && object["intent"] == .string("conversion"))
    }

    @Test("Every section member of delta §3.4 is present, on every pathway")
    func sectionMembers() throws {
        let cases = [
            WorkedCase(.extremity, 4.5, .deep, "synovial_sarcoma", grade: 3),
            WorkedCase(.extremity, 7, .deep, "leiomyosarcoma", grade: 3) { $0.metastatic([.lung, .liver]) },
        ]
        for input in cases {
            let section = try PerioperativeEvaluatorV2.evaluate(try input.facts)
            guard case .object(let object) = section.json else {
                Issue.record("not an object")
                continue
            }
            for key in [
                "options", "highRisk", "reason", "recommendations", "scope", "pathway", "intent", "planningStageGroup",
                "planningGrade", "notRecommended", "systemicOptions", "systemicNotRecommended", "lineContext",
            ] {
                #expect(object[key] != nil, "missing \(key)")
            }
            for option in section.options {
                guard case .object(let item) = option.json else { continue }
                for key in [
                    "modality", "ruleId", "ruleIds", "nccnCategory", "categoryDefaulted", "categoryBasis",
                    "categorySource", "evidenceType", "evidenceYear", "categoryDisplay", "preferred", "rank",
                    "rankGroup", "intent", "route", "qualifyingBiomarker", "labelMinAgeYears", "appliesTo",
                    "rationale", "source", "evidence",
                ] {
                    #expect(item[key] != nil, "option lacks \(key)")
                }
            }
        }
    }
}
