import Testing
@testable import SarcomaGuidelines

/// The systemic parts of the clinical rules' §12 worked checks, transcribed from the rules
/// text: every option in rank order with rule id, category and preferred flag, every
/// not-recommended item with its reason codes, and the warnings that are the point of a case.
@Suite("Pack 2026.12-1 systemic worked checks (§12)")
struct SystemicWorkedCheckTests {
    struct Check: Sendable, CustomTestStringConvertible {
        var name: String
        var input: SystemicCase
        var options: [String]
        var withheld: [String]
        var warnings: [String] = []
        var absentWarnings: [String] = []
        /// Substrings the named warning's message must contain.
        var warningTexts: [(code: String, contains: [String])] = []
        var testDescription: String { name }
    }

    static let c14 = SystemicCaseBuilder.worked("synovial_sarcoma") {
        $0.ageYears = 30
        $0.priorSystemicLines = 1
        $0.priorAnthracycline = true
        $0.cumulativeDoxorubicinMgM2 = 450
        $0.progressedOnAnthracycline = true
        $0.progressedOnAgents = [.doxorubicinIfosfamide]
        $0.priorCardiotoxicTherapy = false
        $0.biomarkers.hlaA02Eligible = true
        $0.biomarkers.hlaA0205Present = false
        $0.biomarkers.mageA4Positive = true
    }
    static let c14Options = [
        "pazopanib (PALL-PAZOPANIB-SUBSEQUENT; 2A* / source_deck)", "trabectedin (PALL-TRABECTEDIN; 2A / source_deck)",
        "eribulin (PALL-ERIBULIN; 2A / source_deck)", "regorafenib (PALL-REGORAFENIB; 2A* / source_deck)",
        "pazopanib_gemcitabine (PALL-PAZOPANIB-GEM; 2B / source_deck)", "gemcitabine_docetaxel (PALL-GEMDOC; —)",
        "clinical_trial (PALL-TRIAL; —)", "best_supportive_care (PALL-BSC; —)",
    ]
    static let c31 = SystemicCaseBuilder.worked("leiomyosarcoma") {
        $0.ageYears = 55
        $0.priorAnthracycline = true
        $0.cumulativeDoxorubicinMgM2 = 300
        $0.monthsSinceLastAnthracycline = 8
        $0.progressedOnAnthracycline = false
        $0.priorCardiotoxicTherapy = false
    }
    static let c31Options = [
        "trabectedin (PALL-TRABECTEDIN; 1 / source_deck) P", "eribulin (PALL-ERIBULIN; 2A / source_deck)",
        "regorafenib (PALL-REGORAFENIB; 2A* / source_deck)", "pazopanib (PALL-PAZOPANIB-SUBSEQUENT; —)",
        "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)",
        "gemcitabine_docetaxel (PALL-GEMDOC; —)", "doxorubicin_dacarbazine (PALL-DOX-COMBINATION; —)",
        "pazopanib_gemcitabine (PALL-PAZOPANIB-GEM; —)", "dacarbazine (PALL-DTIC; —)",
        "clinical_trial (PALL-TRIAL; —)", "best_supportive_care (PALL-BSC; —)",
    ]
    static let c31Withheld = ["pembrolizumab → histology_no_activity", "nivolumab → insufficient_activity"]

