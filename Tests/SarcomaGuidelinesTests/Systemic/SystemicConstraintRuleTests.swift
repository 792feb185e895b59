import Testing
@testable import SarcomaGuidelines

/// The patient-constraint and ordering rules of clinical-rules-v2 §8.2 steps 4-5, §8.5 and
/// §8.8, each by its rule id, with expectations written from the rule text: PALL-IV-ALL-LINES,
/// PALL-LABEL-AGE, PALL-BIOMARKER-UNKNOWN and PALL-ORDER. (The per-row vectors of
/// SystemicRowConditionTests cover single agents; these check the rule across a whole answer.)
@Suite(
    "Pack 2026.12-1 patient constraints and order (PALL-IV-ALL-LINES, PALL-LABEL-AGE, PALL-BIOMARKER-UNKNOWN, PALL-ORDER)"
)
struct SystemicConstraintRuleTests {
    static let ups = "undifferentiated_pleomorphic_sarcoma"

    /// Line F, line context FA and line S for one histology, IV-ineligible.
    static func lines(_ histology: String, ivEligible: Bool?) -> [(String, SystemicCase)] {
        [
            (
                "F",
                SystemicCaseBuilder.worked(histology) { $0.ivTherapyEligible = ivEligible }
            ),
            (
                "FA",
                SystemicCaseBuilder.worked(histology) {
                    $0.ivTherapyEligible = ivEligible
                    $0.priorAnthracycline = true
                    $0.progressedOnAnthracycline = false
                    $0.cumulativeDoxorubicinMgM2 = 300
                    $0.priorCardiotoxicTherapy = false
                }
            ),
            (
                "S",
                SystemicCaseBuilder.worked(histology) {
                    $0.ivTherapyEligible = ivEligible
                    $0.priorSystemicLines = 1
                    $0.priorAnthracycline = true
                    $0.progressedOnAnthracycline = false
                    $0.cumulativeDoxorubicinMgM2 = 300
                    $0.priorCardiotoxicTherapy = false
                }
            ),
        ]
    }

