import JSON
import Testing
@testable import SarcomaGuidelines

/// A sample of evaluations per family: the engine's own checks of its main paths (the
/// table-driven per-rule tests live under Rules/).
@Suite("Engine smoke")
struct EngineSmokeTests {
    static func answer(_ kind: EvaluationKind, _ tumorCase: SarcomaCase) -> JSONValue {
        PackFixture.engine.evaluate(kind, for: tumorCase).json
    }

    static func warningCodes(_ json: JSONValue) -> [String] {
        (json.engineValue("warnings")?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    static func list(_ json: JSONValue, _ path: String, _ key: String) -> [String] {
        (json.engineValue(path)?.arrayValue ?? []).compactMap { $0[key]?.stringValue }
    }

    static let explicit = SarcomaCase.Disease(
        presentation: .primary, resectable: true, priorSystemicLines: 0, priorAnthracycline: false)

    static func localized(
        _ site: Site = .extremity, size: Double?, grade: Int?, depth: Depth = .deep,
        histology: Histology = .undifferentiatedPleomorphicSarcoma
    ) -> SarcomaCase {
        SarcomaCase(
            tumor: .init(
                site: site, sizeCm: size, depth: depth, histology: histology, grade: grade, nodes: .n0, metastasis: .m0),
            disease: explicit)
    }

    static func metastatic(
        _ histology: Histology?, lines: Int, priorAnthracycline: Bool? = true, eligible: Bool = true,
        ntrk: Bool = false
    ) -> SarcomaCase {
        SarcomaCase(
            patient: .init(ivTherapyEligible: eligible, anthracyclineCandidate: eligible),
            tumor: .init(
                site: .extremity, sizeCm: 11, histology: histology, grade: 3, nodes: .n0, metastasis: .m1,
                ntrkFusion: ntrk, metastaticSites: [.lung]),
            disease: .init(
                presentation: .primary, resectable: true, priorSystemicLines: lines,
                priorAnthracycline: priorAnthracycline))
    }

    // MARK: staging

    @Test("Staging: the contract example is T3 N0 M0 G3, stage IIIB, FNCLCC score 7")
    func stagingContractExample() {
        let json = Self.answer(.staging, EngineSampleCases.contractExample)
        #expect(json.engineValue("t") == "T3" && json.engineValue("grade") == "G3")
        #expect(json.engineValue("stageGroup") == "IIIB" && json.engineValue("fnclccScore") == 7)
        #expect(json.engineValue("ajccEdition") == 8 && json.engineValue("siteGroup") == "trunk_extremity")
        #expect(Self.list(json, "recommendations", "ruleId") == ["STAGE-TE", "GRADE-FNCLCC"])
        #expect(Self.warningCodes(json).isEmpty)
    }

    @Test("Staging: omitted nodes and metastasis are N0 M0 with warnings; no grade is GX with a warning")
    func stagingDefaults() {
        let json = Self.answer(.staging, SarcomaCase(tumor: .init(site: .extremity, sizeCm: 7)))
        #expect(json.engineValue("n") == "N0" && json.engineValue("m") == "M0" && json.engineValue("grade") == "GX")
        #expect(json.engineValue("stageGroup") == "IB")
        #expect(
            Set(Self.warningCodes(json)).isSuperset(of: [
                "nodes_defaulted_n0", "metastasis_defaulted_m0", "grade_unknown",
            ]))
    }

    @Test("Staging: FNCLCC boundaries (mitoses 9/10/19/20, necrosis 0/49.9/50) compute the grade")
    func stagingFNCLCC() {
        let rows: [(Int, Int, Double, Int, String)] = [
            (1, 9, 0, 2, "G1"), (1, 10, 0, 3, "G1"), (2, 19, 0, 4, "G2"), (2, 20, 0, 5, "G2"),
            (3, 20, 0, 6, "G3"), (1, 0, 49.9, 3, "G1"), (2, 0, 50, 5, "G2"), (1, 0, 0, 2, "G1"), (3, 25, 80, 8, "G3"),
        ]
        for (differentiation, mitoses, necrosis, score, grade) in rows {
            let tumor = SarcomaCase.Tumor(
                site: .trunk, sizeCm: 3,
                fnclcc: .init(
                    differentiation: differentiation, mitosesPer10Hpf: mitoses, necrosisPercent: necrosis))
            let json = Self.answer(.staging, SarcomaCase(tumor: tumor))
            #expect(
                json.engineValue("fnclccScore") == .number(Double(score)), "\(differentiation)/\(mitoses)/\(necrosis)")
            #expect(json.engineValue("grade") == .string(grade), "\(differentiation)/\(mitoses)/\(necrosis)")
        }
    }