    static let checks: [Check] = [
        Check(
            name: "C37b unresectable UPS: conversion systemicOptions",
            input: SystemicCaseBuilder.worked("undifferentiated_pleomorphic_sarcoma", pathway: .conversion),
            options: [
                "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —) P", "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)",
                "clinical_trial (PALL-TRIAL; —)",
            ],
            withheld: []),
        Check(
            name: "C11 infant NTRK+ infantile fibrosarcoma: referral and TRK inhibitors, no doxorubicin",
            input: SystemicCaseBuilder.worked("infantile_fibrosarcoma", pathway: .conversion) {
                $0.scope = .pediatricProtocol
                $0.ageYears = 1
                $0.ecog = nil
                $0.biomarkers.ntrkFusion = true
            },
            options: [
                "pediatric_protocol_referral (SCOPE-PEDIATRIC; —) P", "larotrectinib (PALL-NTRK; —) P",
                "entrectinib (PALL-NTRK; —) P", "clinical_trial (PALL-TRIAL; —)",
            ],
            withheld: [], warnings: ["pediatric_protocol_scope", "ecog_not_given"]),
        Check(
            name: "P1 IV-ineligible LMS, second line",
            input: SystemicCaseBuilder.worked("leiomyosarcoma") {
                $0.ageYears = 70
                $0.ecog = 2
                $0.ivTherapyEligible = false
                $0.anthracyclineCandidate = false
                $0.priorSystemicLines = 1
            },
            options: [
                "pazopanib (PALL-PAZOPANIB-SUBSEQUENT; 2A* / source_deck)",
                "regorafenib (PALL-REGORAFENIB; 2A* / source_deck)",
                "clinical_trial (PALL-TRIAL; —)", "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: [
                "doxorubicin → requires_iv [not_anthracycline_candidate]",
                "doxorubicin_ifosfamide → requires_iv [not_anthracycline_candidate, trial_fitness]",
                "doxorubicin_dacarbazine → requires_iv [not_anthracycline_candidate]",
                "gemcitabine_docetaxel → requires_iv", "pazopanib_gemcitabine → requires_iv",
                "trabectedin → requires_iv",
                "eribulin → requires_iv", "dacarbazine → requires_iv",
                "pembrolizumab → requires_iv [histology_no_activity]",
                "nivolumab → requires_iv [insufficient_activity]",
            ],
            warnings: ["biomarker_tests_not_reported"],
            warningTexts: [
                ("biomarker_tests_not_reported", ["BRAF V600E (dabrafenib_trametinib)", "RET fusion (selpercatinib)"])
            ]),
        Check(
            name: "P2 ECOG 4 UPS M1: best supportive care only",
            input: SystemicCaseBuilder.worked("undifferentiated_pleomorphic_sarcoma", pathway: .bestSupportiveCare) {
                $0.ageYears = 68
                $0.ecog = 4
            },
            options: ["best_supportive_care (PALL-BSC; —) P"],
            withheld: [
                "doxorubicin → performance_status", "doxorubicin_ifosfamide → performance_status [trial_fitness]",
                "clinical_trial → performance_status",
            ],
            absentWarnings: ["biomarker_tests_not_reported", "ntrk_status_unknown"]),
        Check(
            name: "C28 epithelioid N1 M1 first line",
            input: SystemicCaseBuilder.worked("epithelioid_sarcoma") { $0.ageYears = 30 },
            options: [
                "tazemetostat (PALL-HIST-ES; —) P", "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —) P",
                "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)", "clinical_trial (PALL-TRIAL; —)",
                "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: [], warnings: ["biomarker_tests_not_reported"],
            warningTexts: [("biomarker_tests_not_reported", ["INI1 (tazemetostat, already listed"])]),
        Check(
            name: "C36 UPS with one resectable lung metastasis: oligometastatic systemicOptions",
            input: SystemicCaseBuilder.worked("undifferentiated_pleomorphic_sarcoma", pathway: .oligometastatic),
            options: [
                "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —) P", "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)",
                "clinical_trial (PALL-TRIAL; —)",
            ],
            withheld: []),
        Check(
            name: "C31 LMS M1 after perioperative doxorubicin", input: c31, options: c31Options, withheld: c31Withheld,
            warnings: ["anthracycline_rechallenge", "dexrazoxane_consider", "biomarker_tests_not_reported"],
            warningTexts: [
                ("anthracycline_rechallenge", ["1–2 %", "8 months"]),
                ("biomarker_tests_not_reported", ["MSI-H", "dMMR", "TMB", "BRAF V600E", "RET fusion"]),
            ]),
        Check(
            name: "C34 DFSP M1 first line",
            input: SystemicCaseBuilder.worked("dermatofibrosarcoma_protuberans") {
                $0.scope = .dfsp
                $0.ageYears = 45
            },
            options: [
                "imatinib (PALL-HIST-DFSP; —) P", "clinical_trial (PALL-TRIAL; —)",
                "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: [
                "doxorubicin → histology_specific_standard_first",
                "doxorubicin_ifosfamide → histology_specific_standard_first",
            ]),
        Check(
            name: "C27 ASPS M1",
            input: SystemicCaseBuilder.worked("alveolar_soft_part_sarcoma") { $0.ageYears = 25 },
            options: [
                "atezolizumab (PALL-HIST-ASPS; —) P", "axitinib_pembrolizumab (PALL-HIST-ASPS; —)",
                "pazopanib (PALL-HIST-ASPS; —)", "clinical_trial (PALL-TRIAL; —)", "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: ["doxorubicin → histology_no_activity", "doxorubicin_ifosfamide → histology_no_activity"]),
        Check(
            name: "C12 angiosarcoma M1 first line",
            input: SystemicCaseBuilder.worked("angiosarcoma") { $0.ageYears = 72 },
            options: [
                "paclitaxel (PALL-HIST-ANGIO; —) P", "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —) P",
                "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)", "clinical_trial (PALL-TRIAL; —)",
                "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: [], warnings: ["trial_age_limit"]),
        Check(
            name: "C14 synovial second line, HLA/MAGE positive", input: c14,
            options: ["afamitresgene_autoleucel (PALL-HIST-SYN; —) P"] + c14Options,
            withheld: [
                "ifosfamide → prior_progression", "pembrolizumab → histology_no_activity",
                "nivolumab → insufficient_activity",
            ]),
        Check(
            name: "C35 myxoid LPS, not an anthracycline candidate",
            input: SystemicCaseBuilder.worked("myxoid_liposarcoma") {
                $0.ageYears = 65
                $0.anthracyclineCandidate = false
            },
            options: [
                "gemcitabine_docetaxel (PALL-NON-ANTHRACYCLINE-FIRST; —)",
                "trabectedin (PALL-NON-ANTHRACYCLINE-FIRST; —)",
                "eribulin (PALL-NON-ANTHRACYCLINE-FIRST; —)", "clinical_trial (PALL-TRIAL; —)",
                "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: [
                "doxorubicin → not_anthracycline_candidate", "doxorubicin_ifosfamide → not_anthracycline_candidate",
                "pazopanib → liposarcoma_no_activity",
            ],
            warnings: ["used_before_anthracycline"],
            warningTexts: [("used_before_anthracycline", ["trabectedin", "eribulin"])]),
        Check(
            name: "V-ECOG3-NTRK: BSC plus oral TRK inhibitors, not preferred",
            input: SystemicCaseBuilder.worked("other_sarcoma", pathway: .bestSupportiveCare) {
                $0.ecog = 3
                $0.biomarkers.ntrkFusion = true
            },
            options: [
                "best_supportive_care (PALL-BSC; —) P", "larotrectinib (PALL-NTRK; 2A* / source_deck)",
                "entrectinib (PALL-NTRK; 2A* / source_deck)",
            ],
            withheld: [
                "doxorubicin → performance_status", "doxorubicin_ifosfamide → performance_status [trial_fitness]",
                "clinical_trial → performance_status",
            ],
            warnings: ["poor_performance_status"]),
        Check(
            name: "V-CHILD-ECOG3: referral and BSC only",
            input: SystemicCaseBuilder.worked("synovial_sarcoma", pathway: .bestSupportiveCare) {
                $0.scope = .pediatricProtocol
                $0.ageYears = 8
                $0.ecog = 3
            },
            options: ["pediatric_protocol_referral (SCOPE-PEDIATRIC; —) P", "best_supportive_care (PALL-BSC; —) P"],
            withheld: ["clinical_trial → performance_status"],
            warnings: ["pediatric_protocol_scope", "performance_scale_check", "poor_performance_status"]),
        Check(
            name: "V-AFAMI-0205: HLA-A*02:05P present",
            input: {
                var c = c14
                c.biomarkers.hlaA0205Present = true
                return c
            }(),
            options: c14Options,
            withheld: [
                "ifosfamide → prior_progression", "pembrolizumab → histology_no_activity",
                "nivolumab → insufficient_activity", "afamitresgene_autoleucel → label_contraindication",
            ]),
        Check(
            name: "V-AFAMI-0205b: HLA-A*02:05P not reported",
            input: {
                var c = c14
                c.biomarkers.hlaA0205Present = nil
                return c
            }(),
            options: c14Options,
            withheld: [
                "ifosfamide → prior_progression", "pembrolizumab → histology_no_activity",
                "nivolumab → insufficient_activity",
            ],
            warnings: ["biomarker_tests_not_reported"],
            warningTexts: [("biomarker_tests_not_reported", ["HLA-A*02:05P", "afamitresgene_autoleucel"])]),
        Check(
            name: "V-CEILING: 420 mg/m² after cardiotoxic therapy",
            input: {
                var c = c31
                c.cumulativeDoxorubicinMgM2 = 420
                c.priorCardiotoxicTherapy = true
                return c
            }(),
            options: [
                "trabectedin (PALL-TRABECTEDIN; 1 / source_deck) P", "eribulin (PALL-ERIBULIN; 2A / source_deck)",
                "regorafenib (PALL-REGORAFENIB; 2A* / source_deck)", "pazopanib (PALL-PAZOPANIB-SUBSEQUENT; —)",
                "gemcitabine_docetaxel (PALL-GEMDOC; —)", "pazopanib_gemcitabine (PALL-PAZOPANIB-GEM; —)",
                "dacarbazine (PALL-DTIC; —)", "clinical_trial (PALL-TRIAL; —)", "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: [
                "doxorubicin → anthracycline_cumulative_ceiling",
                "doxorubicin_ifosfamide → anthracycline_cumulative_ceiling",
                "doxorubicin_dacarbazine → anthracycline_cumulative_ceiling",
            ] + c31Withheld,
            warnings: ["anthracycline_rechallenge"], absentWarnings: ["dexrazoxane_consider"]),
        Check(
            name: "V-CEILING-b: 480 mg/m², one cycle from the ceiling",
            input: {
                var c = c31
                c.cumulativeDoxorubicinMgM2 = 480
                return c
            }(),
            options: c31Options, withheld: c31Withheld,
            warnings: ["anthracycline_rechallenge", "ceiling_within_one_cycle", "dexrazoxane_consider"],
            warningTexts: [("anthracycline_rechallenge", ["5–8 %"])]),
        Check(
            name: "V-ADOLESCENT-DFSP: imatinib off-label age, adolescent referral",
            input: SystemicCaseBuilder.worked("dermatofibrosarcoma_protuberans") {
                $0.scope = .dfsp
                $0.ageYears = 15
                $0.ecog = 0
            },
            options: [
                "imatinib (PALL-HIST-DFSP; —)", "pediatric_protocol_referral (SCOPE-ADOLESCENT; —)",
                "clinical_trial (PALL-TRIAL; —)", "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: [
                "doxorubicin → histology_specific_standard_first",
                "doxorubicin_ifosfamide → histology_specific_standard_first",
            ],
            warnings: ["adolescent_patient", "off_label_age", "performance_scale_check"]),
        Check(
            name: "V-DFSP-CONVERSION: imatinib in systemicOptions",
            input: SystemicCaseBuilder.worked("dermatofibrosarcoma_protuberans", pathway: .conversion) {
                $0.scope = .dfsp
                $0.ageYears = 40
                $0.ecog = 0
            },
            options: ["imatinib (PALL-HIST-DFSP; —) P", "clinical_trial (PALL-TRIAL; —)"],
            withheld: [
                "doxorubicin → histology_specific_standard_first",
                "doxorubicin_ifosfamide → histology_specific_standard_first",
            ]),
        Check(
            name: "V-TRK-PROGRESSION: repotrectinib after larotrectinib",
            input: SystemicCaseBuilder.worked("other_sarcoma") {
                $0.biomarkers.ntrkFusion = true
                $0.priorSystemicLines = 1
                $0.progressedOnAgents = [.larotrectinib]
            },
            options: [
                "repotrectinib (PALL-NTRK; —) P", "pazopanib (PALL-PAZOPANIB-SUBSEQUENT; 2A* / source_deck)",
                "trabectedin (PALL-TRABECTEDIN; 2A / source_deck)", "eribulin (PALL-ERIBULIN; 2A / source_deck)",
                "regorafenib (PALL-REGORAFENIB; 2A* / source_deck)",
                "pazopanib_gemcitabine (PALL-PAZOPANIB-GEM; 2B / source_deck)",
                "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)",
                "entrectinib (PALL-NTRK; —)", "gemcitabine_docetaxel (PALL-GEMDOC; —)",
                "clinical_trial (PALL-TRIAL; —)",
                "best_supportive_care (PALL-BSC; —)",
            ],
            withheld: ["larotrectinib → prior_progression", "nivolumab → insufficient_activity"],
            warnings: ["trabectedin_without_prior_anthracycline"]),
    ]

    @Test("Options, not-recommended items and warnings", arguments: checks)
    func worked(_ check: Check) {
        let answer = SystemicCaseBuilder.evaluate(check.input)
        #expect(SystemicCaseBuilder.options(answer) == check.options)
        #expect(SystemicCaseBuilder.withheld(answer) == check.withheld)
        #expect(
            answer.options.map(\.rank)
                == Array(1...max(1, answer.options.count)).prefix(answer.options.count).map { $0 })
        for code in check.warnings {
            #expect(answer.warning(code) != nil, "missing warning \(code): \(answer.warnings.map(\.code))")
        }
        for code in check.absentWarnings { #expect(answer.warning(code) == nil, "unexpected warning \(code)") }
        for (code, parts) in check.warningTexts {
            let message = answer.warning(code)?.message ?? ""
            for part in parts { #expect(message.contains(part), "\(code) lacks \"\(part)\": \(message)") }
        }
    }

    @Test("C31: line first, context first_after_perioperative_anthracycline; P2: best supportive care pathway")
    func lineAndPathwayFields() {
        let c31 = SystemicCaseBuilder.evaluate(Self.c31)
        #expect(c31.line == .first)
        #expect(c31.lineContext == .firstAfterPerioperativeAnthracycline)
        #expect(c31.investigational.map(\.agent) == [.ipilimumab])
        let p2 = SystemicCaseBuilder.evaluate(Self.checks[3].input)
        #expect(p2.bestSupportiveCare)
        #expect(p2.intent == "supportive")
        #expect(p2.line == .first)
        let c36 = SystemicCaseBuilder.evaluate(Self.checks[5].input)
        #expect(c36.investigational.isEmpty)
        #expect(c36.options.allSatisfy { $0.intent == "curative" })
    }

    @Test(
        "C35: trabectedin and eribulin first line show the 'after prior systemic therapy' note; eribulin rests on pack policy"
    )
    func c35Display() throws {
        let answer = SystemicCaseBuilder.evaluate(Self.checks[11].input)
        let trabectedin = try #require(answer.option(.trabectedin))
        #expect(
            trabectedin.categoryDisplay.contains(
                "for this setting (the deck's category applies after prior systemic therapy)"))
        let eribulin = try #require(answer.option(.eribulin))
        #expect(eribulin.evidenceType == .packPolicy)
        #expect(
            eribulin.categoryDisplay
                == "NCCN category not stated in the pack's sources for this setting (the deck's category applies after prior systemic therapy); evidence: pack policy"
        )
    }
}
