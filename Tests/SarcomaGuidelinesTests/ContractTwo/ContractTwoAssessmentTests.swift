import JSON
import Testing
@testable import SarcomaGuidelines

/// The `/v2/assessment` envelope (delta §3.4): no answer while a section is missing, and,
/// once all five are placed, the v1 envelope plus scope, pathway and intent, with each
/// section's warnings once at the top.
@Suite("Contract v2 assessment envelope")
struct ContractTwoAssessmentTests {
    static let engine = Pack2026Fixture.contractTwoEngine

    /// §12 P2 (ECOG 4 UPS M1): pathway best_supportive_care, intent supportive.
    static let p2 = SarcomaCase(
        patient: .init(ageYears: 68, ecog: 4, ivTherapyEligible: true, anthracyclineCandidate: true),
        tumor: .init(
            site: .extremity, histology: .undifferentiatedPleomorphicSarcoma, grade: 3, nodes: .n0, metastasis: .m1,
            ntrkFusion: false, metastaticSites: [.lung, .bone]),
        disease: .init(presentation: .primary, resectable: true, priorSystemicLines: 0, priorAnthracycline: false))

    @Test("an assessment is unanswered until every section is placed; a name that is no section is refused")
    func incomplete() throws {
        let assessment = try Self.engine.assessment(for: Self.p2)
        #expect(assessment.missing.isEmpty)
        #expect(assessment.json != nil)
        let empty = ContractTwoAssessment(guidelineVersion: "2026.12-1", decision: assessment.decision)
        #expect(empty.missing == ContractTwoAssessment.sections)
        #expect(empty.json == nil)
        var copy = assessment
        let placed = copy.place("biopsy", .object(JSONObject()))
        #expect(!placed)
    }

    @Test("placed sections complete it: scope, pathway, intent, the union of warnings, five sections")
    func complete() throws {
        var assessment = try Self.engine.assessment(for: Self.p2)
        let warning: JSONValue = ["code": "poor_performance_status", "message": "again"]
        for section in ["margins", "imaging", "perioperative"] {
            assessment.place(section, ["guidelineVersion": "2026.12-1", "warnings": [warning]])
        }
        let json = try #require(assessment.json)
        #expect(
            json.objectValue?.keys == [
                "guidelineVersion", "scope", "pathway", "intent", "warnings", "staging", "margins", "imaging",
                "perioperative", "palliative",
            ])
        #expect(json["pathway"]?.stringValue == "best_supportive_care")
        #expect(json["intent"]?.stringValue == "supportive")
        #expect(json["scope"]?.stringValue == "adult_sts")
        let codes = (json["warnings"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        #expect(codes.filter { $0 == "poor_performance_status" }.count == 1)
        #expect(json["palliative"]?["options"]?[0]?["agent"]?.stringValue == "best_supportive_care")
    }
}
