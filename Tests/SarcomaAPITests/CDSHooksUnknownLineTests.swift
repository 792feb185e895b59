import CDSHooks
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
        let response = fixture.handle(
            "POST", Self.orderSelect,
            body: CDSHooksRequests.orderSelect(
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
        let card = try order(
            "Trabectedin 1 MG Injection",
            prefetch: CDSHooksRequests.leiomyosarcomaPrefetch(
                given: [("Doxorubicin 2 MG/ML Injectable Solution", "completed")]), fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        let detail = card["detail"] as? String ?? ""
        #expect(card["indicator"] as? String == "warning")
        #expect(!summary.contains("not among the first-line options"), "\(summary)")
        // Pack 2026.12-1 (delta §9): the standing names the rank (and preferred) instead of "cat 1",
        // the detail the option's categoryDisplay.
        #expect(
            summary
                == "Trabectedin: first line: not an option; later lines: option (rank 1, preferred). Not in the record: line; prior therapy recorded",
            "\(summary)")
        #expect(
            detail.contains(
                "**Subsequent line** (after at least one prior line): Trabectedin is an option, rank 1 (preferred), NCCN category 1"
            ),
            "\(detail)")
        #expect(detail.contains("`PALL-TRABECTEDIN`"), "\(detail)")
        #expect(
            detail.contains("**First line** (no prior systemic therapy): Trabectedin is not among the options."),
            "\(detail)")
        #expect(
            detail.contains("The record shows **doxorubicin** given before") && detail.contains("no line is inferred"))
        // Both lines' options with their rules; the line is not listed as an assumption.
        #expect(detail.contains("**doxorubicin** (preferred), `PALL-ANTHRACYCLINE-FIRST`"), "\(detail)")
        #expect(!detail.contains("none assumed (first line)"), "\(detail)")
    }

    /// Only completed, stopped or active therapy counts as given; the draft itself does not.
    @Test func onlyGivenTherapyIsNamedAsGivenBefore() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.leiomyosarcomaPrefetch(given: [
            ("doxorubicin", "intended"), ("Yondelis", "not-taken"),
        ])
        prefetch["medicationRequests"] = CDSHooksRequests.bundle([
            CDSHooksRequests.medicationRequest(id: "draft1", name: "trabectedin", status: "active")
        ])
        let card = try order("trabectedin", prefetch: prefetch, fixture: fixture)
        #expect(!(card["summary"] as? String ?? "").contains("prior therapy recorded"), "\(card)")
        #expect(!(card["detail"] as? String ?? "").contains("given before"), "\(card)")
        let stopped = try order(
            "trabectedin", prefetch: CDSHooksRequests.leiomyosarcomaPrefetch(given: [("Adriamycin", "stopped")]),
            fixture: fixture)
        #expect((stopped["summary"] as? String ?? "").hasSuffix("; prior therapy recorded"), "\(stopped)")
        #expect(
            (stopped["detail"] as? String ?? "").contains("The record shows **doxorubicin** given before"), "\(stopped)"
        )
    }

    /// Doxorubicin is no longer "a first-line option" stated as fact: it is, for the first
    /// line (PALL-ANTHRACYCLINE-FIRST carries no NCCN category).
    @Test func aFirstLineOptionIsShownForTheFirstLineOnly() throws {
        let fixture = try ServiceFixture()
        let card = try order(
            "DOXOrubicin HCl 2 MG/ML Injectable Solution", prefetch: CDSHooksRequests.liposarcomaPrefetch(),
            fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        #expect(card["indicator"] as? String == "warning")
        // Pack 2026.12-1 (delta §9): the option's rank and preferred flag.
        #expect(
            summary
                == "Doxorubicin: first line: option (rank 1, preferred); later lines: not an option. Not in the record: line",
            "\(summary)")
    }

    /// D04 does not depend on the line: pazopanib in liposarcoma is still "not recommended".
    @Test func aHistologyWithholdingIsStillStatedAsFact() throws {
        let fixture = try ServiceFixture()
        let card = try order("pazopanib", prefetch: CDSHooksRequests.liposarcomaPrefetch(), fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        // Pack 2026.12-1 (delta §9): the card names the reason code.
        #expect(summary.hasPrefix("Pazopanib not recommended (liposarcoma no activity)"), "\(summary)")
        #expect((card["detail"] as? String ?? "").contains("whatever the line"))
    }

    /// M0 with resectability unknown was "palliative therapy not indicated" for every order.
    /// Pack 2026.12-1 (delta §8, "M0 resectable: false"): unresectable M0 is the conversion
    /// pathway, palliative not indicated, its systemic options in the perioperative answer; so
    /// the two cases are "not indicated" and the agent's standing among the conversion options.
    @Test func unknownResectabilityShowsBothCases() throws {
        let fixture = try ServiceFixture()
        let card = try order("doxorubicin", prefetch: CDSHooksRequests.localizedLiposarcomaPrefetch(), fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        let detail = card["detail"] as? String ?? ""
        #expect(card["indicator"] as? String == "warning")
        #expect(
            summary.hasPrefix("Doxorubicin: if resectable, not indicated; else conversion: ")
                && summary.contains("Not in the record: resectability"), "\(summary)")
        #expect(detail.hasPrefix("**The resectability is not in the record**"), "\(detail)")
        #expect(detail.contains("**If resectable** (M0): palliative systemic therapy is not indicated"), "\(detail)")
        #expect(detail.contains("**If not resectable, conversion pathway**"), "\(detail)")
        #expect(!detail.contains("assumed resectable"), "\(detail)")
    }

    /// Three prior agents and unknown resectability: the list went in the summary before the
    /// verdicts and the 139-character cut took the subsequent-line verdict away. The verdicts
    /// now come first; the agents are named in the detail.
    @Test func priorAgentsNeverPushTheVerdictsOutOfTheSummary() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.localizedLiposarcomaPrefetch()
        let given = CDSHooksRequests.leiomyosarcomaPrefetch(given: [
            ("Doxorubicin 2 MG/ML Injectable Solution", "completed"),
            ("Trabectedin 1 MG Injection", "completed"),
            ("Gemcitabine 200 MG Injection", "stopped"),
        ])
        prefetch["medicationStatements"] = given["medicationStatements"]
        let card = try order("eribulin", prefetch: prefetch, fixture: fixture)
        let summary = card["summary"] as? String ?? ""
        let detail = card["detail"] as? String ?? ""
        #expect(summary.count < 140, "\(summary)")
        #expect(summary.hasPrefix("Eribulin: if resectable, not indicated; else conversion: "), "\(summary)")
        #expect(!summary.contains("doxorubicin"), "\(summary)")
        #expect(
            detail.contains("The record shows **doxorubicin, gemcitabine and trabectedin** given before"), "\(detail)")
    }

    /// Patient-view's either-line card: each line's options within its share of the summary,
    /// so the subsequent line is never cut off by a long first-line list.
    @Test func theListedSummaryKeepsEachLineWithinItsShare() {
        let names = (1...9).map { "agent number \($0) (cat 2A)" }
        let listed = PatientViewCards.listed(names, after: "first line: ", within: 55)
        #expect(listed.count <= 55, "\(listed)")
        #expect(listed.hasPrefix("first line: agent number 1 (cat 2A)") && listed.hasSuffix(" more"), "\(listed)")
        #expect(PatientViewCards.listed(["a", "b"], after: "x: ", within: 55) == "x: a, b")
        #expect(PatientViewCards.listed([], after: "x: ", within: 55) == "x: none")
    }

    /// The known-line path still confirms an option as fact (a case with the line recorded).
    @Test func aRecordedLineGivesAVerdict() throws {
        let pack = try #require(CDSHooksPackTwoTests.pack)
        var sarcomaCase = SarcomaCase(
            tumor: SarcomaCase.Tumor(
                site: .retroperitoneum, sizeCm: 12, depth: .deep,
                histology: .leiomyosarcoma, grade: 3, nodes: .n0, metastasis: .m1))
        sarcomaCase.setDisease { $0.priorSystemicLines = 1 }
        let scenarios = try PalliativeScenarios(pack: pack, case: sarcomaCase)
        #expect(scenarios.isKnown)
        let cards = OrderSelectCards(scenarios: scenarios, priorAgents: PriorSystemicAgents([]), pack: pack)
            .cards(for: [.trabectedin])
        #expect(cards.first?.indicator == .info)
        // Pack 2026.12-1 (delta §9): the option's rank and categoryDisplay instead of "NCCN category 1".
        #expect(
            cards.first?.summary.hasPrefix("Trabectedin is an option for this patient (subsequent line, rank ") == true,
            "\(cards.first?.summary ?? "")")
        #expect(cards.first?.detail.contains("NCCN category 1") == true, "\(cards.first?.detail ?? "")")
    }

    /// Patient-view's options card says the line is not in the record and shows both.
    @Test func patientViewShowsBothLinesWhenTheLineIsUnknown() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: CDSHooksRequests.patientView(prefetch: CDSHooksRequests.leiomyosarcomaPrefetch()))
        let all = cards(response)
        // Pack 2026.12-1 (delta §9): the systemic card.
        let options = try #require(all.first { ($0["summary"] as? String)?.hasPrefix("Systemic") == true }, "\(all)")
        #expect(options["indicator"] as? String == "warning")
        let summary = options["summary"] as? String ?? ""
        #expect(
            summary.hasPrefix("Systemic, first line: doxorubicin") && summary.contains("; subsequent line: "),
            "\(options)")
        #expect(summary.hasSuffix(". Line not in the record") && summary.count < 140, "\(summary)")
        let detail = options["detail"] as? String ?? ""
        #expect(
            detail.contains("**First line** (no prior systemic therapy)") && detail.contains("**Subsequent line**"),
            "\(detail)")
        #expect(detail.contains("`PALL-TRABECTEDIN`"), "\(detail)")
        let missing = try #require(all.first { ($0["summary"] as? String)?.hasPrefix("Missing in the record") == true })
        // The summary may be cut (pack 2026.12-1 names more gaps, the oligometastatic one first): the detail says it.
        #expect(
            (missing["detail"] as? String)?.contains("the systemic card shows the first and the subsequent line")
                == true,
            "\(missing)")
        #expect(!(missing["detail"] as? String ?? "").contains("none assumed"), "\(missing)")
    }
}
