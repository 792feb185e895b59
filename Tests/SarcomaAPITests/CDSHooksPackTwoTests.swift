import CDSHooks
import Foundation
import HTTPServer
import JSON
import SarcomaGuidelines
import Testing
@testable import SarcomaAPI

/// CDS Hooks on pack 2026.12-1 (contract delta §0.7, §8, §9), in process: the cards name the
/// pack, show the pathway, the AJCC group beside the planning group, ranked options with
/// `categoryDisplay`, the caution card (ECOG 3 or worse, ECOG dated / undated), and order-select
/// cards whose indicator follows the reason code.
@Suite("CDS Hooks on pack 2026.12-1")
struct CDSHooksPackTwoTests {
    static let patientView = "/cds-services/sarcoma-patient-view"
    static let orderSelect = "/cds-services/sarcoma-order-select"

    static let pack: CardPack? = {
        guard
            let library = try? GuidelinePackFolder.load(
                ServiceFixture.root.appendingPathComponent("Config/guidelines").path),
            let newest = library.newestContractTwo
        else { return nil }
        return CardPack(engine: ContractTwoEngine(pack: newest, kept: GuidelineEngine(pack: library.v1Pack)))
    }()

    static func cards(_ response: HTTPResponse) -> [[String: Any]] {
        ((try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any])?["cards"] as? [[String: Any]]
            ?? []
    }

    static func summaries(_ cards: [[String: Any]]) -> [String] { cards.compactMap { $0["summary"] as? String } }

    /// The leiomyosarcoma prefetch (cM1, retroperitoneum) with its ECOG Observation replaced.
    static func prefetch(ecog: Int, effective: String?, histology: (String, String)? = nil) -> [String: Any] {
        var prefetch = CDSHooksRequests.leiomyosarcomaPrefetch()
        if let histology {
            prefetch["conditions"] = CDSHooksRequests.bundle([
                CDSHooksRequests.condition(
                    histology: histology.0, morphology: histology.1, bodySite: "Retroperitoneum",
                    bodySiteCode: "82849001")
            ])
        }
        var entries = (prefetch["observations"] as? [String: Any])?["entry"] as? [[String: Any]] ?? []
        var value: [String: Any] = ["valueInteger": ecog]
        if let effective { value["effectiveDateTime"] = effective }
        let observation = CDSHooksRequests.observation(
            loinc: "89247-1", display: "ECOG Performance Status score", value: value)
        entries = entries.map { entry in
            let resource = entry["resource"] as? [String: Any]
            return resource?["id"] as? String == "obs-89247-1" ? ["resource": observation] : entry
        }
        prefetch["observations"] = CDSHooksRequests.bundle(entries.compactMap { $0["resource"] as? [String: Any] })
        return prefetch
    }

    static func day(_ offset: Int) -> String {
        let date = Date().addingTimeInterval(Double(offset) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    @Test func everyCardNamesPackTwoAndThePathwayIsACard() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: CDSHooksRequests.patientView(prefetch: Self.prefetch(ecog: 1, effective: Self.day(-3))))
        #expect(response.status == 200, "\(response.bodyText)")
        let cards = Self.cards(response)
        for card in cards {
            #expect((card["source"] as? [String: Any])?["label"] as? String == "sarcoma-guide STS pack 2026.12-1")
        }
        let summaries = Self.summaries(cards)
        #expect(summaries.contains { $0.hasPrefix("Pathway: advanced (palliative intent)") }, "\(summaries)")
        #expect(summaries.contains { $0.hasPrefix("Sarcoma stage: AJCC IV") }, "\(summaries)")
    }

