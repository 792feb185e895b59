import Foundation

/// The §12 worked checks of clinical rules v2 that concern margins (§5), imaging (§6),
/// perioperative therapy (§7) and the whole `/v2/assessment`, one row per case: the §12 input
/// (its defaults plus the case, built by `WorkedCheck.body`) and the members §12 writes for
/// it. Every value is the rules' text, not the engine's output; a member §12 does not state
/// is not asserted.
struct SectionCheck: Sendable, CustomStringConvertible {
    /// A perioperative option as §12 writes it: `modality (ruleId; cat / basis)`. `rules`:
    /// ids the option's `ruleIds` must contain (the first is `ruleId` when `firstRule`);
    /// `category` "—" = null / none, a trailing "*" = 2A defaulted.
    struct Option: Sendable {
        var modality: String
        var rules: [String] = []
        var firstRule = true
        /// `ruleIds` name more rules than `rules` (PERIOP-OLIGOMET "with the 7.1 rule ids").
        var wrapsRules = false
        var category = "—"
        var basis = "none"
        var source: String? = nil
        var appliesTo: String? = nil
        var preferred = false
    }

    struct Withheld: Sendable {
        var code: String
        var reasonCode: String
        var others: [String] = []
    }

    /// A systemic option of `systemicOptions[]`: agent, rule (nil = not stated), preferred.
    struct Agent: Sendable {
        var agent: String
        var rule: String? = nil
        var preferred = false
    }

    /// An imaging study: modality, required, preferred.
    struct Study: Sendable {
        var modality: String
        var required: Bool
        var preferred: Bool
    }

    /// A member §12 gives a value for, including null (`.null`).
    enum Value: Sendable, Equatable {
        case string(String)
        case number(Double)
        case null
    }

    var name: String
    var input: WorkedCheck
    var intent: String? = nil
    // staging
    var staging: [String: Value] = [:]
    // margins
    var margins: [String: Value] = [:]
    var marginRuleIds: [String]? = nil
    var sentinelNodeBiopsy: String? = nil
    // imaging
    var studies: [Study] = []
    var absentStudies: [String] = []
    var pet: String? = nil
    // perioperative
    var perioperative: [String: Value] = [:]
    var options: [Option]? = nil
    var notRecommended: [Withheld] = []
    var highRisk: Bool? = nil
    /// `highRisk`'s recommendation: "—" or the category ("2A*" = defaulted).
    var highRiskCategory: String? = nil
    var highRiskBasis: String? = nil
    var reasonContains: String? = nil
    var lineContext: String? = nil
    var systemicOptions: [Agent] = []
    var systemicNotRecommended: [Withheld] = []
    /// Agents that must not appear in any option list of the answer ("no doxorubicin anywhere").
    var nowhere: [String] = []
    var warnings: [String] = []
    /// A phrase the text/plain answer must contain (REND-MARGIN and the like).
    var textContains: [String] = []
    /// Rule ids the text must not cite (the JSON has no such rule).
    var textAbsentRules: [String] = []

    var description: String { name }
    var body: String { input.body }

    static func worked(_ prefix: String) -> WorkedCheck { WorkedCheck.all.first { $0.name.hasPrefix(prefix) }! }

    static func tumor(_ members: [String: any Sendable]) -> [String: any Sendable] { members }

