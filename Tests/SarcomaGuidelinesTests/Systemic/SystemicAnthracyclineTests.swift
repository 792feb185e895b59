import JSON
import Testing
@testable import SarcomaGuidelines

/// §8.6 anthracycline rules and §0.2 boundaries on both sides, §8.1 inference, §8.5 warning
/// scope, and the validator's §0.1 refusals.
@Suite("Pack 2026.12-1 anthracycline rules, biomarker warning and validator")
struct SystemicAnthracyclineTests {
    /// Line context FA for UPS with the given dose and cardiotoxic history.
    static func fa(_ dose: Double?, cardiotoxic: Bool? = false) -> SystemicCase {
        SystemicCaseBuilder.worked("undifferentiated_pleomorphic_sarcoma") {
            $0.priorAnthracycline = true
            $0.progressedOnAnthracycline = false
            $0.cumulativeDoxorubicinMgM2 = dose
            $0.priorCardiotoxicTherapy = cardiotoxic
        }
    }

    typealias Boundary = (name: String, input: SystemicCase, doxorubicin: String, present: [String], absent: [String])
    static let boundaries: [Boundary] = [
        (
            "549 mg/m², ceiling 550: listed, one cycle from the ceiling", fa(549),
            "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", ["ceiling_within_one_cycle"], []
        ),
        (
            "550 mg/m²: at the ceiling", fa(550), "doxorubicin → anthracycline_cumulative_ceiling", [],
            ["ceiling_within_one_cycle"]
        ),
        (
            "399 mg/m² after cardiotoxic therapy: listed", fa(399, cardiotoxic: true),
            "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", ["ceiling_within_one_cycle"], []
        ),
        (
            "400 mg/m² after cardiotoxic therapy: ceiling 400", fa(400, cardiotoxic: true),
            "doxorubicin → anthracycline_cumulative_ceiling", [], []
        ),
        (
            "475 mg/m²: exactly one cycle left, no headroom warning", fa(475),
            "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", [], ["ceiling_within_one_cycle"]
        ),
        (
            "476 mg/m²: less than one cycle left", fa(476), "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)",
            ["ceiling_within_one_cycle"], []
        ),
        (
            "299 mg/m²: no dexrazoxane warning", fa(299), "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)",
            ["anthracycline_rechallenge"], ["dexrazoxane_consider"]
        ),
        (
            "300 mg/m²: dexrazoxane warning", fa(300), "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)",
            ["dexrazoxane_consider"], []
        ),
        (
            "324 mg/m², cardiotoxic history not given: no warning", fa(324, cardiotoxic: nil),
            "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", [], ["cardiotoxic_history_not_given"]
        ),
        (
            "325 mg/m², cardiotoxic history not given: warning, ceiling 550", fa(325, cardiotoxic: nil),
            "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", ["cardiotoxic_history_not_given"], []
        ),
        (
            "dose not given: ceiling not checked", fa(nil), "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)",
            ["cumulative_anthracycline_not_given"], ["ceiling_within_one_cycle"]
        ),
        (
            "progression on an anthracycline: refractory",
            {
                var c = fa(200)
                c.progressedOnAnthracycline = true
                return c
            }(), "doxorubicin → anthracycline_refractory", [], []
        ),
        (
            "progression on doxorubicin + ifosfamide: refractory and prior progression",
            {
                var c = fa(200)
                c.progressedOnAnthracycline = nil
                c.progressedOnAgents = [.doxorubicinIfosfamide]
                return c
            }(), "doxorubicin → prior_progression [anthracycline_refractory]", [],
            ["progression_on_anthracycline_not_given"]
        ),
        (
            "progression not given: treated as none, warned",
            {
                var c = fa(200)
                c.progressedOnAnthracycline = nil
                return c
            }(), "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)", ["progression_on_anthracycline_not_given"], []
        ),
    ]

