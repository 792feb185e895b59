import JSON
import Testing
@testable import SarcomaGuidelines

/// Imaging of pack 2026.12-1 (clinical rules §6, D02 v2, D16 v2, D17 v2): MRI preferred, chest
/// CT whenever N1 or M1, the chest-radiograph boundary, the histology add-ons and PET.
@Suite("Pack 2026.12-1 imaging (§6)")
struct ImagingV2RuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var input: WorkedCase
        /// `modality (required, preferred)` of `metastaticWorkup`, in order.
        var workup: [String]
        var pet = "optional"
        var warnings: [String] = []
        var testDescription: String { name }
    }

    static func lines(_ studies: [ImagingStudyV2]) -> [String] {
        studies.map { "\($0.modality.rawValue) (\($0.required), \($0.preferred))" }
    }

    static let rows: [Row] = [
        Row(
            name: "C28 epithelioid 5 cm superficial N1 M1: chest CT, never the radiograph",
            input: WorkedCase(.extremity, 5, .superficial, "epithelioid_sarcoma") {
                $0.patient.ageYears = 30
                $0.tumor.nodes = .n1
                $0.metastatic([.lung, .lymphNodeDistant])
            },
            workup: ["chest_ct (true, true)"]),
        Row(
            name: "P3 N1 M0 small superficial G3: chest CT (IMG-CHEST-CT)",
            input: WorkedCase(.extremity, 4, .superficial, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.tumor.nodes = .n1
            },
            workup: ["chest_ct (true, true)"]),
        Row(
            name: "G3 superficial 5.0 cm N0 M0: chest radiograph (size inclusive)",
            input: WorkedCase(.extremity, 5.0, .superficial, "leiomyosarcoma", grade: 3),
            workup: ["chest_radiograph (true, false)"]),
        Row(
            name: "G3 superficial 5.01 cm: chest CT",
            input: WorkedCase(.extremity, 5.01, .superficial, "leiomyosarcoma", grade: 3),
            workup: ["chest_ct (true, true)"]),
        Row(
            name: "G3 deep 3 cm: chest CT",
            input: WorkedCase(.extremity, 3, .deep, "leiomyosarcoma", grade: 3), workup: ["chest_ct (true, true)"]),
        Row(
            name: "G3 with depth not given (D16 v2): chest CT with a warning",
            input: WorkedCase(.extremity, 3, nil, "leiomyosarcoma", grade: 3), workup: ["chest_ct (true, true)"],
            warnings: ["depth_unknown"]),
        Row(
            name: "G1 deep 12 cm extremity: chest radiograph (planning G1)",
            input: WorkedCase(.extremity, 12, .deep, "leiomyosarcoma", grade: 1),
            workup: ["chest_radiograph (true, false)"]),
        Row(
            name: "ALT/WDLS extremity GX: planned G1, chest radiograph (H7)",
            input: WorkedCase(.extremity, 12, .deep, "well_differentiated_liposarcoma"),
            workup: ["chest_radiograph (true, false)"]),
        Row(
            name: "G1 on the trunk: chest CT (the radiograph is for the extremity)",
            input: WorkedCase(.trunk, 3, .superficial, "leiomyosarcoma", grade: 1), workup: ["chest_ct (true, true)"]),
        Row(
            name: "F histology GX extremity small superficial: counts high, radiograph with a warning",
            input: WorkedCase(.extremity, 3, .superficial, "leiomyosarcoma"),
            workup: ["chest_radiograph (true, false)"], warnings: ["grade_unknown_treated_high"]),
        Row(
            name: "DFSP N0 M0 (IMG-DFSP): chest CT not required, preferred",
            input: WorkedCase(.trunk, 6, nil, "dermatofibrosarcoma_protuberans"), workup: ["chest_ct (false, true)"]),
        Row(
            name: "C34 DFSP M1: IMG-CHEST-CT",
            input: WorkedCase(.trunk, 6, nil, "dermatofibrosarcoma_protuberans") { $0.metastatic([.lung]) },
            workup: ["chest_ct (true, true)"]),
        Row(
            name: "C35 myxoid LPS extremity M1: whole-spine MRI and CT abdomen/pelvis",
            input: WorkedCase(.extremity, nil, nil, "myxoid_liposarcoma", grade: 2) {
                $0.patient.ageYears = 65
                $0.metastatic([.lung, .softTissue])
            },
            workup: ["chest_ct (true, true)", "whole_spine_mri (true, true)", "ct_abdomen_pelvis (true, true)"]),
        Row(
            name: "Myxoid LPS at the retroperitoneum: spine MRI only (abdominal CT already)",
            input: WorkedCase(.retroperitoneum, 15, nil, "myxoid_liposarcoma", grade: 2),
            workup: ["liver_imaging (true, false)", "chest_ct (true, true)", "whole_spine_mri (true, true)"]),
        Row(
            name: "C27 ASPS M1 (brain): brain MRI required",
            input: WorkedCase(.extremity, 8, .deep, "alveolar_soft_part_sarcoma") {
                $0.patient.ageYears = 25
                $0.metastatic([.lung, .brain])
            },
            workup: ["chest_ct (true, true)", "brain_mri (true, true)"]),
        Row(
            name: "C12 angiosarcoma M1: brain MRI optional, no nodal imaging (IMG-NODAL-RISK needs M0)",
            input: WorkedCase(.headAndNeck, 5, nil, "angiosarcoma") {
                $0.patient.ageYears = 72
                $0.metastatic([.lung, .liver])
            },
            workup: ["chest_ct (true, true)", "brain_mri (false, true)"]),
        Row(
            name: "C30 synovial N0 M0: regional nodal imaging (IMG-NODAL-RISK)",
            input: WorkedCase(.extremity, 4.5, .deep, "synovial_sarcoma", grade: 3),
            workup: ["chest_ct (true, true)", "regional_nodal_imaging (true, false)"]),
        Row(
            name: "C08 clear cell N1 M0: chest CT and regional nodal imaging (IMG-NODAL-RISK, also at N1: IM3)",
            input: WorkedCase(.extremity, 6, .deep, "clear_cell_sarcoma") { $0.tumor.nodes = .n1 },
            workup: ["chest_ct (true, true)", "regional_nodal_imaging (true, false)"]),
        Row(
            name: "C17 recurrent G3: PET indicated (IMG-PET-RECURRENT)",
            input: WorkedCase(.extremity, 4, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.disease.presentation = .recurrent
            },
            workup: ["chest_ct (true, true)", "pet_ct (true, false)"], pet: "indicated"),
        Row(
            name: "recurrent G1: PET optional",
            input: WorkedCase(.extremity, 4, .deep, "leiomyosarcoma", grade: 1) {
                $0.disease.presentation = .recurrent
            },
            workup: ["chest_radiograph (true, false)"]),
        Row(
            name: "recurrent DFSP: PET optional",
            input: WorkedCase(.trunk, 4, nil, "dermatofibrosarcoma_protuberans") {
                $0.disease.presentation = .recurrent
            },
            workup: ["chest_ct (false, true)"]),
        Row(
            name: "presentation not given, G3: PET optional",
            input: WorkedCase(.extremity, 4, .deep, "leiomyosarcoma", grade: 3) { $0.disease.presentation = nil },
            workup: ["chest_ct (true, true)"]),
    ]

    @Test("metastaticWorkup in table order and PET", arguments: rows)
    func workup(_ row: Row) throws {
        let section = ImagingEvaluatorV2.evaluate(try row.input.facts)
        #expect(Self.lines(section.metastaticWorkup) == row.workup)
        #expect((section.petIndicated ? "indicated" : "optional") == row.pet)
        for code in row.warnings { #expect(section.warning(code) != nil, "missing warning \(code)") }
    }

    @Test("IMG-PRIMARY-EXTREMITY-HN: one of MRI (preferred) or CT; RP/visceral: spiral CT", arguments: Site.allCases)
    func primary(_ site: Site) throws {
        let section = ImagingEvaluatorV2.evaluate(try WorkedCase(site, 6, .deep, "leiomyosarcoma", grade: 2).facts)
        switch site {
        case .extremity, .trunk, .headAndNeck:
            #expect(Self.lines(section.primary) == ["mri (false, true)", "ct (false, false)"])
            #expect(section.primaryOneOf)
        case .retroperitoneum, .visceral:
            #expect(Self.lines(section.primary) == ["spiral_ct (true, true)"])
            #expect(!section.primaryOneOf)
        }
    }

    @Test("IMG-PET-RESPONSE: 10 -> 6 is 40.0 % (favourable); no chemotherapy recorded gives the warning")
    func petResponse() throws {
        let input = WorkedCase(.extremity, 6, .deep, "leiomyosarcoma", grade: 3) {
            $0.tumorCase.pet = .init(suvMaxBaseline: 10, suvMaxPostTherapy: 6)
        }
        let section = ImagingEvaluatorV2.evaluate(try input.facts)
        guard case .object(let response) = section.petResponse else {
            Issue.record("no petResponse")
            return
        }
        #expect(response["suvMaxReductionPercent"] == .number(40))
        #expect(response["favorable"] == .bool(true))
        #expect(section.warning("pet_response_without_recorded_chemotherapy") != nil)
        let treated = WorkedCase(.extremity, 6, .deep, "leiomyosarcoma", grade: 3) {
            $0.tumorCase.pet = .init(suvMaxBaseline: 10, suvMaxPostTherapy: 6.01)
            $0.disease.priorAnthracycline = true
        }
        let second = ImagingEvaluatorV2.evaluate(try treated.facts)
        guard case .object(let other) = second.petResponse else { return }
        #expect(other["favorable"] == .bool(false))
        #expect(second.warning("pet_response_without_recorded_chemotherapy") == nil)
    }
}
