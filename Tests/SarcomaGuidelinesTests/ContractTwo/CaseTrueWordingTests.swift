import JSON
import Testing
@testable import SarcomaGuidelines

/// The tumour-board review of pack 2026.12-1 as served (issue 12): every warning and option
/// must be true for the case it answers. Each row states the case and what the rules text
/// says the answer holds; the expected values come from the rules, not from the code.
@Suite("Pack 2026.12-1 review: answers true for this case")
struct CaseTrueWordingTests {
    static let engine = Pack2026Fixture.contractTwoEngine

    static func message(_ code: String, in section: ContractTwoSection, _ worked: WorkedCase) throws -> String? {
        let evaluation = try engine.evaluate(section, facts: worked.facts)
        return evaluation.warnings.first { $0.code == code }?.message
    }

    /// A leiomyosarcoma M1 [lung, liver] in first line after perioperative doxorubicin (C31 base).
    static func lmsAfterPerioperativeDoxorubicin(_ change: @escaping (inout WorkedCase) -> Void) -> WorkedCase {
        WorkedCase(.extremity, nil, nil, "leiomyosarcoma", grade: 3) { worked in
            worked.patient.ageYears = 55
            worked.metastatic([.lung, .liver])
            worked.disease.priorAnthracycline = true
            worked.inputs.progressedOnAnthracycline = false
            worked.inputs.priorCardiotoxicTherapy = false
            change(&worked)
        }
    }

    struct RechallengeRow: Sendable, CustomTestStringConvertible {
        var name: String
        var worked: WorkedCase
        var setAListed: Bool
        var testDescription: String { name }
    }

    /// PALL-PRIOR-PERIOP-ANTHRACYCLINE (§8.6): `anthracycline_rechallenge` is in every FA answer;
    /// it may say the anthracycline regimens are "listed, not preferred" only when one is listed.
    /// Set A is withheld at the ceiling (PALL-ANTHRACYCLINE-CEILING: >= 550, >= 400 after other
    /// cardiotoxic therapy), on progression (PALL-ANTHRACYCLINE-REFRACTORY), for a patient who
    /// is not a candidate (PALL-ANTHRACYCLINE-FIRST) and without IV eligibility (PALL-IV-ALL-LINES).
    static let rechallengeRows: [RechallengeRow] = [
        .init(
            name: "dose 300 (C31)",
            worked: lmsAfterPerioperativeDoxorubicin { $0.inputs.cumulativeDoxorubicinMgM2 = 300 },
            setAListed: true),
        .init(
            name: "dose 549, one below the ceiling",
            worked: lmsAfterPerioperativeDoxorubicin { $0.inputs.cumulativeDoxorubicinMgM2 = 549 }, setAListed: true),
        .init(
            name: "dose 550, at the ceiling",
            worked: lmsAfterPerioperativeDoxorubicin { $0.inputs.cumulativeDoxorubicinMgM2 = 550 }, setAListed: false),
        .init(
            name: "dose 399 after cardiotoxic therapy",
            worked: lmsAfterPerioperativeDoxorubicin {
                $0.inputs.cumulativeDoxorubicinMgM2 = 399
                $0.inputs.priorCardiotoxicTherapy = true
            }, setAListed: true),
        .init(
            name: "dose 400 after cardiotoxic therapy (V-CEILING)",
            worked: lmsAfterPerioperativeDoxorubicin {
                $0.inputs.cumulativeDoxorubicinMgM2 = 400
                $0.inputs.priorCardiotoxicTherapy = true
            }, setAListed: false),
        .init(
            name: "progressed on the anthracycline",
            worked: lmsAfterPerioperativeDoxorubicin {
                $0.inputs.cumulativeDoxorubicinMgM2 = 300
                $0.inputs.progressedOnAnthracycline = true
            }, setAListed: false),
        .init(
            name: "not an anthracycline candidate",
            worked: lmsAfterPerioperativeDoxorubicin { $0.patient.anthracyclineCandidate = false }, setAListed: false),
        .init(
            name: "not eligible for IV therapy",
            worked: lmsAfterPerioperativeDoxorubicin { $0.patient.ivTherapyEligible = false }, setAListed: false),
    ]

