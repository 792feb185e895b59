import Testing
@testable import SarcomaGuidelines

/// The three category cases at the top of `docs/clinical/clinical-rules-2026.11-1.md`, checked on every therapy option
/// over a sweep of cases: the stated category (1, 2A, 2B); 2A defaulted where the source
/// lists the option in NCCN without a category; null where it is not an NCCN listing.
/// "Never invent a category beyond these three cases."
@Suite("NCCN categories")
struct CategoryRuleTests {
    /// (category, defaulted) that the rules give each option, by its rule id and name.
    static func expectedCategory(rule: String, name: String, histology: Histology) -> (String?, Bool)? {
        switch (rule, name) {
        case ("PERIOP-SURGERY", "surgery"): return (nil, false)
        case ("PERIOP-POSTOP-CHEMO", "postoperative_chemotherapy"): return ("2B", false)
        case ("PERIOP-STAGE3-POSTOP-RT", "postoperative_rt"): return ("1", false)
        case ("PERIOP-STAGE3-PREOP", "preoperative_rt"): return ("1", false)
        case ("PERIOP-STAGE3-PREOP", "preoperative_chemotherapy"): return ("2B", false)
        case ("PERIOP-STAGE3-PREOP", "preoperative_chemoradiation"): return ("2B", false)
        case ("PALL-ANTHRACYCLINE-FIRST", "doxorubicin"): return (nil, false)
        case ("PALL-NTRK", "larotrectinib"), ("PALL-NTRK", "entrectinib"): return ("2A", true)
        case ("PALL-PAZOPANIB-FIRST", "pazopanib"), ("PALL-PAZOPANIB-SUBSEQUENT", "pazopanib"): return ("2A", true)
        case ("PALL-PAZOPANIB-GEM", "pazopanib_gemcitabine"): return ("2B", false)
        case ("PALL-TRABECTEDIN", "trabectedin"): return (histology.isLType ? "1" : "2A", false)
        case ("PALL-ERIBULIN", "eribulin"): return (histology.isLiposarcoma ? "1" : "2A", false)
        case ("PALL-REGORAFENIB", "regorafenib"): return ("2A", true)
        case ("PALL-PD1", "pembrolizumab"), ("PALL-PD1", "nivolumab"): return (nil, false)
        case ("PALL-TRIAL", "clinical_trial"): return (nil, false)
        // Recommendations that are not options (`recommendations[]`):
        // PERIOP-LARGE-HIGHGRADE quotes an NCCN slide that states no category -> 2A defaulted.
        case ("PERIOP-LARGE-HIGHGRADE", recommendationName): return ("2A", true)
        case ("PALL-NOT-LOCALIZED", recommendationName): return (nil, false)
        default: return nil
        }
    }

    /// The name given to `recommendations[]` entries, which are not options.
    static let recommendationName = "(recommendation)"

    static func check(
        _ answer: RuleAnswer, key: String, histology: Histology,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let entries =
            answer["options"].items.map { ($0, $0[key].string ?? "<none>") }
            + answer["recommendations"].items.map { ($0, recommendationName) }
        for (option, name) in entries {
            let rule = option["ruleId"].string ?? "<none>"
            guard let expected = expectedCategory(rule: rule, name: name, histology: histology) else {
                Issue.record(
                    "\(name) comes from \(rule), which the rules do not give that option",
                    sourceLocation: sourceLocation)
                continue
            }
            #expect(
                option["nccnCategory"].string == expected.0 && (expected.0 != nil || option["nccnCategory"].isNull),
                "\(name) (\(rule)) category \(option["nccnCategory"]) != \(expected.0 ?? "null") for \(histology.rawValue)",
                sourceLocation: sourceLocation)
            #expect(
                option["categoryDefaulted"].bool == expected.1,
                "\(name) (\(rule)) categoryDefaulted \(option["categoryDefaulted"]) != \(expected.1)",
                sourceLocation: sourceLocation)
        }
    }

    @Test(
        "Categories: palliative options for every histology, line, eligibility and NTRK status",
        arguments: Histology.allCases, [0, 1])
    func palliativeSweep(histology: Histology, priorLines: Int) {
        for eligible in [true, false] {
            for ntrk in [false, true] {
                let answer = RuleAnswer(
                    .palliative,
                    for: .ruleCase(
                        size: 11, histology: histology, grade: 3, metastasis: .m1, ntrk: ntrk, priorLines: priorLines,
                        priorAnthracycline: priorLines > 0, ivEligible: eligible, anthracyclineCandidate: eligible))
                Self.check(answer, key: "agent", histology: histology)
                #expect(!answer["options"].items.isEmpty, "advanced disease without any option")
            }
        }
    }

    @Test(
        "Categories: perioperative options for every stage on extremity and trunk",
        arguments: [Site.extremity, .trunk], [3.0, 7.0, 12.0, 20.0])
    func perioperativeSweep(site: Site, size: Double) {
        for grade in [1, 2, 3, nil] as [Int?] {
            let answer = RuleAnswer(.perioperative, for: .ruleCase(site, size: size, grade: grade))
            #expect(answer.values("options", "modality").contains("surgery"), "\(answer["options"])")
            Self.check(answer, key: "modality", histology: .undifferentiatedPleomorphicSarcoma)
        }
    }
}