    /// Delta §8: PD-1 antibodies are not offered to leiomyosarcoma (pembrolizumab only for UPS,
    /// DDLPS, angiosarcoma or a biomarker); best supportive care is the last option.
    @Test func metastaticLeiomyosarcomaGetsNoPembrolizumab() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: CDSHooksRequests.patientView(prefetch: Self.prefetch(ecog: 1, effective: Self.day(-3))))
        let systemic = try #require(
            Self.cards(response).first { ($0["summary"] as? String)?.hasPrefix("Systemic") == true })
        let detail = systemic["detail"] as? String ?? ""
        let optionsPart = detail.components(separatedBy: "**Not recommended**").first ?? detail
        #expect(!optionsPart.contains("**pembrolizumab**"), "\(detail)")
        #expect(detail.contains("**best supportive care**"), "\(detail)")
        #expect(detail.contains("; evidence: "), "categoryDisplay in the detail: \(detail)")
        #expect(detail.contains("(preferred)"), "preferred marked: \(detail)")
    }

    /// Delta §9: the prefetch gives no biomarkers, so the cards carry `biomarker_tests_not_reported`
    /// (rules §8.5). With the line not in the record the systemic card shows the first and the
    /// subsequent line; the tumour-agnostic rows are post-line only (§8.3 rows 20-24), so the
    /// tests that would add options, and the prior anthracycline that set A needs in line S
    /// (§8.6), are read from the subsequent line and named by it on the caution card.
    @Test func theCautionCardNamesWhatOnlyTheSubsequentLineReads() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: CDSHooksRequests.patientView(prefetch: Self.prefetch(ecog: 1, effective: Self.day(-3))))
        let caution = try #require(
            Self.cards(response).first { ($0["summary"] as? String)?.hasPrefix("Missing in the record") == true })
        let detail = caution["detail"] as? String ?? ""
        #expect(detail.contains("Prior lines of systemic therapy not given"), "\(detail)")
        #expect(detail.contains("Subsequent line: Tests not reported"), "\(detail)")
        for test in ["MSI-H (pembrolizumab)", "BRAF V600E (dabrafenib_trametinib)", "RET fusion (selpercatinib)"] {
            #expect(detail.contains(test), "\(test) missing: \(detail)")
        }
        #expect(detail.contains("Subsequent line without priorAnthracycline"), "\(detail)")
    }

    /// (ECOG, days before the call or nil for undated, caution names expected, names not expected).
    static let cautionRows: [(Int, Int?, [String], [String])] = [
        (3, -3, ["ECOG 3 or worse"], ["ECOG older than 30 days", "ECOG without a date"]),
        (1, -31, ["ECOG older than 30 days"], ["ECOG 3 or worse"]),
        (1, -30, [], ["ECOG older than 30 days", "ECOG 3 or worse"]),
        (1, nil, ["ECOG without a date"], ["ECOG older than 30 days"]),
    ]

    @Test("the caution card: ECOG 3 or worse, dated, undated", arguments: cautionRows)
    func cautionCard(ecog: Int, daysAgo: Int?, expected: [String], absent: [String]) throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: CDSHooksRequests.patientView(
                prefetch: Self.prefetch(ecog: ecog, effective: daysAgo.map(Self.day))))
        let cards = Self.cards(response)
        let caution = cards.first { card in
            let summary = card["summary"] as? String ?? ""
            return summary.hasPrefix("Caution") || summary.hasPrefix("Missing in the record")
        }
        let summary = caution?["summary"] as? String ?? ""
        for name in expected { #expect(summary.contains(name), "\(summary)") }
        for name in absent { #expect(!summary.contains(name), "\(summary)") }
        if !expected.isEmpty { #expect(caution?["indicator"] as? String == "warning") }
    }

    /// Delta §9: the AJCC group, and when it differs the planning group with why.
    @Test func aSynovialSarcomaGXShowsTheAJCCGroupAndThePlanningGroup() throws {
        let pack = try #require(Self.pack)
        let sarcomaCase = SarcomaCase(
            tumor: SarcomaCase.Tumor(
                site: .extremity, sizeCm: 12, depth: .deep, histology: .synovialSarcoma, nodes: .n0, metastasis: .m0))
        let cards = PatientViewCards(assessment: try pack.assessment(sarcomaCase), pack: pack)
        let stage = try #require(cards.staging)
        #expect(
            stage.summary.hasPrefix(
                "Sarcoma stage: AJCC IB (T3 N0 M0 GX); planned as IIIB: synovial sarcoma is high grade"),
            "\(stage.summary)")
        #expect(stage.indicator == .info)
        let local = try #require(cards.localTreatment)
        #expect(local.summary.contains("Local treatment (localized resectable): "), "\(local.summary)")
        #expect(local.detail.contains("- 1. **"), "rank order: \(local.detail)")
    }

    /// Delta §8 (oligometastatic, H7): palliative not indicated; the local-treatment card lists
    /// metastasectomy or SBRT and the systemic options the perioperative answer carries.
    @Test func anOligometastaticCaseListsItsSystemicOptionsOnTheLocalTreatmentCard() throws {
        let pack = try #require(Self.pack)
        var sarcomaCase = SarcomaCase(
            tumor: SarcomaCase.Tumor(
                site: .extremity, sizeCm: 8, depth: .deep, histology: .leiomyosarcoma, grade: 3, nodes: .n0,
                metastasis: .m1))
        sarcomaCase.tumor.metastaticSites = [.lung]
        sarcomaCase.setDisease {
            $0.resectable = true
            $0.metastasesResectable = true
            $0.priorSystemicLines = 0
        }
        sarcomaCase.patient = SarcomaCase.Patient(ageYears: 55, ecog: 1)
        let assessment = try pack.assessment(sarcomaCase)
        #expect(assessment["pathway"]?.stringValue == "oligometastatic")
        let cards = PatientViewCards(assessment: assessment, pack: pack)
        #expect(cards.systemic == nil)
        let local = try #require(cards.localTreatment)
        #expect(local.summary.contains("; systemic: "), "\(local.summary)")
        #expect(
            local.detail.contains("metastasectomy") || local.detail.contains("stereotactic body RT"), "\(local.detail)")
        #expect(local.detail.contains("**Systemic options"), "\(local.detail)")
    }

    /// Delta §9: order-select is `critical` for label_contraindication and
    /// anthracycline_cumulative_ceiling (own or other reason), `warning` for every other reason.
    static let indicatorRows: [(String, [String], CDSCard.Indicator)] = [
        ("label_contraindication", [], .critical), ("anthracycline_cumulative_ceiling", [], .critical),
        ("performance_status", ["anthracycline_cumulative_ceiling"], .critical),
        ("performance_status", [], .warning), ("histology_no_activity", [], .warning),
        ("requires_iv", [], .warning), ("anthracycline_refractory", [], .warning), ("prior_progression", [], .warning),
        ("not_anthracycline_candidate", [], .warning), ("below_label_age", [], .warning),
    ]

    @Test("the order-select indicator follows the reason code", arguments: indicatorRows)
    func indicatorByReason(code: String, others: [String], indicator: CDSCard.Indicator) throws {
        let item: JSONValue = [
            "agent": "doxorubicin", "reason": "x", "reasonCode": .string(code),
            "otherReasonCodes": .array(others.map(JSONValue.string)), "ruleId": "PALL-X",
        ]
        let withheld = try #require(RecommendationText(item))
        #expect(OrderSelectCards.indicator(withheld) == indicator)
    }

    /// Doxorubicin ordered beyond the cumulative ceiling (550 mg/m², rules §8.6): critical, naming
    /// the reason and the ranked alternatives. The dose has no FHIR mapping (delta §9), so this
    /// case is the stored-case form, evaluated through the same cards.
    @Test func doxorubicinBeyondTheCeilingIsCritical() throws {
        let pack = try #require(Self.pack)
        var sarcomaCase = SarcomaCase(
            tumor: SarcomaCase.Tumor(
                site: .retroperitoneum, sizeCm: 12, depth: .deep, histology: .leiomyosarcoma, grade: 3, nodes: .n0,
                metastasis: .m1))
        sarcomaCase.setDisease {
            // First line after perioperative anthracycline (line context FA): anthracyclines are candidates.
            $0.priorSystemicLines = 0
            $0.priorAnthracycline = true
            $0.cumulativeDoxorubicinMgM2 = 560
            $0.priorCardiotoxicTherapy = false
            $0.progressedOnAnthracycline = false
        }
        sarcomaCase.patient = SarcomaCase.Patient(ageYears: 60, ecog: 1)
        let scenarios = try PalliativeScenarios(pack: pack, case: sarcomaCase)
        #expect(scenarios.isKnown)
        let card = try #require(
            OrderSelectCards(scenarios: scenarios, priorAgents: PriorSystemicAgents([]), pack: pack)
                .cards(for: [.doxorubicin]).first)
        #expect(card.indicator == .critical, "\(card.summary)")
        #expect(
            card.summary.hasPrefix("Doxorubicin not recommended (anthracycline cumulative ceiling)"), "\(card.summary)")
        #expect(card.summary.contains("Alternatives: 1. "), "\(card.summary)")
        #expect(card.detail.contains("`anthracycline_cumulative_ceiling`") && card.detail.contains("in rank order"))
        #expect(card.sourceLabel == "sarcoma-guide STS pack 2026.12-1")
    }

    /// An ECOG 3 patient's doxorubicin order: withheld for performance status, a warning.
    @Test func doxorubicinForECOG3IsAWarningNamingTheReason() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.orderSelect,
            body: CDSHooksRequests.orderSelect(
                orders: [CDSHooksRequests.medicationRequest(id: "d1", name: "doxorubicin")],
                prefetch: Self.prefetch(ecog: 3, effective: Self.day(-2))))
        #expect(response.status == 200, "\(response.bodyText)")
        let card = try #require(Self.cards(response).first)
        #expect(card["indicator"] as? String == "warning", "\(card)")
        let summary = card["summary"] as? String ?? ""
        #expect(summary.hasPrefix("Doxorubicin"), "\(summary)")
        #expect((card["detail"] as? String)?.contains("performance") == true, "\(card)")
    }

    /// Combination orders are the pack's combination codes (rules §8.3); a component alone
    /// that the rules never list alone is no agent.
    static let orderRows: [([String], [TherapyAgent])] = [
        (["doxorubicin", "ifosfamide"], [.doxorubicinIfosfamide]),
        (["Gemcitabine 1000 MG", "docetaxel"], [.gemcitabineDocetaxel]),
        (["pazopanib", "gemcitabine"], [.pazopanibGemcitabine]),
        (["gemcitabine"], []), (["docetaxel"], []),
        (["nivolumab", "ipilimumab"], [.nivolumabIpilimumab]),
        (["imatinib 400 MG Oral Tablet"], [.imatinib]), (["doxorubicin"], [.doxorubicin]),
    ]

    @Test("orders become the pack's agent codes", arguments: orderRows)
    func ordersToAgents(names: [String], agents: [TherapyAgent]) throws {
        let matcher = MedicationAgentMatcher()
        let matches = names.compactMap { name -> MedicationAgentMatcher.Match? in
            matcher.match(JSONObject([("medicationCodeableConcept", .object(JSONObject([("text", .string(name))])))]))
        }
        #expect(MedicationAgentMatcher.agents(in: matches) == agents)
    }
}
