import Foundation

/// The worked checks of clinical rules v2 §12 that need only the pathway (§3), the planning
/// grade (§4 GRADE-HISTOLOGY) and the systemic family (§8), as the rules write them: the §12
/// default input, each case's changes, and the expected palliative answer. Written from the
/// rules text, not from the engine's output.
struct WorkedCheck: Sendable, CustomStringConvertible {
    /// `agent (ruleId; category / basis)`, `P` = preferred. `category`: nil = not stated by the
    /// check (not asserted); "—" = null / none; a trailing "*" = 2A defaulted.
    struct Option: Sendable {
        var agent: String
        var rule: String? = nil
        var category: String? = "—"
        var basis: String? = nil
        var preferred = false
    }

    struct Withheld: Sendable {
        var agent: String
        var code: String
        var others: [String] = []
    }

    var name: String
    var patient: [String: any Sendable] = [:]
    var tumor: [String: any Sendable]
    var disease: [String: any Sendable] = [:]
    /// `section.member` of the §12 defaults left out.
    var omit: [String] = []
    var scope = "adult_sts"
    var pathway: String
    var lineContext: String?
    var options: [Option] = []
    var notRecommended: [Withheld] = []
    var warnings: [String] = []
    var absentWarnings: [String] = []

    var description: String { name }