    @Test(
        "Ceiling, headroom, dexrazoxane and history boundaries (PALL-ANTHRACYCLINE-CEILING, PALL-ANTHRACYCLINE-REFRACTORY, PALL-PRIOR-PROGRESSION)",
        arguments: boundaries.indices)
    func boundary(_ index: Int) {
        let vector = Self.boundaries[index]
        let answer = SystemicCaseBuilder.evaluate(vector.input)
        #expect(SystemicRowConditionTests.state(.doxorubicin, in: answer) == vector.doxorubicin, "\(vector.name)")
        for code in vector.present { #expect(answer.warning(code) != nil, "\(vector.name): missing \(code)") }
        for code in vector.absent { #expect(answer.warning(code) == nil, "\(vector.name): unexpected \(code)") }
    }

    @Test(
        "Label risk bands of §0.2 (REND-ANTHRACYCLINE-BAND)",
        arguments: [
            (299.0, "below the label's first point"), (300, "1–2 %"), (399, "1–2 %"), (400, "3–5 %"), (449, "3–5 %"),
            (450, "5–8 %"), (499, "5–8 %"), (500, "6–20 %"),
        ])
    func band(dose: Double, text: String) {
        #expect(Pack2026Fixture.systemic.anthracycline.band(dose).hasPrefix(text))
    }

    @Test("A dose with priorAnthracycline omitted infers prior exposure: line context FA, warned")
    func inference() {
        let answer = SystemicCaseBuilder.evaluate(
            SystemicCaseBuilder.worked("undifferentiated_pleomorphic_sarcoma") {
                $0.priorAnthracycline = nil
                $0.cumulativeDoxorubicinMgM2 = 150
            })
        #expect(answer.lineContext == .firstAfterPerioperativeAnthracycline)
        #expect(answer.warning("prior_anthracycline_inferred") != nil)
    }

    @Test("Subsequent line without anthracycline history: set-A rows not candidates, warned")
    func historyNotGiven() {
        let answer = SystemicCaseBuilder.evaluate(
            SystemicCaseBuilder.worked("undifferentiated_pleomorphic_sarcoma") {
                $0.priorSystemicLines = 1
                $0.priorAnthracycline = nil
            })
        #expect(answer.warning("prior_anthracycline_not_given") != nil)
        #expect(answer.option(.doxorubicin) == nil && answer.withheld(.doxorubicin) == nil)
    }

    @Test("Defaults are announced: IV eligibility, anthracycline candidacy, prior lines, ECOG, age")
    func defaults() {
        let answer = SystemicCaseBuilder.evaluate(SystemicCase(pathway: .advanced, histology: "leiomyosarcoma"))
        for code in [
            "iv_therapy_eligible_defaulted", "anthracycline_candidate_defaulted", "prior_systemic_lines_defaulted",
            "ecog_not_given", "age_not_given", "ntrk_status_unknown",
        ] {
            #expect(answer.warning(code) != nil, "missing \(code)")
        }
        #expect(answer.biomarkerStatus.allSatisfy { $0.status == .unknown })
    }

    @Test("Infantile fibrosarcoma: NTRK testing strongly advised; an unknown code is an error, never a guess")
    func ntrkAdvice() throws {
        let answer = SystemicCaseBuilder.evaluate(
            SystemicCaseBuilder.worked("infantile_fibrosarcoma", pathway: .conversion) {
                $0.scope = .pediatricProtocol
                $0.ageYears = 1
                $0.biomarkers.ntrkFusion = nil
            })
        let warning = try #require(answer.warning("ntrk_status_unknown"))
        #expect(warning.message.contains("strongly advised"))
        #expect(throws: SystemicInputError.unknownHistology("uterine_sarcoma")) {
            try Pack2026Fixture.evaluator.evaluate(SystemicCaseBuilder.worked("uterine_sarcoma"))
        }
    }

    @Test(
        "Option and not-recommended JSON carry the contract-v2 members (delta §3.2, §3.3), categoryDisplay per REND-CATEGORY"
    )
    func jsonShape() throws {
        let answer = SystemicCaseBuilder.evaluate(SystemicWorkedCheckTests.c31)
        guard case .object(let option) = try #require(answer.options.first).json else {
            Issue.record("not an object")
            return
        }
        #expect(
            option.members.map(\.key) == [
                "agent", "ruleId", "ruleIds", "nccnCategory", "categoryDefaulted", "categoryBasis",
                "categorySource", "evidenceType", "evidenceYear", "categoryDisplay", "preferred", "rank",
                "rankGroup", "intent", "route", "qualifyingBiomarker", "labelMinAgeYears", "appliesTo",
                "rationale", "source", "evidence",
            ])
        let first = try #require(answer.options.first)
        #expect(first.categorySource == "DECK (source-slides.txt)")
        #expect(first.categoryDisplay == "NCCN category 1; evidence: FDA approval (2015)")
        let withheld = try #require(answer.notRecommended.first)
        guard case .object(let item) = withheld.json else {
            Issue.record("not an object")
            return
        }
        #expect(item["categoryBasis"] == .string("none"))
        #expect(item["categoryDisplay"] == .null)
        #expect(item["evidenceType"] == .null)
    }

    @Test(
        "Validator: a category without a basis or on an unverified source is refused (§0.1)",
        arguments: [
            ("rows[6].categories[0].basis", JSONValue.string("none"), "needs a basis and a source"),
            ("rows[6].categories[0].source", .string("ONC-CRIZ"), "marks unverified"),
            ("rows[6].categories[0].source", .string("NOPE"), "not in the source register"),
            ("rows[6].categories[0].source", .string("MSC-NCCN"), "basis source_deck cites DECK"),
            ("rows[8].categories[0].defaulted", .bool(true), "only 2A can be defaulted"),
            ("rows[0].evidenceType", .null, "no evidenceType"),
            ("rows[0].row", .number(7), "rows are numbered"),
            ("rows[37].biomarker", .string("ntrk_fusion"), "no biomarker_negative withholding"),
            ("withholdings[0].reasonCode", .string("requires_iv"), "not a histology-withholding reason"),
            ("rows[2].histology", .object(JSONObject([("codes", .array([.string("gist")]))])), "not a histology"),
            ("withholdings[0].reasonHistologyUnknown", .null, "exactly when its histology is a class"),
            ("withholdings[1].reasonHistologyUnknown", .string("x"), "exactly when its histology is a class"),
        ] as [(String, JSONValue, String)])
    func refusal(path: String, value: JSONValue, reason: String) {
        let error = Pack2026Fixture.systemicRefusal { $0.engineUpdate(EnginePath.steps(path)) { $0 = value } }
        #expect(error?.file == SystemicTable.fileName)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test("The pack's readings are recorded (rules §14 style)")
    func decisions() {
        #expect(Pack2026Fixture.systemic.decisions.map(\.id) == (1...9).map { "SY\($0)" })
    }
}