    @Test("Staging: head and neck T from findings over size, no group; visceral T from multifocality, no group")
    func stagingNoGroupSites() {
        let headNeck = Self.answer(.staging, EngineSampleCases.all.first { $0.name == "head and neck T4b" }!.value)
        #expect(headNeck.engineValue("t") == "T4b" && headNeck.engineValue("stageGroup") == .null)
        #expect(headNeck.engineValue("stageGroupReason")?.stringValue?.contains("no stage groups") == true)
        let small = Self.answer(.staging, SarcomaCase(tumor: .init(site: .headAndNeck, sizeCm: 2.0)))
        #expect(small.engineValue("t") == "T1")
        let visceral = Self.answer(.staging, EngineSampleCases.all.first { $0.name == "visceral multifocal" }!.value)
        #expect(visceral.engineValue("t") == "T4b" && visceral.engineValue("stageGroup") == .null)
        let organ = Self.answer(
            .staging, SarcomaCase(tumor: .init(site: .visceral, sizeCm: 30, visceralExtent: .beyondSerosa)))
        #expect(organ.engineValue("t") == "T2b")
    }

    @Test("Staging: a field that does not apply to the site is ignored with field_not_applicable")
    func fieldNotApplicable() {
        let json = Self.answer(
            .staging,
            SarcomaCase(
                tumor: .init(
                    site: .extremity, sizeCm: 3, headNeckInvasion: [.orbit],
                    multifocalSites: 3)))
        #expect(json.engineValue("t") == "T1")
        #expect(Self.warningCodes(json).filter { $0 == "field_not_applicable" }.count == 2)
    }

    // MARK: margins

