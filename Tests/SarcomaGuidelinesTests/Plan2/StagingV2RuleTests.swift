import JSON
import Testing
@testable import SarcomaGuidelines

/// Staging of pack 2026.12-1 (clinical rules §4, §3.5): the exact AJCC group beside the planning
/// grade and group (STAGE-PLANNING, GRADE-HISTOLOGY), STAGE-RECURRENCE's displayTnm grammar,
/// STAGE-DFSP and STAGE-PEDIATRIC; expected values from the rules text and §12.
@Suite("Pack 2026.12-1 staging (§4)")
struct StagingV2RuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        var displayTnm: String
        var classification = "clinical"
        var stageGroup: String?
        var planningGrade: String
        var planningStageGroup: String?
        var gradeApplicability = "applicable"
        var warnings: [String] = []
        var absentWarnings: [String] = []
        var reasonContains: String?
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "C30 stage II synovial: AJCC II, planning II",
            input: WorkedCase(.extremity, 4.5, .deep, "synovial_sarcoma", grade: 3), displayTnm: "T1 N0 M0 G3",
            stageGroup: "II", planningGrade: "G3", planningStageGroup: "II"),
        Row(
            name: "C39 synovial 12 cm GX: AJCC IB (GX column), planned G3 -> IIIB (GRADE-HISTOLOGY, V row)",
            input: WorkedCase(.extremity, 12, .deep, "synovial_sarcoma"), displayTnm: "T3 N0 M0 GX", stageGroup: "IB",
            planningGrade: "G3", planningStageGroup: "IIIB", warnings: ["grade_inferred_from_histology"],
            absentWarnings: ["grade_unknown"]),
        Row(
            name: "UPS 12 cm GX: planned G3, IIIB (R21)",
            input: WorkedCase(.extremity, 12, .deep, "undifferentiated_pleomorphic_sarcoma"), displayTnm: "T3 N0 M0 GX",
            stageGroup: "IB", planningGrade: "G3", planningStageGroup: "IIIB"),
        Row(
            name: "H row with a stated G1: AJCC IA, planning G3 -> II, histology_grade_unusual (M1)",
            input: WorkedCase(.extremity, 4, .deep, "synovial_sarcoma", grade: 1), displayTnm: "T1 N0 M0 G1",
            stageGroup: "IA", planningGrade: "G3", planningStageGroup: "II", warnings: ["histology_grade_unusual"]),
        Row(
            name: "V-GX-F LMS 12 cm no grade: planning GX, null with the establish-the-grade reason",
            input: WorkedCase(.extremity, 12, .deep, "leiomyosarcoma"), displayTnm: "T3 N0 M0 GX", stageGroup: "IB",
            planningGrade: "GX", planningStageGroup: nil, warnings: ["grade_unknown"],
            reasonContains: "grade unknown: IA/IB if low grade, II/IIIA/IIIB if high grade; establish the grade"),
        Row(
            name: "ALT/WDLS 12 cm no grade: planned G1 (L row), IB",
            input: WorkedCase(.extremity, 12, .deep, "well_differentiated_liposarcoma"), displayTnm: "T3 N0 M0 GX",
            stageGroup: "IB", planningGrade: "G1", planningStageGroup: "IB", warnings: ["grade_inferred_from_histology"]
        ),
        Row(
            name: "SFT (NA) with a stated grade 2: the stated grade is used, FNCLCC not applicable",
            input: WorkedCase(.extremity, 6, .deep, "solitary_fibrous_tumor", grade: 2), displayTnm: "T2 N0 M0 G2",
            stageGroup: "IIIA", planningGrade: "G2", planningStageGroup: "IIIA", gradeApplicability: "not_applicable",
            warnings: ["grade_not_applicable"]),
        Row(
            name: "SFT (NA) without a grade: planning not_applicable, null with the MDT reason",
            input: WorkedCase(.extremity, 6, .deep, "solitary_fibrous_tumor"), displayTnm: "T2 N0 M0 GX",
            stageGroup: "IB", planningGrade: "not_applicable", planningStageGroup: nil,
            gradeApplicability: "not_applicable", warnings: ["grade_not_applicable"], absentWarnings: ["grade_unknown"],
            reasonContains: "FNCLCC does not apply; histotype-specific risk assessment by the MDT"),
        Row(
            name: "C17 recurrent UPS 4 cm G3: classification recurrence, rT1 N0 M0 G3, group as a primary (II)",
            input: WorkedCase(.extremity, 4, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.disease.presentation = .recurrent
            },
            displayTnm: "rT1 N0 M0 G3", classification: "recurrence", stageGroup: "II", planningGrade: "G3",
            planningStageGroup: "II"),
        Row(
            name: "C11 infant infantile fibrosarcoma 6 cm: AJCC IB computed, planning null, pediatric scope warning",
            input: WorkedCase(.extremity, 6, .deep, "infantile_fibrosarcoma") {
                $0.patient.ageYears = 1
                $0.patient.ecog = nil
                $0.disease.resectable = false
                $0.tumor.ntrkFusion = true
            },
            displayTnm: "T2 N0 M0 GX", stageGroup: "IB", planningGrade: "not_applicable", planningStageGroup: nil,
            gradeApplicability: "not_applicable", warnings: ["pediatric_protocol_scope", "grade_not_applicable"]),
        Row(
            name: "C06 head and neck 3 cm G3: T2, no AJCC group, no planning group",
            input: WorkedCase(.headAndNeck, 3, nil, "undifferentiated_pleomorphic_sarcoma", grade: 3),
            displayTnm: "T2 N0 M0 G3", stageGroup: nil, planningGrade: "G3", planningStageGroup: nil),
        Row(
            name: "Head and neck orbit invasion, no grade: displayTnm T4a N0 M0 GX",
            input: WorkedCase(.headAndNeck, 3, nil, "leiomyosarcoma") { $0.tumor.headNeckInvasion = [.orbit] },
            displayTnm: "T4a N0 M0 GX", stageGroup: nil, planningGrade: "GX", planningStageGroup: nil),
        Row(
            name: "C34 DFSP trunk 6 cm M1: GX, not applicable, no AJCC group (STAGE-DFSP)",
            input: WorkedCase(.trunk, 6, nil, "dermatofibrosarcoma_protuberans") {
                $0.patient.ageYears = 45
                $0.metastatic([.lung])
            },
            displayTnm: "T2 N0 M1 GX", stageGroup: nil, planningGrade: "not_applicable", planningStageGroup: nil,
            gradeApplicability: "not_applicable", absentWarnings: ["grade_unknown"],
            reasonContains: "DFSP: FNCLCC grading does not apply"),
        Row(
            name: "DFSP with a stated grade 1: grade G1 reported, still no group",
            input: WorkedCase(.trunk, 3, nil, "dermatofibrosarcoma_protuberans", grade: 1), displayTnm: "T1 N0 M0 G1",
            stageGroup: nil, planningGrade: "not_applicable", planningStageGroup: nil,
            gradeApplicability: "not_applicable"),
        Row(
            name: "C28 epithelioid 5 cm N1 M1 GX: IV, planned G3",
            input: WorkedCase(.extremity, 5, .superficial, "epithelioid_sarcoma") {
                $0.patient.ageYears = 30
                $0.tumor.nodes = .n1
                $0.metastatic([.lung, .lymphNodeDistant])
            },
            displayTnm: "T1 N1 M1 GX", stageGroup: "IV", planningGrade: "G3", planningStageGroup: "IV"),
        Row(
            name: "Size not given with G3: TX, no AJCC and no planning group",
            input: WorkedCase(.extremity, nil, .deep, "leiomyosarcoma", grade: 3), displayTnm: "TX N0 M0 G3",
            stageGroup: nil, planningGrade: "G3", planningStageGroup: nil),
    ]

    @Test("Groups, planning grade and group, displayTnm", arguments: rows)
    func staging(_ row: Row) throws {
        let facts = try row.input.facts
        let section = StagingEvaluatorV2.evaluate(facts)
        #expect(section.displayTnm == row.displayTnm)
        #expect(section.classification.rawValue == row.classification)
        #expect(section.stageGroup?.rawValue == row.stageGroup)
        #expect(section.planningGrade.rawValue == row.planningGrade)
        #expect(section.planningStageGroup?.rawValue == row.planningStageGroup)
        #expect((section.gradeApplicable ? "applicable" : "not_applicable") == row.gradeApplicability)
        for code in row.warnings { #expect(section.warning(code) != nil, "missing warning \(code)") }
        for code in row.absentWarnings { #expect(section.warning(code) == nil, "unexpected warning \(code)") }
        if let text = row.reasonContains {
            let reasons = [section.stageGroupReason, section.planningStageGroupReason].compactMap { $0 }
            #expect(reasons.contains { $0.contains(text) }, "no reason contains \(text)")
        }
        guard case .object(let object) = section.json else {
            Issue.record("the section is not an object")
            return
        }
        for key in [
            "classification", "displayTnm", "gradeApplicability", "planningGrade", "planningStageGroup",
            "planningStageGroupReason", "stageGroup", "stageGroupReason", "t", "n", "m", "grade",
        ] {
            #expect(object[key] != nil, "missing member \(key)")
        }
    }
}