    @Test(
        "anthracycline_rechallenge says 'listed, not preferred' only when an anthracycline regimen is listed",
        arguments: rechallengeRows)
    func rechallengeWording(_ row: RechallengeRow) throws {
        let evaluation = try Self.engine.evaluate(.palliative, facts: row.worked.facts)
        let options = evaluation.json["options"]?.arrayValue ?? []
        let setA: Set<String> = ["doxorubicin", "doxorubicin_ifosfamide", "doxorubicin_dacarbazine"]
        let listed = options.contains { setA.contains($0["agent"]?.stringValue ?? "") }
        #expect(listed == row.setAListed, "set A listed")
        let message = try #require(evaluation.warnings.first { $0.code == "anthracycline_rechallenge" }?.message)
        #expect(message.contains("listed, not preferred") == row.setAListed, "\(message)")
        #expect(message.contains("No anthracycline regimen is listed") == !row.setAListed, "\(message)")
    }

    struct BiomarkerRow: Sendable, CustomTestStringConvertible {
        var name: String
        var worked: WorkedCase
        /// `test (agents ...` fragments the message must contain.
        var named: [String]
        var absent: [String]
        var testDescription: String { name }
    }

    /// PALL-BIOMARKER-UNKNOWN (§8.5): the warning names the unknown tests whose positive result
    /// would put a row into options; an agent the case already lists is not "added" by the test
    /// and is named as already listed (INI1 is named for epithelioid sarcoma even though
    /// tazemetostat is listed; PALL-PD1 lists pembrolizumab for UPS in line S).
    static let biomarkerRows: [BiomarkerRow] = [
        .init(
            name: "epithelioid sarcoma M1 line F: INI1, tazemetostat already listed",
            worked: WorkedCase(.trunk, 9, .deep, "epithelioid_sarcoma") { $0.metastatic([.lung, .liver]) },
            named: ["INI1 (tazemetostat, already listed"], absent: ["would add options in this case:"]),
        .init(
            name: "UPS M1 line S: pembrolizumab already listed; dMMR adds dostarlimab",
            worked: WorkedCase(.extremity, 9, .deep, "undifferentiated_pleomorphic_sarcoma", grade: 3) {
                $0.metastatic([.lung, .liver])
                $0.disease.priorSystemicLines = 1
                $0.disease.priorAnthracycline = true
                $0.inputs.cumulativeDoxorubicinMgM2 = 300
                $0.inputs.progressedOnAnthracycline = true
            },
            named: [
                "MSI-H (pembrolizumab, already listed", "dMMR (dostarlimab; pembrolizumab, already listed",
                "BRAF V600E (dabrafenib_trametinib)",
            ], absent: []),
        .init(
            name: "LMS M1 line S: pembrolizumab withheld for LMS, so MSI-H adds it",
            worked: WorkedCase(.extremity, 9, .deep, "leiomyosarcoma", grade: 3) {
                $0.metastatic([.lung, .liver])
                $0.disease.priorSystemicLines = 1
                $0.disease.priorAnthracycline = true
                $0.inputs.cumulativeDoxorubicinMgM2 = 300
                $0.inputs.progressedOnAnthracycline = true
            },
            named: ["Tests not reported that would add options in this case: MSI-H (pembrolizumab)"],
            absent: ["already listed"]),
    ]

