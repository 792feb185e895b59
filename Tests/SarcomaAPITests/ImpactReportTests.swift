import CaseStore
import Foundation
import HTTPServer
import JSON
import Testing
@testable import SarcomaAPI

/// The impact report on a case the case writes now refuse (rules §3.2, delta §0.8): an ALT/WDLS
/// stored with grade 3 before pack 2026.12-1 is still re-evaluated, as a dedifferentiated
/// liposarcoma with `histology_grade_conflict`, and the minimal margin is gone.
@Suite("Impact report in process: a legacy ALT/WDLS G3 case")
struct ImpactReportTests {
    @Test("A stored ALT/WDLS G3 loses the minimal margin and gains histology_grade_conflict")
    func legacyWellDifferentiatedLiposarcoma() throws {
        let fixture = try ServiceFixture()
        let document = #"""
            {"externalId": "LEGACY-WDLS", "patient": {"ageYears": 63, "ecog": 1},
             "tumor": {"site": "extremity", "sizeCm": 18, "depth": "deep",
                       "histology": "well_differentiated_liposarcoma", "grade": 3, "nodes": "N0", "metastasis": "M0"},
             "disease": {"presentation": "primary", "resectable": true}}
            """#
        // Through the API this write is a 422 today (CONS-WDLS-GRADE); the store takes it as a
        // case written before pack 2026.12-1.
        #expect(fixture.handle("POST", "/v1/cases", body: document).status == 422)
        let stored = try fixture.service.store.create(
            CaseInput(externalId: "LEGACY-WDLS", site: "extremity", document: Array(document.utf8)),
            audit: AuditContext(actor: "(local)", requestId: "legacy", route: "/v1/cases"))

        let response = fixture.handle("GET", "/v2/guidelines/impact?from=2026.11-1&to=2026.12-1")
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        let page = try JSONParser().parse(response.body)
        let item = try #require(page["items"]?[0])
        #expect(item["caseId"] == .string(stored.id))
        #expect(item["changed"] == .bool(true))
        let changes = item["changes"]
        let warnings = (changes?["warningsAdded"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(warnings.contains("histology_grade_conflict"), "\(warnings)")
        let strategy = changes?["margins"]?["strategy"]
        #expect(strategy?["from"] == .string("complete_excision_minimal_margin"), "v1 answered the minimal margin")
        #expect(strategy?["to"] == .string("wide_en_bloc"))
        #expect(changes?["margins"]?["marginCm"]?["from"] == .number(0))
        #expect(page["nextCursor"] == .null)
    }
}