    static let p3Options: [Option] = [
        Option(modality: "surgery", rules: ["PERIOP-NODAL"], appliesTo: "primary"),
        Option(modality: "regional_lymphadenectomy", rules: ["PERIOP-NODAL"], appliesTo: "nodes"),
        Option(modality: "postoperative_rt", rules: ["PERIOP-NODAL"], appliesTo: "primary"),
        Option(modality: "preoperative_rt", rules: ["PERIOP-NODAL"], appliesTo: "primary"),
        Option(modality: "postoperative_chemotherapy", rules: ["PERIOP-NODAL"], appliesTo: "primary"),
        Option(modality: "preoperative_chemotherapy", rules: ["PERIOP-NODAL"], appliesTo: "primary"),
    ]
    static let c36Options: [Option] =
        [
            "surgery", "postoperative_rt", "preoperative_rt", "postoperative_chemotherapy", "preoperative_chemotherapy",
            "preoperative_chemoradiation",
        ].map { Option(modality: $0, rules: ["PERIOP-OLIGOMET"], appliesTo: "primary") }
        + [
            Option(modality: "metastasectomy", rules: ["PERIOP-OLIGOMET"], appliesTo: "metastases"),
            Option(modality: "stereotactic_body_rt", rules: ["PERIOP-OLIGOMET"], appliesTo: "metastases"),
            Option(modality: "systemic_therapy", rules: ["PERIOP-OLIGOMET"]),
        ]
    static let c36Systemic = [
        Agent(agent: "doxorubicin", preferred: true), Agent(agent: "doxorubicin_ifosfamide"),
        Agent(agent: "clinical_trial"),
    ]
    static let c36Tumor: [String: any Sendable] = [
        "site": "extremity", "sizeCm": 7, "depth": "deep", "histology": "undifferentiated_pleomorphic_sarcoma",
        "grade": 3, "metastasis": "M1", "metastaticSites": ["lung"],
    ]
    static let c17Tumor: [String: any Sendable] = [
        "site": "extremity", "sizeCm": 4, "depth": "deep", "histology": "undifferentiated_pleomorphic_sarcoma",
        "grade": 3,
    ]
    static let ibTumor: [String: any Sendable] = [
        "site": "extremity", "sizeCm": 7, "depth": "deep", "histology": "leiomyosarcoma", "grade": 1,
    ]
    static func ibResection(
        type: String = "planned", closestMarginCm: Double = 0.5, fascialPlaneIntact: Bool? = false
    ) -> [String: any Sendable] {
        var resection: [String: any Sendable] = ["type": type, "margin": "R0", "closestMarginCm": closestMarginCm]
        if let fascialPlaneIntact { resection["fascialPlaneIntact"] = fascialPlaneIntact }
        return ["priorResection": resection]
    }
    static func ib(_ name: String, _ resection: [String: any Sendable]) -> WorkedCheck {
        WorkedCheck(name: name, tumor: ibTumor, disease: resection, pathway: "localized_resectable")
    }
    static let closeMarginOptions = [
        Option(modality: "re_excision", rules: ["PERIOP-STAGE1-CLOSE-MARGIN", "PERIOP-SURGERY"]),
        Option(
            modality: "postoperative_rt", rules: ["PERIOP-STAGE1-CLOSE-MARGIN"], category: "1", basis: "nccn_secondary",
            source: "MSC-NCCN"),
    ]
    static let dfspWithheld = [
        Withheld(code: "doxorubicin", reasonCode: "histology_specific_standard_first"),
        Withheld(code: "doxorubicin_ifosfamide", reasonCode: "histology_specific_standard_first"),
    ]