    /// The §12 input: the defaults, then the case's members, minus `omit`.
    var body: String {
        var patient: [String: Any] = [
            "ageYears": 50, "ecog": 1, "ivTherapyEligible": true, "anthracyclineCandidate": true,
        ]
        var tumor: [String: Any] = ["nodes": "N0", "metastasis": "M0", "ntrkFusion": false]
        var disease: [String: Any] = [
            "presentation": "primary", "resectable": true, "priorSystemicLines": 0, "priorAnthracycline": false,
        ]
        patient.merge(self.patient.mapValues { $0 as Any }) { $1 }
        tumor.merge(self.tumor.mapValues { $0 as Any }) { $1 }
        disease.merge(self.disease.mapValues { $0 as Any }) { $1 }
        for path in omit {
            let parts = path.split(separator: ".").map(String.init)
            switch parts[0] {
            case "patient": patient[parts[1]] = nil
            case "tumor": tumor[parts[1]] = nil
            default: disease[parts[1]] = nil
            }
        }
        let data = try! JSONSerialization.data(
            withJSONObject: ["patient": patient, "tumor": tumor, "disease": disease], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    var indicated: Bool { pathway == "advanced" || pathway == "best_supportive_care" }

    static let c31Disease: [String: any Sendable] = [
        "priorAnthracycline": true, "cumulativeDoxorubicinMgM2": 300, "monthsSinceLastAnthracycline": 8,
        "progressedOnAnthracycline": false, "priorCardiotoxicTherapy": false,
    ]
    static let c14Disease: [String: any Sendable] = [
        "priorSystemicLines": 1, "priorAnthracycline": true, "cumulativeDoxorubicinMgM2": 450,
        "progressedOnAnthracycline": true, "progressedOnAgents": ["doxorubicin_ifosfamide"],
        "priorCardiotoxicTherapy": false,
    ]
    static func c14Tumor(hlaA0205Present: Bool) -> [String: any Sendable] {
        [
            "site": "extremity", "histology": "synovial_sarcoma", "grade": 3, "metastasis": "M1",
            "metastaticSites": ["lung", "other"],
            "biomarkers": ["hlaA02Eligible": true, "hlaA0205Present": hlaA0205Present, "mageA4Positive": true],
        ]
    }
    static let c14Options: [Option] = [
        Option(agent: "pazopanib", category: "2A*", basis: "source_deck"),
        Option(agent: "trabectedin", category: "2A", basis: "source_deck"),
        Option(agent: "eribulin", category: "2A", basis: "source_deck"),
        Option(agent: "regorafenib", category: "2A*", basis: "source_deck"),
        Option(agent: "pazopanib_gemcitabine", category: "2B", basis: "source_deck"),
        Option(agent: "gemcitabine_docetaxel"), Option(agent: "clinical_trial"), Option(agent: "best_supportive_care"),
    ]
    static let c14Withheld = [
        Withheld(agent: "ifosfamide", code: "prior_progression"),
        Withheld(agent: "pembrolizumab", code: "histology_no_activity"),
        Withheld(agent: "nivolumab", code: "insufficient_activity"),
    ]
    static let dfspWithheld = [
        Withheld(agent: "doxorubicin", code: "histology_specific_standard_first"),
        Withheld(agent: "doxorubicin_ifosfamide", code: "histology_specific_standard_first"),
    ]

    static let all: [WorkedCheck] = [
        WorkedCheck(
            name: "P1 IV-ineligible LMS, second line",
            patient: ["ageYears": 70, "ecog": 2, "ivTherapyEligible": false, "anthracyclineCandidate": false],
            tumor: [
                "site": "extremity", "sizeCm": 8, "depth": "deep", "histology": "leiomyosarcoma", "grade": 3,
                "metastasis": "M1", "metastaticSites": ["lung", "liver"],
            ],
            disease: ["priorSystemicLines": 1], pathway: "advanced", lineContext: "subsequent",
            options: [
                Option(agent: "pazopanib", rule: "PALL-PAZOPANIB-SUBSEQUENT", category: "2A*", basis: "source_deck"),
                Option(agent: "regorafenib", rule: "PALL-REGORAFENIB", category: "2A*", basis: "source_deck"),
                Option(agent: "clinical_trial"), Option(agent: "best_supportive_care"),
            ],
            notRecommended: [
                Withheld(agent: "doxorubicin", code: "requires_iv", others: ["not_anthracycline_candidate"]),
                Withheld(
                    agent: "doxorubicin_ifosfamide", code: "requires_iv",
                    others: ["not_anthracycline_candidate", "trial_fitness"]),
                Withheld(
                    agent: "doxorubicin_dacarbazine", code: "requires_iv", others: ["not_anthracycline_candidate"]),
                Withheld(agent: "gemcitabine_docetaxel", code: "requires_iv"),
                Withheld(agent: "pazopanib_gemcitabine", code: "requires_iv"),
                Withheld(agent: "trabectedin", code: "requires_iv"), Withheld(agent: "eribulin", code: "requires_iv"),
                Withheld(agent: "dacarbazine", code: "requires_iv"),
                Withheld(agent: "pembrolizumab", code: "requires_iv", others: ["histology_no_activity"]),
                Withheld(agent: "nivolumab", code: "requires_iv", others: ["insufficient_activity"]),
            ],
            warnings: ["biomarker_tests_not_reported"]),
        WorkedCheck(
            name: "P2 ECOG 4 UPS M1", patient: ["ageYears": 68, "ecog": 4],
            tumor: [
                "site": "extremity", "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3,
                "metastasis": "M1", "metastaticSites": ["lung", "bone"],
            ],
            pathway: "best_supportive_care", lineContext: "first",
            options: [Option(agent: "best_supportive_care", rule: "PALL-BSC", preferred: true)],
            notRecommended: [
                Withheld(agent: "doxorubicin", code: "performance_status"),
                Withheld(agent: "doxorubicin_ifosfamide", code: "performance_status", others: ["trial_fitness"]),
                Withheld(agent: "clinical_trial", code: "performance_status"),
            ],
            absentWarnings: ["biomarker_tests_not_reported"]),
        WorkedCheck(
            name: "C28 epithelioid N1 M1", patient: ["ageYears": 30],
            tumor: [
                "site": "extremity", "sizeCm": 5, "depth": "superficial", "histology": "epithelioid_sarcoma",
                "nodes": "N1", "metastasis": "M1", "metastaticSites": ["lung", "lymph_node_distant"],
            ],
            pathway: "advanced", lineContext: "first",
            options: [
                Option(agent: "tazemetostat", rule: "PALL-HIST-ES", preferred: true),
                Option(agent: "doxorubicin", rule: "PALL-ANTHRACYCLINE-FIRST", preferred: true),
                Option(agent: "doxorubicin_ifosfamide", rule: "PALL-DOX-COMBINATION"), Option(agent: "clinical_trial"),
                Option(agent: "best_supportive_care"),
            ],
            warnings: ["biomarker_tests_not_reported"]),
        WorkedCheck(
            name: "C31 LMS M1 after perioperative doxorubicin", patient: ["ageYears": 55],
            tumor: [
                "site": "extremity", "histology": "leiomyosarcoma", "grade": 3, "metastasis": "M1",
                "metastaticSites": ["lung", "liver"],
            ],
            disease: c31Disease, pathway: "advanced", lineContext: "first_after_perioperative_anthracycline",
            options: [
                Option(
                    agent: "trabectedin", rule: "PALL-TRABECTEDIN", category: "1", basis: "source_deck", preferred: true
                ),
                Option(agent: "eribulin", rule: "PALL-ERIBULIN", category: "2A", basis: "source_deck"),
                Option(agent: "regorafenib", rule: "PALL-REGORAFENIB", category: "2A*", basis: "source_deck"),
                Option(agent: "pazopanib", rule: "PALL-PAZOPANIB-SUBSEQUENT"), Option(agent: "doxorubicin"),
                Option(agent: "doxorubicin_ifosfamide"), Option(agent: "gemcitabine_docetaxel", rule: "PALL-GEMDOC"),
                Option(agent: "doxorubicin_dacarbazine"), Option(agent: "pazopanib_gemcitabine"),
                Option(agent: "dacarbazine", rule: "PALL-DTIC"), Option(agent: "clinical_trial"),
                Option(agent: "best_supportive_care"),
            ],
            notRecommended: [
                Withheld(agent: "pembrolizumab", code: "histology_no_activity"),
                Withheld(agent: "nivolumab", code: "insufficient_activity"),
            ],
            warnings: ["anthracycline_rechallenge", "dexrazoxane_consider", "biomarker_tests_not_reported"]),
        WorkedCheck(
            name: "C34 DFSP M1 first line", patient: ["ageYears": 45],
            tumor: [
                "site": "trunk", "sizeCm": 6, "histology": "dermatofibrosarcoma_protuberans", "metastasis": "M1",
                "metastaticSites": ["lung"],
            ],
            scope: "dfsp", pathway: "advanced", lineContext: "first",
            options: [
                Option(agent: "imatinib", rule: "PALL-HIST-DFSP", preferred: true), Option(agent: "clinical_trial"),
                Option(agent: "best_supportive_care"),
            ],
            notRecommended: dfspWithheld, warnings: ["metastases_resectability_not_given"]),
        WorkedCheck(
            name: "C27 ASPS M1 (brain)", patient: ["ageYears": 25],
            tumor: [
                "site": "extremity", "sizeCm": 8, "depth": "deep", "histology": "alveolar_soft_part_sarcoma",
                "metastasis": "M1", "metastaticSites": ["lung", "brain"],
            ],
            pathway: "advanced", lineContext: "first",
            options: [
                Option(agent: "atezolizumab", rule: "PALL-HIST-ASPS", preferred: true),
                Option(agent: "axitinib_pembrolizumab"), Option(agent: "pazopanib", rule: "PALL-HIST-ASPS"),
                Option(agent: "clinical_trial"), Option(agent: "best_supportive_care"),
            ],
            notRecommended: [
                Withheld(agent: "doxorubicin", code: "histology_no_activity"),
                Withheld(agent: "doxorubicin_ifosfamide", code: "histology_no_activity"),
            ]),
        WorkedCheck(
            name: "C12 angiosarcoma M1 first line", patient: ["ageYears": 72],
            tumor: [
                "site": "head_and_neck", "sizeCm": 5, "histology": "angiosarcoma", "metastasis": "M1",
                "metastaticSites": ["lung", "liver"],
            ],
            pathway: "advanced", lineContext: "first",
            options: [
                Option(agent: "paclitaxel", rule: "PALL-HIST-ANGIO", preferred: true),
                Option(agent: "doxorubicin", preferred: true), Option(agent: "doxorubicin_ifosfamide"),
                Option(agent: "clinical_trial"), Option(agent: "best_supportive_care"),
            ],
            warnings: ["trial_age_limit"]),
        WorkedCheck(
            name: "C14 synovial, second line, HLA/MAGE positive", patient: ["ageYears": 30],
            tumor: c14Tumor(hlaA0205Present: false),
            disease: c14Disease.merging(
                ["priorSystemicLines": 1] as [String: any Sendable], uniquingKeysWith: { $1 }),
            pathway: "advanced", lineContext: "subsequent",
            options: [Option(agent: "afamitresgene_autoleucel", rule: "PALL-HIST-SYN", preferred: true)] + c14Options,
            notRecommended: c14Withheld),
        WorkedCheck(
            name: "C35 myxoid LPS, not an anthracycline candidate",
            patient: ["ageYears": 65, "anthracyclineCandidate": false],
            tumor: [
                "site": "extremity", "histology": "myxoid_liposarcoma", "grade": 2, "metastasis": "M1",
                "metastaticSites": ["lung", "soft_tissue"],
            ],
            pathway: "advanced", lineContext: "first",
            options: [
                Option(agent: "gemcitabine_docetaxel", rule: "PALL-NON-ANTHRACYCLINE-FIRST"),
                Option(agent: "trabectedin", rule: "PALL-NON-ANTHRACYCLINE-FIRST"),
                Option(agent: "eribulin", rule: "PALL-NON-ANTHRACYCLINE-FIRST"), Option(agent: "clinical_trial"),
                Option(agent: "best_supportive_care"),
            ],
            notRecommended: [
                Withheld(agent: "doxorubicin", code: "not_anthracycline_candidate"),
                Withheld(agent: "doxorubicin_ifosfamide", code: "not_anthracycline_candidate"),
                Withheld(agent: "pazopanib", code: "liposarcoma_no_activity"),
            ],
            warnings: ["used_before_anthracycline"]),
        WorkedCheck(
            name: "V-ECOG3-NTRK", patient: ["ecog": 3],
            tumor: [
                "site": "extremity", "histology": "other_sarcoma", "grade": 3, "metastasis": "M1",
                "metastaticSites": ["lung", "liver"], "ntrkFusion": true,
            ],
            pathway: "best_supportive_care", lineContext: "first",
            options: [
                Option(agent: "best_supportive_care", preferred: true),
                Option(agent: "larotrectinib", rule: "PALL-NTRK", category: "2A*", basis: "source_deck"),
                Option(agent: "entrectinib", rule: "PALL-NTRK", category: "2A*", basis: "source_deck"),
            ],
            notRecommended: [
                Withheld(agent: "doxorubicin", code: "performance_status"),
                Withheld(agent: "doxorubicin_ifosfamide", code: "performance_status", others: ["trial_fitness"]),
                Withheld(agent: "clinical_trial", code: "performance_status"),
            ],
            warnings: ["poor_performance_status"]),
        WorkedCheck(
            name: "V-CHILD-ECOG3", patient: ["ageYears": 8, "ecog": 3],
            tumor: [
                "site": "extremity", "histology": "synovial_sarcoma", "grade": 3, "metastasis": "M1",
                "metastaticSites": ["lung", "bone"],
            ],
            scope: "pediatric_protocol", pathway: "best_supportive_care", lineContext: "first",
            options: [
                Option(agent: "pediatric_protocol_referral", preferred: true),
                Option(agent: "best_supportive_care", preferred: true),
            ],
            notRecommended: [Withheld(agent: "clinical_trial", code: "performance_status")],
            warnings: ["pediatric_protocol_scope", "performance_scale_check", "poor_performance_status"]),
        WorkedCheck(
            name: "V-AFAMI-0205", patient: ["ageYears": 30], tumor: c14Tumor(hlaA0205Present: true),
            disease: c14Disease, pathway: "advanced", lineContext: "subsequent", options: c14Options,
            notRecommended: c14Withheld + [Withheld(agent: "afamitresgene_autoleucel", code: "label_contraindication")]),
        WorkedCheck(
            name: "V-CEILING", patient: ["ageYears": 55],
            tumor: [
                "site": "extremity", "histology": "leiomyosarcoma", "grade": 3, "metastasis": "M1",
                "metastaticSites": ["lung", "liver"],
            ],
            disease: c31Disease.merging(
                ["cumulativeDoxorubicinMgM2": 420, "priorCardiotoxicTherapy": true] as [String: any Sendable],
                uniquingKeysWith: { $1 }),
            pathway: "advanced", lineContext: "first_after_perioperative_anthracycline",
            options: [
                Option(agent: "trabectedin", category: nil, preferred: true), Option(agent: "eribulin", category: nil),
                Option(agent: "regorafenib", category: nil), Option(agent: "pazopanib", category: nil),
                Option(agent: "gemcitabine_docetaxel", category: nil),
                Option(agent: "pazopanib_gemcitabine", category: nil), Option(agent: "dacarbazine", category: nil),
                Option(agent: "clinical_trial"), Option(agent: "best_supportive_care"),
            ],
            notRecommended: [
                Withheld(agent: "doxorubicin", code: "anthracycline_cumulative_ceiling"),
                Withheld(agent: "doxorubicin_ifosfamide", code: "anthracycline_cumulative_ceiling"),
                Withheld(agent: "doxorubicin_dacarbazine", code: "anthracycline_cumulative_ceiling"),
                Withheld(agent: "pembrolizumab", code: "histology_no_activity"),
                Withheld(agent: "nivolumab", code: "insufficient_activity"),
            ],
            warnings: ["anthracycline_rechallenge"], absentWarnings: ["dexrazoxane_consider"]),
        WorkedCheck(
            name: "V-ADOLESCENT-DFSP", patient: ["ageYears": 15, "ecog": 0],
            tumor: [
                "site": "trunk", "histology": "dermatofibrosarcoma_protuberans", "metastasis": "M1",
                "metastaticSites": ["lung", "liver"],
            ],
            scope: "dfsp", pathway: "advanced", lineContext: "first",
            options: [
                Option(agent: "imatinib", rule: "PALL-HIST-DFSP"),
                Option(agent: "pediatric_protocol_referral", rule: "SCOPE-ADOLESCENT"),
                Option(agent: "clinical_trial"), Option(agent: "best_supportive_care"),
            ],
            notRecommended: dfspWithheld, warnings: ["adolescent_patient", "off_label_age", "performance_scale_check"]),
        WorkedCheck(
            name: "V-TRK-PROGRESSION",
            tumor: [
                "site": "extremity", "histology": "other_sarcoma", "grade": 3, "metastasis": "M1",
                "metastaticSites": ["lung", "liver"], "ntrkFusion": true,
            ],
            disease: ["priorSystemicLines": 1, "progressedOnAgents": ["larotrectinib"]], pathway: "advanced",
            lineContext: "subsequent",
            options: [
                Option(agent: "repotrectinib", rule: "PALL-NTRK", preferred: true),
                Option(agent: "pazopanib", category: "2A*", basis: "source_deck"),
                Option(agent: "trabectedin", category: "2A", basis: "source_deck"),
                Option(agent: "eribulin", category: "2A", basis: "source_deck"),
                Option(agent: "regorafenib", category: "2A*", basis: "source_deck"),
                Option(agent: "pazopanib_gemcitabine", category: "2B", basis: "source_deck"),
                Option(agent: "doxorubicin"), Option(agent: "doxorubicin_ifosfamide"), Option(agent: "entrectinib"),
                Option(agent: "gemcitabine_docetaxel"), Option(agent: "clinical_trial"),
                Option(agent: "best_supportive_care"),
            ],
            notRecommended: [
                Withheld(agent: "larotrectinib", code: "prior_progression"),
                Withheld(agent: "nivolumab", code: "insufficient_activity"),
            ],
            warnings: ["trabectedin_without_prior_anthracycline"]),
        // Pathways on which palliative therapy is not indicated (rules §3.6).
        WorkedCheck(
            name: "C30 stage II synovial",
            tumor: ["site": "extremity", "sizeCm": 4.5, "depth": "deep", "histology": "synovial_sarcoma", "grade": 3],
            pathway: "localized_resectable"),
        WorkedCheck(
            name: "C37b unresectable UPS, no limb sparing",
            tumor: [
                "site": "extremity", "sizeCm": 16, "depth": "deep", "histology": "undifferentiated_pleomorphic_sarcoma",
                "grade": 3,
            ],
            disease: ["resectable": false, "limbSparingPossible": false], pathway: "conversion",
            warnings: ["conversion_feasibility_defaulted"]),
        WorkedCheck(
            name: "C11 infant NTRK+ fibrosarcoma", patient: ["ageYears": 1],
            tumor: [
                "site": "extremity", "sizeCm": 6, "depth": "deep", "histology": "infantile_fibrosarcoma",
                "ntrkFusion": true,
            ],
            disease: ["resectable": false], omit: ["patient.ecog"], scope: "pediatric_protocol", pathway: "conversion",
            warnings: ["pediatric_protocol_scope"]),
        WorkedCheck(
            name: "C36 UPS + one resectable lung metastasis",
            tumor: [
                "site": "extremity", "sizeCm": 7, "depth": "deep", "histology": "undifferentiated_pleomorphic_sarcoma",
                "grade": 3, "metastasis": "M1", "metastaticSites": ["lung"],
            ],
            disease: ["metastasesResectable": true], pathway: "oligometastatic"),
    ]
}

/// §12 staging expectations (rules §4): the AJCC group of the kept v1 tables, the planning
/// grade and planning stage group (GRADE-HISTOLOGY, STAGE-PLANNING), the classification and
/// `displayTnm` (STAGE-RECURRENCE) and the DFSP reading (STAGE-DFSP).
struct StagingCheck: Sendable, CustomStringConvertible {
    var name: String
    var check: WorkedCheck
    var displayTnm: String
    var classification = "clinical"
    var stageGroup: String?
    var planningGrade: String
    var planningStageGroup: String?
    var gradeApplicability = "applicable"
    var warnings: [String] = []

    var description: String { name }

    /// `t`, `n`, `m` and `grade`: `displayTnm` without the recurrence prefix.
    var tnm: [String] {
        let parts = displayTnm.split(separator: " ").map(String.init)
        guard classification == "recurrence", let first = parts.first else { return parts }
        return [String(first.dropFirst())] + parts.dropFirst()
    }

    static func worked(_ name: String) -> WorkedCheck { WorkedCheck.all.first { $0.name.hasPrefix(name) }! }

    static let all: [StagingCheck] = [
        StagingCheck(
            name: "C30", check: worked("C30"), displayTnm: "T1 N0 M0 G3", stageGroup: "II", planningGrade: "G3",
            planningStageGroup: "II"),
        StagingCheck(
            name: "C11", check: worked("C11"), displayTnm: "T2 N0 M0 GX", stageGroup: "IB",
            planningGrade: "not_applicable", planningStageGroup: nil, gradeApplicability: "not_applicable",
            warnings: ["pediatric_protocol_scope", "grade_not_applicable"]),
        StagingCheck(
            name: "C28", check: worked("C28"), displayTnm: "T1 N1 M1 GX", stageGroup: "IV", planningGrade: "G3",
            planningStageGroup: "IV"),
        StagingCheck(
            name: "C34", check: worked("C34"), displayTnm: "T2 N0 M1 GX", stageGroup: nil,
            planningGrade: "not_applicable", planningStageGroup: nil, gradeApplicability: "not_applicable"),
        StagingCheck(
            name: "C39 synovial 12 cm GX",
            check: WorkedCheck(
                name: "C39",
                tumor: ["site": "extremity", "sizeCm": 12, "depth": "deep", "histology": "synovial_sarcoma"],
                pathway: "localized_resectable"),
            displayTnm: "T3 N0 M0 GX", stageGroup: "IB", planningGrade: "G3", planningStageGroup: "IIIB",
            warnings: ["grade_inferred_from_histology"]),
        StagingCheck(
            name: "V-GX-F",
            check: WorkedCheck(
                name: "V-GX-F",
                tumor: ["site": "extremity", "sizeCm": 12, "depth": "deep", "histology": "leiomyosarcoma"],
                pathway: "localized_resectable"),
            displayTnm: "T3 N0 M0 GX", stageGroup: "IB", planningGrade: "GX", planningStageGroup: nil),
        StagingCheck(
            name: "C17 recurrent UPS 4 cm G3",
            check: WorkedCheck(
                name: "C17",
                tumor: [
                    "site": "extremity", "sizeCm": 4, "depth": "deep",
                    "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3,
                ],
                disease: ["presentation": "recurrent"], pathway: "local_recurrence"),
            displayTnm: "rT1 N0 M0 G3", classification: "recurrence", stageGroup: "II", planningGrade: "G3",
            planningStageGroup: "II"),
    ]
}