    @Test(
        "PALL-IV-ALL-LINES: IV-ineligible, no intravenous option is listed in any line, each is withheld requires_iv",
        arguments: [ups, "leiomyosarcoma", "synovial_sarcoma", "angiosarcoma"])
    func ivIneligibleEveryLine(histology: String) {
        for (line, input) in Self.lines(histology, ivEligible: false) {
            let answer = SystemicCaseBuilder.evaluate(input)
            // §8.2 step 5: every row whose route is intravenous → requires_iv, in every line.
            for option in answer.options {
                #expect(option.route != .intravenous, "\(histology) line \(line): \(option.agent.rawValue) listed")
            }
            // The same case IV-eligible: every IV agent it lists is now withheld with requires_iv
            // (step 5 comes before histology withholding, so nothing earlier claims it).
            let eligible = SystemicCaseBuilder.evaluate(
                {
                    var copy = input
                    copy.ivTherapyEligible = true
                    return copy
                }())
            let ivListed = eligible.options.filter { $0.route == .intravenous }.map(\.agent)
            #expect(!ivListed.isEmpty, "\(histology) line \(line): the IV-eligible answer lists no IV agent")
            for agent in ivListed {
                let withheld = answer.withheld(agent)
                #expect(
                    withheld?.reasonCode.rawValue == "requires_iv",
                    "\(histology) line \(line): \(agent.rawValue) is \(SystemicRowConditionTests.state(agent, in: answer))"
                )
            }
            // Oral options stay: IV-ineligibility withholds the route, not the patient's other choices.
            for option in eligible.options where option.route == .oral {
                #expect(
                    answer.option(option.agent) != nil,
                    "\(histology) line \(line): oral \(option.agent.rawValue) lost")
            }
        }
    }

    typealias AgeVector = (
        name: String, input: SystemicCase, agent: TherapyAgent, listed: Bool, preferred: Bool,
        offLabelWarning: Bool
    )
    static let dfsp = "dermatofibrosarcoma_protuberans"
    static let ageVectors: [AgeVector] = [
        // Imatinib, label 18 (2006-10, adults), scope dfsp.
        (
            "imatinib at 17: listed, not preferred, off_label_age",
            SystemicCaseBuilder.worked(dfsp) {
                $0.scope = .dfsp
                $0.ageYears = 17
            }, .imatinib, true, false, true
        ),
        (
            "imatinib at 18: the label age, preferred",
            SystemicCaseBuilder.worked(dfsp) {
                $0.scope = .dfsp
                $0.ageYears = 18
            }, .imatinib, true, true, false
        ),
        (
            "imatinib, age omitted: not checked, preferred",
            SystemicCaseBuilder.worked(dfsp) {
                $0.scope = .dfsp
                $0.ageYears = nil
            }, .imatinib, true, true, false
        ),
        // Tazemetostat, label 16, scope adult_sts (an adolescent is managed as an adult).
        (
            "tazemetostat at 16: preferred",
            SystemicCaseBuilder.worked("epithelioid_sarcoma") { $0.ageYears = 16 }, .tazemetostat, true, true, false
        ),
        (
            "tazemetostat at 15: listed, not preferred, off_label_age",
            SystemicCaseBuilder.worked("epithelioid_sarcoma") { $0.ageYears = 15 }, .tazemetostat, true, false, true
        ),
        // Afamitresgene autoleucel, label 18, cell therapy: withheld below it (not just non-preferred).
        (
            "afamitresgene autoleucel at 17: withheld below_label_age",
            SystemicCaseBuilder.worked("synovial_sarcoma") {
                $0.ageYears = 17
                $0.priorSystemicLines = 1
                $0.priorAnthracycline = true
                $0.progressedOnAnthracycline = false
                $0.cumulativeDoxorubicinMgM2 = 300
                $0.priorCardiotoxicTherapy = false
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false, mageA4Positive: true)
            }, .afamitresgeneAutoleucel, false, false, false
        ),
    ]

    @Test(
        "PALL-LABEL-AGE: below the label age a row is listed not preferred and warned; cell therapy withheld",
        arguments: ageVectors.indices)
    func labelAge(_ index: Int) {
        let vector = Self.ageVectors[index]
        let answer = SystemicCaseBuilder.evaluate(vector.input)
        let option = answer.option(vector.agent)
        #expect((option != nil) == vector.listed, "\(vector.name)")
        if vector.listed {
            #expect(option?.preferred == vector.preferred, "\(vector.name)")
        } else {
            #expect(answer.withheld(vector.agent)?.reasonCode.rawValue == "below_label_age", "\(vector.name)")
        }
        let warning = answer.warning("off_label_age")
        #expect((warning != nil) == vector.offLabelWarning, "\(vector.name)")
        if let warning {
            // The warning names the agent and its label age.
            #expect(warning.message.contains(vector.agent.rawValue), "\(vector.name): \(warning.message)")
            let labelAge = option.flatMap(\.labelMinAgeYears).map(String.init) ?? "?"
            #expect(warning.message.contains(labelAge), "\(vector.name): \(warning.message)")
        }
        if vector.input.ageYears == nil {
            #expect(answer.warning("age_not_given") != nil, "\(vector.name): age_not_given")
        }
    }

    @Test("PALL-LABEL-AGE: entrectinib at age 0 stays listed with label_age_check (label: older than 1 month)")
    func entrectinibNewborn() {
        let answer = SystemicCaseBuilder.evaluate(
            SystemicCaseBuilder.worked("infantile_fibrosarcoma") {
                $0.scope = .pediatricProtocol
                $0.ageYears = 0
                $0.biomarkers.ntrkFusion = true
            })
        #expect(answer.option(.entrectinib) != nil)
        #expect(answer.warning("label_age_check") != nil)
        let older = SystemicCaseBuilder.evaluate(
            SystemicCaseBuilder.worked("infantile_fibrosarcoma") {
                $0.scope = .pediatricProtocol
                $0.ageYears = 1
                $0.biomarkers.ntrkFusion = true
            })
        #expect(older.option(.entrectinib) != nil)
        #expect(older.warning("label_age_check") == nil)
    }

    /// Leiomyosarcoma, line S, every biomarker unknown except NTRK (negative).
    static func lmsSubsequent(ivEligible: Bool) -> SystemicCase {
        SystemicCaseBuilder.worked("leiomyosarcoma") {
            $0.ivTherapyEligible = ivEligible
            $0.priorSystemicLines = 1
            $0.priorAnthracycline = true
            $0.progressedOnAnthracycline = false
            $0.cumulativeDoxorubicinMgM2 = 300
            $0.priorCardiotoxicTherapy = false
            $0.biomarkers = BiomarkerPanel(ntrkFusion: false)
        }
    }

    @Test("PALL-BIOMARKER-UNKNOWN: one warning naming only the unknown tests that would add an option in this case")
    func unknownBiomarkersNamedOnlyWhenTheyWouldAdd() throws {
        // IV-eligible LMS in line S: MSI-H/dMMR/TMB-high would list pembrolizumab (rows 20, 22
        // override PALL-PD1's LMS withholding, §8.2 last paragraph), dMMR dostarlimab (row 21),
        // BRAF V600E dabrafenib + trametinib (row 23), RET selpercatinib (row 24).
        let eligible = SystemicCaseBuilder.evaluate(Self.lmsSubsequent(ivEligible: true))
        let warnings = eligible.warnings.filter { $0.code == "biomarker_tests_not_reported" }
        #expect(warnings.count == 1)
        let message = try #require(warnings.first).message
        for agent in ["pembrolizumab", "dostarlimab", "dabrafenib_trametinib", "selpercatinib"] {
            #expect(message.contains(agent), "missing \(agent) in: \(message)")
        }
        // Histology-specific markers are named only for their histology (not for LMS).
        for agent in ["afamitresgene_autoleucel", "tazemetostat", "crizotinib"] {
            #expect(!message.contains(agent), "\(agent) named for LMS: \(message)")
        }
        // Unknown is never positive: none of the biomarker-gated agents is listed.
        for agent in [TherapyAgent.dostarlimab, .dabrafenibTrametinib, .selpercatinib] {
            #expect(eligible.option(agent) == nil)
        }

        // IV-ineligible: a positive MSI/dMMR/TMB would still not list the IV checkpoint
        // inhibitors (requires_iv, step 5), so only the oral BRAF and RET agents are named.
        let ineligible = SystemicCaseBuilder.evaluate(Self.lmsSubsequent(ivEligible: false))
        let oralOnly = try #require(ineligible.warning("biomarker_tests_not_reported")).message
        #expect(oralOnly.contains("dabrafenib_trametinib") && oralOnly.contains("selpercatinib"), "\(oralOnly)")
        #expect(!oralOnly.contains("pembrolizumab") && !oralOnly.contains("dostarlimab"), "\(oralOnly)")

        // Line F: the tumour-agnostic rows are S/FA only, so no unknown test would add an option.
        let first = SystemicCaseBuilder.evaluate(
            SystemicCaseBuilder.worked("leiomyosarcoma") { $0.biomarkers = BiomarkerPanel(ntrkFusion: false) })
        #expect(first.warning("biomarker_tests_not_reported") == nil)
    }

    static let orderCases: [(String, SystemicCase)] = [
        ("UPS line F", SystemicCaseBuilder.worked(ups)),
        ("leiomyosarcoma line F", SystemicCaseBuilder.worked("leiomyosarcoma")),
        ("synovial sarcoma line F", SystemicCaseBuilder.worked("synovial_sarcoma")),
        ("angiosarcoma line S", lines("angiosarcoma", ivEligible: true)[2].1),
        ("liposarcoma (dedifferentiated) FA", lines("dedifferentiated_liposarcoma", ivEligible: true)[1].1),
        (
            "adolescent epithelioid sarcoma at 15",
            SystemicCaseBuilder.worked("epithelioid_sarcoma") { $0.ageYears = 15 }
        ),
        ("IV-ineligible UPS line S", lines(ups, ivEligible: false)[2].1),
    ]

    @Test(
        "PALL-ORDER: each agent once, ranks 1...n, preferred before non-preferred, fixed options last",
        arguments: orderCases.indices)
    func order(_ index: Int) {
        let (name, input) = Self.orderCases[index]
        let answer = SystemicCaseBuilder.evaluate(input)
        let agents = answer.options.map(\.agent)
        #expect(Set(agents).count == agents.count, "\(name): an agent listed twice: \(agents)")
        let withheld = answer.notRecommended.map(\.agent)
        #expect(Set(withheld).count == withheld.count, "\(name): an agent withheld twice")
        #expect(answer.options.map(\.rank) == Array(1...max(1, answer.options.count)), "\(name): ranks")
        // §8.8 rank keys 3-7 on pathway advanced, adult scope: preferred disease-directed
        // options, then non-preferred ones, then the adolescent referral, clinical_trial, BSC.
        let fixed: [TherapyAgent] = [.pediatricProtocolReferral, .clinicalTrial, .bestSupportiveCare]
        let directed = answer.options.filter { !fixed.contains($0.agent) }
        let firstNonPreferred = directed.firstIndex { !$0.preferred } ?? directed.count
        #expect(directed[firstNonPreferred...].allSatisfy { !$0.preferred }, "\(name): preferred after non-preferred")
        let tail = answer.options.suffix(answer.options.count - directed.count).map(\.agent)
        #expect(tail == fixed.filter(agents.contains), "\(name): tail \(tail)")
        #expect(answer.options.last?.agent == .bestSupportiveCare, "\(name): BSC last on pathway advanced")
        // BSC preferred only when nothing disease-directed besides clinical_trial is listed (§8.7).
        #expect(answer.option(.bestSupportiveCare)?.preferred == directed.isEmpty, "\(name): BSC preferred flag")
        // Within the preferred block: rankGroup B before H before G (§8.8 key 3).
        let groups = directed.prefix(firstNonPreferred).map { $0.rankGroup?.rawValue ?? "?" }
        let order = ["biomarker", "histology", "general"]
        let keys = groups.map { order.firstIndex(of: $0) ?? 9 }
        #expect(keys == keys.sorted(), "\(name): preferred groups \(groups)")
    }

    @Test("PALL-ORDER: the notRecommended list follows the §8.3 table order")
    func notRecommendedInTableOrder() {
        let answer = SystemicCaseBuilder.evaluate(Self.lines(Self.ups, ivEligible: false)[2].1)
        let rows = Pack2026Fixture.systemic.rows
        let position = { (agent: TherapyAgent) in rows.firstIndex { $0.agent == agent } ?? Int.max }
        let positions = answer.notRecommended.map { position($0.agent) }
        #expect(!positions.isEmpty)
        #expect(positions == positions.sorted(), "\(answer.notRecommended.map { $0.agent.rawValue })")
    }
}
