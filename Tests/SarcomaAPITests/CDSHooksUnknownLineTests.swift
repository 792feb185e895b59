import Foundation
import HTTPServer
import SarcomaGuidelines
import Testing
@testable import SarcomaAPI

/// Order-select and patient-view cards when the record lacks the line of therapy or the
/// resectability: no verdict resting on the engine's defaults (first line, resectable).
@Suite("CDS Hooks cards without the line or the resectability")
struct CDSHooksUnknownLineTests {
    static let orderSelect = "/cds-services/sarcoma-order-select"
    static let patientView = "/cds-services/sarcoma-patient-view"

    func cards(_ response: HTTPResponse) -> [[String: Any]] {
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        return object["cards"] as? [[String: Any]] ?? []
    }

    func order(_ name: String, prefetch: [String: Any], fixture: ServiceFixture) throws -> [String: Any] {
        let response = fixture.handle("POST", Self.orderSelect, body: CDSHooksRequests.orderSelect(
            orders: [CDSHooksRequests.medicationRequest(id: "draft1", name: name)], prefetch: prefetch))
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(cards(response).count == 1)
        return try #require(cards(response).first)
    }

    /// The reviewer's case: M1 leiomyosarcoma, doxorubicin given, trabectedin drafted. It was
    /// "not among the first-line options" (first line assumed); PALL-TRABECTEDIN makes it a
    /// category 1 subsequent-line option for leiomyosarcoma.
    @Test func trabectedinAfterDoxorubicinIsNotCalledWrongForAnAssumedFirstLine() throws {
        let fixture = try ServiceFixture()
        let card = try order("Trabectedin 1 MG Injection", prefetch: CDSHooksRequests.leiomyosarcomaPrefetch(
            given: [("Doxorubicin 2 MG/ML Injectable Solution", "completed")]), fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        let detail = card["detail"] as? String ?? ""
        #expect(card["indicator"] as? String == "warning")
        #expect(!summary.contains("not among the first-line options"), "\(summary)")
        #expect(summary.hasPrefix("Trabectedin: line not in the record (doxorubicin given before)"), "\(summary)")
        #expect(summary.hasSuffix("First line: not an option; later lines: option (cat 1)"), "\(summary)")
        #expect(detail.contains("**Subsequent line** (after at least one prior line): Trabectedin is an option, NCCN category 1 (`PALL-TRABECTEDIN`)"),
                "\(detail)")
        #expect(detail.contains("**First line** (no prior systemic therapy): Trabectedin is not among the options."), "\(detail)")
        #expect(detail.contains("The record shows **doxorubicin** given before") && detail.contains("no line is inferred"))
        // Both lines' options with their rules; the line is not listed as an assumption.
        #expect(detail.contains("`PALL-DOXORUBICIN") || detail.contains("**doxorubicin**: `PALL-"), "\(detail)")
        #expect(!detail.contains("none assumed (first line)"), "\(detail)")
    }

