import Testing
@testable import SarcomaGuidelines

/// Every rule of the catalogue fires for at least one case: no rule in the pack is dead.
@Suite("Rule coverage")
struct RuleCoverageTests {
    typealias Smoke = EngineSmokeTests

    static var withPET: SarcomaCase {
        var tumorCase = Smoke.localized(size: 7, grade: 3)
        tumorCase.pet = .init(suvMaxBaseline: 10, suvMaxPostTherapy: 6)
        return tumorCase
    }

    static var recurrent: SarcomaCase {
        var tumorCase = Smoke.localized(size: 7, grade: 3)
        tumorCase.disease?.presentation = .recurrent
        return tumorCase
    }

    static var noLimbSparing: SarcomaCase {
        var tumorCase = Smoke.localized(size: 16, grade: 3)
        tumorCase.disease?.limbSparingPossible = false
        return tumorCase
    }

    /// (rule, the answer that fires it, the case).
    static let rows: [(String, EvaluationKind, SarcomaCase)] = [
        ("GRADE-FNCLCC", .staging, EngineSampleCases.contractExample),
        ("STAGE-TE", .staging, Smoke.localized(size: 7, grade: 2)),
        ("STAGE-RP", .staging, Smoke.localized(.retroperitoneum, size: 7, grade: 2)),
        ("STAGE-HN", .staging, Smoke.localized(.headAndNeck, size: 3, grade: 2)),
        ("STAGE-VI", .staging, Smoke.localized(.visceral, size: 3, grade: 2)),
        ("BIOPSY-CORE", .margins, Smoke.localized(size: 7, grade: 2)),
        ("BIOPSY-NO-EXCISIONAL", .margins, Smoke.localized(size: 7, grade: 2)),
        ("MARGIN-WIDE-1CM", .margins, Smoke.localized(size: 7, grade: 2)),
        (
            "MARGIN-INFILTRATIVE-2CM", .margins,
            Smoke.localized(size: 7, grade: 2, histology: .dermatofibrosarcomaProtuberans)
        ),
        ("MARGIN-ALT-MINIMAL", .margins, Smoke.localized(size: 7, grade: 1, histology: .wellDifferentiatedLiposarcoma)),
        ("MARGIN-AMPUTATION", .margins, noLimbSparing),
        ("MARGIN-MDT", .margins, Smoke.localized(.visceral, size: 7, grade: 2)),
        ("IMG-PRIMARY-EXTREMITY-HN", .imaging, Smoke.localized(.trunk, size: 7, grade: 2)),
        ("IMG-PRIMARY-ABDOMEN-CHEST", .imaging, Smoke.localized(.visceral, size: 7, grade: 2)),
        ("IMG-LIVER", .imaging, Smoke.localized(.retroperitoneum, size: 7, grade: 2)),
        ("IMG-CHEST-XR", .imaging, Smoke.localized(size: 7, grade: 1)),
        ("IMG-CHEST-CT", .imaging, Smoke.localized(size: 7, grade: 3)),
        ("IMG-PET-RECURRENT", .imaging, recurrent),
        ("IMG-PET-OPTIONAL", .imaging, Smoke.localized(size: 7, grade: 3)),
        ("IMG-PET-RESPONSE", .imaging, withPET),
        ("PERIOP-SURGERY", .perioperative, Smoke.localized(size: 3, grade: 1)),
        ("PERIOP-POSTOP-CHEMO", .perioperative, Smoke.localized(size: 3, grade: 2)),
        ("PERIOP-STAGE3-POSTOP-RT", .perioperative, Smoke.localized(size: 7, grade: 2)),
        ("PERIOP-STAGE3-PREOP", .perioperative, Smoke.localized(size: 12, grade: 3)),
        ("PERIOP-LARGE-HIGHGRADE", .perioperative, Smoke.localized(size: 9, grade: 3)),
        ("PALL-ANTHRACYCLINE-FIRST", .palliative, Smoke.metastatic(.angiosarcoma, lines: 0)),
        ("PALL-NTRK", .palliative, Smoke.metastatic(.otherSarcoma, lines: 0, ntrk: true)),
        ("PALL-PAZOPANIB-FIRST", .palliative, Smoke.metastatic(.synovialSarcoma, lines: 0, eligible: false)),
        ("PALL-PAZOPANIB-SUBSEQUENT", .palliative, Smoke.metastatic(.synovialSarcoma, lines: 1)),
        ("PALL-PAZOPANIB-GEM", .palliative, Smoke.metastatic(.leiomyosarcoma, lines: 1)),
        ("PALL-TRABECTEDIN", .palliative, Smoke.metastatic(.leiomyosarcoma, lines: 1)),
        ("PALL-ERIBULIN", .palliative, Smoke.metastatic(.pleomorphicLiposarcoma, lines: 2)),
        ("PALL-REGORAFENIB", .palliative, Smoke.metastatic(.angiosarcoma, lines: 1)),
        ("PALL-PD1", .palliative, Smoke.metastatic(.undifferentiatedPleomorphicSarcoma, lines: 1)),
        ("PALL-CTLA4-TRIAL", .palliative, Smoke.metastatic(.undifferentiatedPleomorphicSarcoma, lines: 0)),
        ("PALL-TRIAL", .palliative, Smoke.metastatic(.undifferentiatedPleomorphicSarcoma, lines: 0)),
        ("PALL-NOT-LOCALIZED", .palliative, Smoke.localized(size: 7, grade: 3)),
    ]

    @Test("Each rule fires for its case, and the table names every rule of the catalogue")
    func everyRuleFires() {
        #expect(Set(Self.rows.map(\.0)) == Set(RuleID.allCases.map(\.rawValue)))
        for (rule, kind, tumorCase) in Self.rows {
            let evaluation = PackFixture.engine.evaluate(kind, for: tumorCase)
            #expect(
                evaluation.ruleIds.contains(rule), "\(rule) did not fire in \(kind.rawValue): \(evaluation.ruleIds)")
        }
    }
}