    @Test(
        "biomarker_tests_not_reported never says a test adds an agent the case already lists", arguments: biomarkerRows)
    func biomarkerWording(_ row: BiomarkerRow) throws {
        let message = try #require(try Self.message("biomarker_tests_not_reported", in: .palliative, row.worked))
        for fragment in row.named { #expect(message.contains(fragment), "missing \(fragment) in: \(message)") }
        for fragment in row.absent { #expect(!message.contains(fragment), "\(fragment) in: \(message)") }
    }

    struct LeftOutRow: Sendable, CustomTestStringConvertible {
        var name: String
        var worked: WorkedCase
        var section: ContractTwoSection
        var leftOut: [String]
        var testDescription: String { name }
    }

    /// SCOPE-PEDIATRIC (§3.4): the rows whose label does not cover the age are left out, not
    /// listed as not recommended, and "warning pediatric_protocol_scope names them".
    static let leftOutRows: [LeftOutRow] = [
        .init(
            name: "age 8 synovial sarcoma M1 line F, palliative",
            worked: WorkedCase(.extremity, 9, .deep, "synovial_sarcoma", grade: 3) {
                $0.patient.ageYears = 8
                $0.metastatic([.lung, .bone])
            }, section: .palliative, leftOut: ["doxorubicin", "doxorubicin_ifosfamide"]),
        .init(
            name: "C11 infant NTRK+ fibrosarcoma, conversion systemicOptions",
            worked: WorkedCase(.extremity, 6, .deep, "infantile_fibrosarcoma") {
                $0.patient.ageYears = 1
                $0.patient.ecog = nil
                $0.tumor.ntrkFusion = true
                $0.disease.resectable = false
            }, section: .perioperative, leftOut: ["doxorubicin", "doxorubicin_ifosfamide"]),
    ]

    @Test("pediatric_protocol_scope names the rows left out, in the section and at the top", arguments: leftOutRows)
    func pediatricScopeNamesLeftOut(_ row: LeftOutRow) throws {
        let message = try #require(try Self.message("pediatric_protocol_scope", in: row.section, row.worked))
        #expect(message.hasSuffix("left out here: " + row.leftOut.joined(separator: ", ")), "\(message)")
        let answer = try #require(try Self.engine.assessmentAnswer(facts: row.worked.facts))
        let top = answer.json["warnings"]?.arrayValue?.first { $0["code"]?.stringValue == "pediatric_protocol_scope" }
        #expect(top?["message"]?.stringValue == message)
        #expect(answer.plainText.contains("left out here"))
    }

    struct GradeUnknownRow: Sendable, CustomTestStringConvertible {
        var name: String
        var worked: WorkedCase
        var text: String
        var testDescription: String { name }
    }

    /// `grade_unknown` (v1 text, kept for F histologies, §4): "establishing the grade may change
    /// the stage" is true only where the AJCC group depends on the grade. STAGE-TE: N1 or M1 is
    /// stage IV for any grade; head and neck and visceral sites have no group (STAGE-HN, -VI).
    static let gradeUnknownRows: [GradeUnknownRow] = [
        .init(
            name: "LMS 12 cm deep N0 M0 GX: IB or IIIB", worked: WorkedCase(.extremity, 12, .deep, "leiomyosarcoma"),
            text: "establishing the grade may change the stage"),
        .init(
            name: "LMS M1 GX: stage IV",
            worked: WorkedCase(.extremity, 12, .deep, "leiomyosarcoma") { $0.metastatic([.lung, .liver]) },
            text: "stage IV whatever the grade"),
        .init(
            name: "LMS N1 M0 GX: stage IV",
            worked: WorkedCase(.extremity, 12, .deep, "leiomyosarcoma") { $0.tumor.nodes = .n1 },
            text: "stage IV whatever the grade"),
        .init(
            name: "LMS head and neck GX: no AJCC group", worked: WorkedCase(.headAndNeck, 3, nil, "leiomyosarcoma"),
            text: "this site has no AJCC stage group"),
    ]

    @Test("grade_unknown says the stage may change only where the grade can change it", arguments: gradeUnknownRows)
    func gradeUnknownWording(_ row: GradeUnknownRow) throws {
        let message = try #require(try Self.message("grade_unknown", in: .staging, row.worked))
        #expect(message.contains(row.text), "\(message)")
    }

    struct ContainerRow: Sendable, CustomTestStringConvertible {
        var name: String
        var worked: WorkedCase
        /// nil: listed.
        var withheld: String?
        var testDescription: String { name }
    }

    /// PERIOP-CONVERSION (§7.4) with §8.2 step 3: at ECOG 4 every systemic row is withheld and at
    /// ECOG 3 all but the oral targeted rows (NTRK, ALK-IMT, DFSP imatinib), `clinical_trial`
    /// included. A conversion answer must then not list `preoperative_systemic_therapy` with an
    /// empty `systemicOptions[]`: it goes to notRecommended with `performance_status`.
    static let containerRows: [ContainerRow] = [
        .init(name: "LMS conversion ECOG 2", worked: conversion("leiomyosarcoma", ecog: 2), withheld: nil),
        .init(
            name: "LMS conversion ECOG 3", worked: conversion("leiomyosarcoma", ecog: 3),
            withheld: "performance_status"),
        .init(
            name: "NTRK+ sarcoma conversion ECOG 3 (larotrectinib kept)",
            worked: conversion("other_sarcoma", ecog: 3) { $0.tumor.ntrkFusion = true }, withheld: nil),
        .init(
            name: "NTRK+ sarcoma conversion ECOG 4",
            worked: conversion("other_sarcoma", ecog: 4) { $0.tumor.ntrkFusion = true },
            withheld: "performance_status"),
        .init(
            name: "DFSP conversion ECOG 3 (imatinib kept)",
            worked: conversion("dermatofibrosarcoma_protuberans", ecog: 3),
            withheld: nil),
    ]

    static func conversion(_ histology: String, ecog: Int, _ change: @escaping (inout WorkedCase) -> Void = { _ in })
        -> WorkedCase
    {
        WorkedCase(.extremity, 12, .deep, histology, grade: histology == "dermatofibrosarcoma_protuberans" ? nil : 3) {
            $0.patient.ecog = ecog
            $0.disease.resectable = false
            change(&$0)
        }
    }

    @Test(
        "conversion lists preoperative systemic therapy only when systemicOptions holds a therapy",
        arguments: containerRows)
    func conversionContainer(_ row: ContainerRow) throws {
        let section = try PerioperativeEvaluatorV2.evaluate(row.worked.facts)
        #expect(section.pathway == .conversion)
        let systemicEmpty = section.systemic?.options.isEmpty ?? true
        let listed = section.options.contains { $0.modality == .preoperativeSystemicTherapy }
        let withheld = section.notRecommended.first { $0.modality == .preoperativeSystemicTherapy }
        #expect(listed == (row.withheld == nil), "listed")
        #expect(withheld?.reasonCode.rawValue == row.withheld, "withheld")
        #expect(systemicEmpty == (row.withheld != nil), "systemicOptions empty")
    }
}

extension CaseTrueWordingTests {
    /// D14 v2 (rules §5 precedence): DFSP at extremity, trunk or head and neck is planned with
    /// MARGIN-DFSP-PDEMA and MARGIN-INFILTRATIVE-2CM's 2 cm is the wide-excision alternative;
    /// "the widest margin is planned" holds only for the numeric rules elsewhere.
    @Test(
        "a DFSP margin plan never says the widest margin is planned", arguments: [Site.extremity, .trunk, .headAndNeck])
    func dfspMarginWording(_ site: Site) throws {
        let worked = WorkedCase(site, 6, .superficial, "dermatofibrosarcoma_protuberans")
        let section = MarginEvaluatorV2.evaluate(try worked.facts)
        let rationale = try #require(section.recommendations.first).rationale
        #expect(!rationale.contains("the widest margin is planned"), "\(rationale)")
        #expect(rationale.contains("2 cm margin is the wide-excision alternative"), "\(rationale)")
    }
}

extension CaseTrueWordingTests {
    /// REND-WORDING (rules §9) with §8.3 rows 5, 11, 13: for a first-line non-candidate (C35) the
    /// S/FA rows of gemcitabine-docetaxel, trabectedin and eribulin are traced "not applied: this
    /// is the first line" while PALL-NON-ANTHRACYCLINE-FIRST lists the same agents; the trace must
    /// name where the agent is, never say it "is not an option" beside the option listing it.
    @Test("a line-excluded row whose agent another row lists is traced as listed there")
    func lineExcludedRowOfAListedAgent() throws {
        let worked = WorkedCase(.extremity, 9, .deep, "myxoid_liposarcoma", grade: 2) {
            $0.patient.ageYears = 65
            $0.patient.anthracyclineCandidate = false
            $0.metastatic([.lung, .softTissue])
        }
        let evaluation = try Self.engine.evaluate(.palliative, facts: worked.facts, explain: true)
        let reasons = (evaluation.json["trace"]?.arrayValue ?? []).map { step in
            "\(step["ruleId"]?.stringValue ?? "") \(step["reason"]?.stringValue ?? "")"
        }
        let expected = [
            ("PALL-GEMDOC", "gemcitabine_docetaxel is listed under PALL-NON-ANTHRACYCLINE-FIRST"),
            ("PALL-TRABECTEDIN", "trabectedin is listed under PALL-NON-ANTHRACYCLINE-FIRST"),
            ("PALL-ERIBULIN", "eribulin is listed under PALL-NON-ANTHRACYCLINE-FIRST"),
            ("PALL-PAZOPANIB-GEM", "pazopanib_gemcitabine is not an option in it"),
        ]
        for (rule, phrase) in expected {
            #expect(
                reasons.contains { $0.hasPrefix(rule + " this is the first line") && $0.contains(phrase) },
                "\(rule): \(phrase) in \(reasons)")
        }
        for agent in ["gemcitabine_docetaxel", "trabectedin", "eribulin"] {
            #expect(!reasons.contains { $0.contains("\(agent) is not an option") }, "\(agent) in \(reasons)")
        }
    }
}