    /// Only completed, stopped or active therapy counts as given; the draft itself does not.
    @Test func onlyGivenTherapyIsNamedAsGivenBefore() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.leiomyosarcomaPrefetch(given: [("doxorubicin", "intended"), ("Yondelis", "not-taken")])
        prefetch["medicationRequests"] = CDSHooksRequests.bundle([CDSHooksRequests.medicationRequest(id: "draft1", name: "trabectedin", status: "active")])
        let card = try order("trabectedin", prefetch: prefetch, fixture: fixture)
        #expect(!(card["summary"] as? String ?? "").contains("given before"), "\(card)")
        #expect(!(card["detail"] as? String ?? "").contains("given before"), "\(card)")
        let stopped = try order("trabectedin", prefetch: CDSHooksRequests.leiomyosarcomaPrefetch(given: [("Adriamycin", "stopped")]), fixture: fixture)
        #expect((stopped["summary"] as? String ?? "").contains("doxorubicin given before"), "\(stopped)")
    }

    /// Doxorubicin is no longer "a first-line option" stated as fact: it is, for the first
    /// line (PALL-ANTHRACYCLINE-FIRST carries no NCCN category).
    @Test func aFirstLineOptionIsShownForTheFirstLineOnly() throws {
        let fixture = try ServiceFixture()
        let card = try order("DOXOrubicin HCl 2 MG/ML Injectable Solution", prefetch: CDSHooksRequests.liposarcomaPrefetch(), fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        #expect(card["indicator"] as? String == "warning")
        #expect(summary == "Doxorubicin: line not in the record. First line: option; later lines: not an option", "\(summary)")
    }

    /// D04 does not depend on the line: pazopanib in liposarcoma is still "not recommended".
    @Test func aHistologyWithholdingIsStillStatedAsFact() throws {
        let fixture = try ServiceFixture()
        let card = try order("pazopanib", prefetch: CDSHooksRequests.liposarcomaPrefetch(), fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        #expect(summary.hasPrefix("Not recommended:") && summary.contains("liposarcoma"), "\(summary)")
        #expect((card["detail"] as? String ?? "").contains("whatever the line"))
    }

    /// M0 with resectability unknown was "palliative therapy not indicated" for every order.
    @Test func unknownResectabilityShowsBothCases() throws {
        let fixture = try ServiceFixture()
        let card = try order("doxorubicin", prefetch: CDSHooksRequests.localizedLiposarcomaPrefetch(), fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        let detail = card["detail"] as? String ?? ""
        #expect(card["indicator"] as? String == "warning")
        #expect(summary == "Doxorubicin: resectability, line not in the record. If resectable: not indicated; else first line: option, "
                + "later lines: not an option", "\(summary)")
        #expect(detail.hasPrefix("**The resectability and line of therapy are not in the record**"), "\(detail)")
        #expect(detail.contains("**If resectable** (M0): palliative systemic therapy is not indicated (`PALL-"), "\(detail)")
        #expect(detail.contains("**If not resectable, first line**"), "\(detail)")
        #expect(!detail.contains("assumed resectable"), "\(detail)")
    }

    /// The known-line path still confirms an option as fact (a case with the line recorded).
    @Test func aRecordedLineGivesAVerdict() throws {
        let engine = try ServiceFixture().service.engine
        var sarcomaCase = SarcomaCase(tumor: SarcomaCase.Tumor(site: .retroperitoneum, sizeCm: 12, depth: .deep,
                                                                 histology: .leiomyosarcoma, grade: 3, nodes: .n0, metastasis: .m1))
        sarcomaCase.setDisease { $0.priorSystemicLines = 1 }
        let scenarios = PalliativeScenarios(engine: engine, case: sarcomaCase)
        #expect(scenarios.isKnown)
        let cards = OrderSelectCards(scenarios: scenarios, priorAgents: PriorSystemicAgents([]), sourceLabel: "x").cards(for: [.trabectedin])
        #expect(cards.first?.indicator == .info)
        #expect(cards.first?.summary.hasPrefix("Trabectedin is a subsequent-line option for this patient, NCCN category 1") == true,
                "\(cards.first?.summary ?? "")")
    }

    /// Patient-view's options card says the line is not in the record and shows both.
    @Test func patientViewShowsBothLinesWhenTheLineIsUnknown() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle("POST", Self.patientView,
                                      body: CDSHooksRequests.patientView(prefetch: CDSHooksRequests.leiomyosarcomaPrefetch()))
        let all = cards(response)
        let options = try #require(all.first { ($0["summary"] as? String)?.hasPrefix("Palliative") == true }, "\(all)")
        #expect(options["indicator"] as? String == "warning")
        #expect((options["summary"] as? String)?.hasPrefix("Palliative, line not in the record: first line doxorubicin") == true, "\(options)")
        let detail = options["detail"] as? String ?? ""
        #expect(detail.contains("**First line** (no prior systemic therapy)") && detail.contains("**Subsequent line**"), "\(detail)")
        #expect(detail.contains("`PALL-TRABECTEDIN`"), "\(detail)")
        let missing = try #require(all.first { ($0["summary"] as? String)?.hasPrefix("Missing in the record") == true })
        #expect((missing["summary"] as? String)?.contains("prior systemic lines (both lines shown)") == true, "\(missing)")
        #expect(!(missing["detail"] as? String ?? "").contains("none assumed"), "\(missing)")
    }
}