    static let all: [SectionCheck] = [
        SectionCheck(
            name: "C30 stage II synovial", input: worked("C30"), intent: "curative",
            staging: [
                "t": .string("T1"), "n": .string("N0"), "m": .string("M0"), "grade": .string("G3"),
                "stageGroup": .string("II"),
            ],
            sentinelNodeBiopsy: "consider",
            studies: [Study(modality: "regional_nodal_imaging", required: true, preferred: false)],
            perioperative: ["planningStageGroup": .string("II")],
            options: [
                Option(modality: "surgery", rules: ["PERIOP-SURGERY"]),
                Option(modality: "postoperative_rt", rules: ["PERIOP-STAGE2-RT"]),
                Option(modality: "preoperative_rt", rules: ["PERIOP-STAGE2-RT"]),
            ],
            highRisk: false),
        SectionCheck(
            name: "C37b unresectable UPS, no limb sparing", input: worked("C37b"), intent: "conversion",
            staging: ["stageGroup": .string("IIIB")],
            margins: [
                "amputation": .string("consider_if_no_limb_sparing_option"), "context": .string("after_conversion"),
            ],
            options: [
                "preoperative_rt", "preoperative_chemoradiation", "preoperative_systemic_therapy",
                "isolated_limb_perfusion", "definitive_rt",
            ].map { Option(modality: $0, rules: ["PERIOP-CONVERSION"]) }
                + [Option(modality: "amputation", rules: ["PERIOP-CONVERSION", "MARGIN-AMPUTATION"])],
            lineContext: "first",
            systemicOptions: [
                Agent(agent: "doxorubicin", rule: "PALL-ANTHRACYCLINE-FIRST", preferred: true),
                Agent(agent: "doxorubicin_ifosfamide", rule: "PALL-DOX-COMBINATION"), Agent(agent: "clinical_trial"),
            ],
            warnings: ["conversion_feasibility_defaulted"]),
        SectionCheck(
            name: "C11 infant NTRK+ fibrosarcoma", input: worked("C11"),
            staging: [
                "t": .string("T2"), "n": .string("N0"), "m": .string("M0"), "grade": .string("GX"),
                "stageGroup": .string("IB"), "planningGrade": .string("not_applicable"),
            ],
            perioperative: ["planningStageGroup": .null, "planningGrade": .string("not_applicable")],
            options: [Option(modality: "pediatric_protocol_referral", rules: ["SCOPE-PEDIATRIC"], preferred: true)],
            systemicOptions: [
                Agent(agent: "pediatric_protocol_referral", preferred: true),
                Agent(agent: "larotrectinib", rule: "PALL-NTRK", preferred: true),
                Agent(agent: "entrectinib", rule: "PALL-NTRK", preferred: true), Agent(agent: "clinical_trial"),
            ],
            nowhere: ["doxorubicin"], warnings: ["pediatric_protocol_scope", "grade_not_applicable", "ecog_not_given"]),
        SectionCheck(name: "P2 ECOG 4 UPS M1", input: worked("P2"), intent: "supportive", options: []),
        SectionCheck(
            name: "C28 epithelioid N1 M1", input: worked("C28"),
            staging: ["stageGroup": .string("IV"), "planningGrade": .string("G3")],
            studies: [Study(modality: "chest_ct", required: true, preferred: true)],
            absentStudies: ["chest_radiograph"], options: []),
        SectionCheck(
            name: "P3 N1 M0 small superficial G3",
            input: WorkedCheck(
                name: "P3",
                tumor: [
                    "site": "extremity", "sizeCm": 4, "depth": "superficial",
                    "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3, "nodes": "N1",
                ],
                pathway: "regional_nodal"),
            staging: ["stageGroup": .string("IV")],
            studies: [Study(modality: "chest_ct", required: true, preferred: true)], options: p3Options),
        SectionCheck(
            name: "C36 UPS + one resectable lung metastasis", input: worked("C36"), intent: "curative",
            margins: ["amputation": .string("not_indicated"), "context": .string("oligometastatic_primary")],
            options: c36Options, systemicOptions: c36Systemic),
        SectionCheck(
            name: "C36b the same with limbSparingPossible false",
            input: WorkedCheck(
                name: "C36b", tumor: c36Tumor, disease: ["metastasesResectable": true, "limbSparingPossible": false],
                pathway: "oligometastatic"),
            margins: ["amputation": .string("not_indicated")], options: c36Options, systemicOptions: c36Systemic),
        SectionCheck(
            name: "C12 angiosarcoma M1 first line", input: worked("C12"),
            margins: ["marginCm": .number(2)], marginRuleIds: ["MARGIN-INFILTRATIVE-2CM"],
            studies: [Study(modality: "brain_mri", required: false, preferred: true)], options: [],
            textContains: ["at least 2 cm"]),
        SectionCheck(
            name: "C27 ASPS M1 (brain)", input: worked("C27"),
            studies: [Study(modality: "brain_mri", required: true, preferred: true)], options: []),
        SectionCheck(
            name: "C35 myxoid LPS, not an anthracycline candidate", input: worked("C35"),
            studies: [
                Study(modality: "whole_spine_mri", required: true, preferred: true),
                Study(modality: "ct_abdomen_pelvis", required: true, preferred: true),
            ],
            options: []),
        SectionCheck(
            name: "C34 DFSP M1 first line", input: worked("C34"),
            staging: ["grade": .string("GX"), "gradeApplicability": .string("not_applicable"), "stageGroup": .null],
            margins: [
                "strategy": .string("mohs_or_pdema"), "marginCm": .null, "alternativeMarginCm": .number(2),
                "context": .string("if_primary_resected"),
            ],
            options: [], warnings: ["metastases_resectability_not_given"],
            textContains: ["Mohs or PDEMA; wide excision 2 cm if not available"]),
        SectionCheck(
            name: "C06 H&N 3 cm G3 UPS",
            input: WorkedCheck(
                name: "C06",
                tumor: [
                    "site": "head_and_neck", "sizeCm": 3, "histology": "undifferentiated_pleomorphic_sarcoma",
                    "grade": 3,
                ],
                pathway: "localized_resectable"),
            staging: ["t": .string("T2"), "stageGroup": .null],
            options: ["surgery", "postoperative_rt", "preoperative_rt"].map {
                Option(modality: $0, rules: $0 == "surgery" ? [] : ["PERIOP-HN"])
            }),
        SectionCheck(
            name: "C05 RP DDLPS 22 cm",
            input: WorkedCheck(
                name: "C05",
                tumor: [
                    "site": "retroperitoneum", "sizeCm": 22, "histology": "dedifferentiated_liposarcoma",
                    "grade": 3,
                ],
                pathway: "localized_resectable"),
            margins: [
                "strategy": .string("en_bloc_compartmental"), "marginCm": .null,
                "marginMeaning": .string("en_bloc_macroscopically_complete"),
            ],
            options: [Option(modality: "surgery", rules: ["PERIOP-RP"])],
            notRecommended: [Withheld(code: "preoperative_rt", reasonCode: "not_routine_retroperitoneum")],
            textContains: ["en bloc, macroscopically complete"], textAbsentRules: ["MARGIN-AMPUTATION"]),
        SectionCheck(
            name: "C39 synovial 12 cm GX",
            input: WorkedCheck(
                name: "C39",
                tumor: ["site": "extremity", "sizeCm": 12, "depth": "deep", "histology": "synovial_sarcoma"],
                pathway: "localized_resectable"),
            staging: ["stageGroup": .string("IB"), "planningGrade": .string("G3")],
            perioperative: ["planningStageGroup": .string("IIIB")],
            options: [
                Option(modality: "surgery"),
                Option(modality: "postoperative_rt", category: "1", basis: "source_deck"),
                Option(modality: "preoperative_rt", category: "1", basis: "source_deck"),
                Option(modality: "postoperative_chemotherapy", category: "2B", basis: "source_deck"),
                Option(modality: "preoperative_chemotherapy", category: "2B", basis: "source_deck"),
                Option(modality: "preoperative_chemoradiation", category: "2B", basis: "source_deck"),
            ],
            highRisk: true, highRiskCategory: "2A*", highRiskBasis: "source_deck",
            warnings: ["grade_inferred_from_histology"]),
        SectionCheck(
            name: "C08 clear cell foot 6 cm N1",
            input: WorkedCheck(
                name: "C08",
                tumor: [
                    "site": "extremity", "sizeCm": 6, "depth": "deep", "histology": "clear_cell_sarcoma",
                    "nodes": "N1",
                ],
                pathway: "regional_nodal"),
            staging: ["planningGrade": .string("G3")], sentinelNodeBiopsy: "not_indicated",
            studies: [Study(modality: "regional_nodal_imaging", required: true, preferred: false)],
            options: p3Options),
        SectionCheck(
            name: "C17 recurrent UPS 4 cm G3",
            input: WorkedCheck(
                name: "C17", tumor: c17Tumor, disease: ["presentation": "recurrent"], pathway: "local_recurrence"),
            pet: "indicated",
            // §7.3: every option's ruleId is PERIOP-LOCAL-RECURRENCE.
            options: ["surgery", "postoperative_rt", "preoperative_rt"].map {
                Option(modality: $0, rules: ["PERIOP-LOCAL-RECURRENCE"])
            },
            warnings: ["prior_radiotherapy_not_given"]),
        SectionCheck(
            name: "C17b the same with priorRadiotherapy true",
            input: WorkedCheck(
                name: "C17b", tumor: c17Tumor, disease: ["presentation": "recurrent", "priorRadiotherapy": true],
                pathway: "local_recurrence"),
            options: [Option(modality: "surgery", rules: ["PERIOP-LOCAL-RECURRENCE"])],
            notRecommended: [
                Withheld(code: "postoperative_rt", reasonCode: "prior_radiotherapy_mdt"),
                Withheld(code: "preoperative_rt", reasonCode: "prior_radiotherapy_mdt"),
            ],
            warnings: ["re_irradiation_mdt"]),
        SectionCheck(
            name: "V-IB-CLOSE", input: ib("V-IB-CLOSE", ibResection()), staging: ["stageGroup": .string("IB")],
            margins: ["reExcision": .string("not_applicable")], options: closeMarginOptions),
        SectionCheck(
            name: "V-IB-CLOSE-b", input: ib("V-IB-CLOSE-b", ibResection(fascialPlaneIntact: nil)),
            options: [
                closeMarginOptions[0], Option(modality: "postoperative_rt", rules: ["PERIOP-STAGE1-CLOSE-MARGIN"]),
            ],
            warnings: ["fascial_plane_not_given"]),
        SectionCheck(
            name: "V-IB-CLEAR", input: ib("V-IB-CLEAR", ibResection(closestMarginCm: 2.0)), options: [],
            reasonContains: "the resection is definitive treatment (MSC-NCCN)"),
        SectionCheck(
            name: "V-UNPLANNED",
            input: ib("V-UNPLANNED", ibResection(type: "unplanned", closestMarginCm: 1.0, fascialPlaneIntact: true)),
            margins: ["reExcision": .string("advised")],
            options: [Option(modality: "re_excision", rules: ["MARGIN-REEXCISION", "PERIOP-SURGERY"])]),
        SectionCheck(
            name: "V-DFSP-CONVERSION",
            input: WorkedCheck(
                name: "V-DFSP-CONVERSION", patient: ["ageYears": 40, "ecog": 0],
                tumor: ["site": "trunk", "sizeCm": 9, "histology": "dermatofibrosarcoma_protuberans"],
                disease: ["resectable": false], scope: "dfsp", pathway: "conversion"),
            margins: ["context": .string("after_conversion")],
            options: [
                Option(modality: "preoperative_systemic_therapy", rules: ["PERIOP-CONVERSION"]),
                Option(modality: "definitive_rt", rules: ["PERIOP-CONVERSION"]),
            ],
            systemicOptions: [Agent(agent: "imatinib", preferred: true), Agent(agent: "clinical_trial")],
            systemicNotRecommended: dfspWithheld),
        SectionCheck(
            name: "V-GX-F", input: StagingCheck.all.first { $0.name == "V-GX-F" }!.check,
            staging: ["stageGroup": .string("IB"), "planningGrade": .string("GX")],
            perioperative: ["planningStageGroup": .null],
            options: ["surgery", "postoperative_rt", "preoperative_rt"].map {
                Option(modality: $0, rules: $0 == "surgery" ? [] : ["PERIOP-GRADE-UNKNOWN-RT"])
            },
            highRisk: true, highRiskCategory: "—", warnings: ["grade_unknown_treated_high"]),
    ]
}