    @Test("Margins: wider wins and both rules are named; ALT/WDLS minimal only on the extremity")
    func margins() {
        let both = Self.answer(.margins, EngineSampleCases.all.first { $0.name.hasPrefix("extremity ALT/WDLS") }!.value)
        #expect(both.engineValue("marginCm") == 2 && both.engineValue("strategy") == "wide_en_bloc")
        #expect(both.engineValue("recommendations[0].ruleIds") == ["MARGIN-INFILTRATIVE-2CM", "MARGIN-ALT-MINIMAL"])
        #expect(both.engineValue("amputation") == "consider_if_no_limb_sparing_option")
        #expect(Self.list(both, "recommendations", "ruleId").contains("MARGIN-MDT"))

        let alt = Self.answer(.margins, Self.localized(size: 12, grade: 1, histology: .wellDifferentiatedLiposarcoma))
        #expect(alt.engineValue("marginCm") == 0 && alt.engineValue("strategy") == "complete_excision_minimal_margin")
        let retro = Self.answer(
            .margins, Self.localized(.retroperitoneum, size: 12, grade: 1, histology: .wellDifferentiatedLiposarcoma))
        #expect(
            retro.engineValue("marginCm") == 1 && retro.engineValue("recommendations[0].ruleId") == "MARGIN-WIDE-1CM")
    }

    @Test("Margins: biopsy by size; amputation never for M1")
    func biopsyAndAmputation() {
        for (size, advised, words) in [(3.0, false, "not_excluded"), (3.1, false, "avoid")] {
            let json = Self.answer(.margins, Self.localized(size: size, grade: 2))
            #expect(json.engineValue("biopsy.excisionalBiopsyAdvised") == .bool(advised))
            #expect(json.engineValue("biopsy.excisionalBiopsy") == .string(words))
            #expect(json.engineValue("biopsy.method") == "core_needle")
        }
        let noSize = Self.answer(.margins, Self.localized(size: nil, grade: 2))
        #expect(noSize.engineValue("biopsy.excisionalBiopsyAdvised") == false)
        var m1 = Self.metastatic(.synovialSarcoma, lines: 0)
        m1.disease?.limbSparingPossible = false
        #expect(Self.answer(.margins, m1).engineValue("amputation") == "not_indicated")
    }

    // MARK: imaging

    @Test("Imaging: trunk like extremity; chest by grade, depth and size; retroperitoneum spiral CT and liver")
    func imaging() {
        let trunk = Self.answer(.imaging, Self.localized(.trunk, size: 4, grade: 1))
        #expect(
            Self.list(trunk, "primary", "modality") == ["mri", "ct"] && trunk.engineValue("primaryChoice") == "one_of")
        #expect(Self.list(trunk, "metastaticWorkup", "modality").contains("chest_ct"))
        let low = Self.answer(.imaging, Self.localized(size: 12, grade: 1))
        #expect(Self.list(low, "metastaticWorkup", "modality").first == "chest_radiograph")
        let smallSuperficial = Self.answer(.imaging, Self.localized(size: 5, grade: 3, depth: .superficial))
        #expect(Self.list(smallSuperficial, "metastaticWorkup", "modality").first == "chest_radiograph")
        let deep = Self.answer(.imaging, Self.localized(size: 5, grade: 3, depth: .deep))
        #expect(
            deep.engineValue("metastaticWorkup[0].modality") == "chest_ct"
                && deep.engineValue("metastaticWorkup[0].required") == true)
        let gx = Self.answer(.imaging, Self.localized(size: 4, grade: nil, depth: .superficial))
        #expect(Self.list(gx, "metastaticWorkup", "modality").first == "chest_radiograph")
        #expect(Self.warningCodes(gx).contains("grade_unknown_treated_high"))
        let retro = Self.answer(.imaging, Self.localized(.retroperitoneum, size: 12, grade: 2))
        #expect(Self.list(retro, "primary", "modality") == ["spiral_ct"] && retro.engineValue("primaryChoice") == "all")
        #expect(Self.list(retro, "metastaticWorkup", "modality").starts(with: ["liver_imaging", "chest_ct"]))
    }

    @Test("Imaging: PET indicated for recurrent high grade; response rounded to one decimal before comparing")
    func pet() {
        var recurrent = Self.localized(size: 7, grade: 3)
        recurrent.disease?.presentation = .recurrent
        #expect(Self.answer(.imaging, recurrent).engineValue("pet") == "indicated")
        #expect(Self.answer(.imaging, Self.localized(size: 7, grade: 3)).engineValue("pet") == "optional")
        for (post, percent, favorable) in [
            (6.0, 40.0, true), (6.01, 39.9, false), (5.996, 40.0, true), (12.0, -20.0, false),
        ] {
            var tumorCase = Self.localized(size: 7, grade: 3)
            tumorCase.pet = .init(suvMaxBaseline: 10, suvMaxPostTherapy: post)
            let json = Self.answer(.imaging, tumorCase)
            #expect(json.engineValue("petResponse.suvMaxReductionPercent") == .number(percent), "post \(post)")
            #expect(json.engineValue("petResponse.favorable") == .bool(favorable), "post \(post)")
        }
        var one = Self.localized(size: 7, grade: 3)
        one.pet = .init(suvMaxBaseline: 10)
        let json = Self.answer(.imaging, one)
        #expect(json.engineValue("petResponse") == .null && Self.warningCodes(json).contains("pet_incomplete"))
    }

    // MARK: perioperative

    @Test("Perioperative: options by stage; surgery only outside the source's setting; none for M1")
    func perioperative() {
        let stageII = Self.answer(.perioperative, Self.localized(size: 4, grade: 2))
        #expect(Self.list(stageII, "options", "modality") == ["surgery", "postoperative_chemotherapy"])
        #expect(stageII.engineValue("options[1].nccnCategory") == "2B")
        let stageIIIA = Self.answer(.perioperative, Self.localized(size: 7, grade: 3))
        #expect(Self.list(stageIIIA, "options", "modality").count == 6)
        #expect(stageIIIA.engineValue("options[1].nccnCategory") == "1" && stageIIIA.engineValue("highRisk") == false)
        let stageI = Self.answer(.perioperative, Self.localized(size: 12, grade: 1))
        #expect(Self.list(stageI, "options", "modality") == ["surgery"] && stageI.engineValue("reason") != .null)
        let retro = Self.answer(.perioperative, Self.localized(.retroperitoneum, size: 12, grade: 3))
        #expect(Self.list(retro, "options", "modality") == ["surgery"])
        let m1 = Self.answer(.perioperative, Self.metastatic(.leiomyosarcoma, lines: 0))
        #expect(Self.list(m1, "options", "modality").isEmpty && m1.engineValue("reason") != .null)
        let tx = Self.answer(.perioperative, Self.localized(size: nil, grade: 3))
        #expect(Self.list(tx, "options", "modality") == ["surgery"] && tx.engineValue("stageGroup") == .null)
    }

    @Test("Perioperative: high risk above 8 cm for high-grade extremity tumours, GX with a warning")
    func highRisk() {
        #expect(Self.answer(.perioperative, Self.localized(size: 8.0, grade: 3)).engineValue("highRisk") == false)
        #expect(Self.answer(.perioperative, Self.localized(size: 8.01, grade: 3)).engineValue("highRisk") == true)
        #expect(
            Self.answer(.perioperative, Self.localized(.trunk, size: 12, grade: 3)).engineValue("highRisk") == false)
        let gx = Self.answer(.perioperative, Self.localized(size: 9, grade: nil))
        #expect(gx.engineValue("highRisk") == true && Self.warningCodes(gx).contains("grade_unknown_treated_high"))
    }

    // MARK: palliative

    @Test("Palliative: not indicated for localized disease, line null")
    func palliativeNotIndicated() {
        let json = Self.answer(.palliative, Self.localized(size: 7, grade: 3))
        #expect(json.engineValue("indicated") == false && json.engineValue("line") == .null)
        #expect(Self.list(json, "options", "agent").isEmpty && json.engineValue("reason") != .null)
        #expect(json.engineValue("recommendations[0].ruleId") == "PALL-NOT-LOCALIZED")
    }

    @Test("Palliative: first line anthracycline and trial; ipilimumab investigational")
    func palliativeFirstLine() {
        let json = Self.answer(.palliative, Self.metastatic(.undifferentiatedPleomorphicSarcoma, lines: 0))
        #expect(json.engineValue("line") == "first")
        #expect(Self.list(json, "options", "agent") == ["doxorubicin", "clinical_trial"])
        #expect(Self.list(json, "investigational", "agent") == ["ipilimumab"])
        #expect(json.engineValue("options[0].nccnCategory") == .null)
    }

    @Test("Palliative: liposarcoma in later lines withholds pazopanib and regorafenib; categories by subtype")
    func palliativeLiposarcoma() {
        let json = Self.answer(.palliative, Self.metastatic(.myxoidLiposarcoma, lines: 1))
        #expect(Self.list(json, "notRecommended", "agent") == ["pazopanib", "pazopanib_gemcitabine", "regorafenib"])
        #expect(
            Self.list(json, "options", "agent") == [
                "trabectedin", "eribulin", "pembrolizumab", "nivolumab", "clinical_trial",
            ])
        #expect(
            json.engineValue("options[0].nccnCategory") == "1" && json.engineValue("options[1].nccnCategory") == "1")
        let lms = Self.answer(.palliative, Self.metastatic(.leiomyosarcoma, lines: 2))
        #expect(Self.list(lms, "options", "agent").contains("pazopanib"))
        #expect(
            lms.engineValue("options[2].agent") == "trabectedin" && lms.engineValue("options[2].nccnCategory") == "1")
        #expect(lms.engineValue("options[3].agent") == "eribulin" && lms.engineValue("options[3].nccnCategory") == "2A")
    }

    @Test("Palliative: trabectedin without a prior anthracycline is listed with a warning")
    func trabectedinWarning() {
        let json = Self.answer(.palliative, Self.metastatic(.synovialSarcoma, lines: 1, priorAnthracycline: false))
        #expect(Self.list(json, "options", "agent").contains("trabectedin"))
        #expect(Self.warningCodes(json).contains("trabectedin_without_prior_anthracycline"))
    }

    @Test("Palliative: with nothing else, the clinical trial is the option, with the reason")
    func trialOnly() {
        let json = Self.answer(.palliative, Self.metastatic(.dedifferentiatedLiposarcoma, lines: 0, eligible: false))
        #expect(Self.list(json, "options", "agent") == ["clinical_trial"])
        #expect(json.engineValue("reason")?.stringValue?.contains("clinical trial") == true)
        #expect(Self.list(json, "notRecommended", "agent") == ["pazopanib"])
        let ntrk = Self.answer(.palliative, Self.metastatic(.fibrosarcoma, lines: 3, ntrk: true))
        #expect(Self.list(ntrk, "options", "agent").starts(with: ["larotrectinib", "entrectinib"]))
        #expect(ntrk.engineValue("options[0].categoryDefaulted") == true)
    }

    // MARK: consistency and plain text

    @Test("Consistency: a stated grade that contradicts the FNCLCC components is an issue at /tumor/grade")
    func consistency() {
        var tumorCase = EngineSampleCases.contractExample
        #expect(PackFixture.engine.consistencyIssues(in: tumorCase).isEmpty)
        tumorCase.tumor.grade = 2
        let issues = PackFixture.engine.consistencyIssues(in: tumorCase)
        #expect(issues.count == 1 && issues.first?.pointer == "/tumor/grade")
        #expect(issues.first?.detail.contains("= 7") == true && issues.first?.detail.contains("grade 3") == true)
        let evaluated = Self.answer(.staging, tumorCase)
        #expect(evaluated.engineValue("grade") == "G3" && Self.warningCodes(evaluated).contains("grade_conflict"))
    }

    @Test(
        "Plain text: ASCII, under 100 columns, newline-terminated; the assessment has every section",
        arguments: EngineSampleCases.all)
    func plainText(sample: EngineSampleCase) {
        for kind in EvaluationKind.allCases {
            let text = PackFixture.engine.evaluate(kind, for: sample.value).plainText
            #expect(text.hasSuffix("\n") && text.unicodeScalars.allSatisfy(\.isASCII), "\(kind)")
            for line in text.split(separator: "\n") { #expect(line.count < 100, "\(kind): \(line)") }
            #expect(text.contains("guideline pack 2026.11-1"))
        }
        let assessment = PackFixture.engine.evaluate(.assessment, for: sample.value).plainText
        for label in ["Staging", "Margins", "Imaging", "Periop", "Palliative"] {
            #expect(assessment.contains(label), "\(label) missing")
        }
    }
}
