import Foundation
import HTTPServer
import Testing

/// CDS Hooks on pack 2026.12-1 through the real binary (contract delta §0.7, §8, §9), each with
/// an mCODE-shaped prefetch as an EHR sends it (SNOMED CT coded TNM, LOINC size, NCIT grade,
/// LOINC ECOG): a metastatic leiomyosarcoma (no PD-1 antibody), a patient with a single lung
/// metastasis (the record cannot say oligometastatic: the caution card says so), an ECOG 3
/// patient (best supportive care, caution card) and that patient's doxorubicin order.
@Suite("CDS Hooks on pack 2026.12-1, real binary")
struct CDSHooksPackTwoEndToEndTests {
    typealias Chart = CDSHooksSafetyEndToEndTests
    static let patientView = "/cds-services/sarcoma-patient-view"
    static let orderSelect = "/cds-services/sarcoma-order-select"
    static let label = "sarcoma-guide STS pack 2026.12-1"

    /// A primary leiomyosarcoma of the lower limb (ICD-10 C49.2, ICD-O-3 8890/3).
    static var leiomyosarcoma: [String: Any] {
        var condition = Chart.condition()
        condition["extension"] = [
            [
                "url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                "valueCodeableConcept": [
                    "coding": [["system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": "8890/3"]]
                ],
            ]
        ]
        return condition
    }

    /// A secondary malignant neoplasm of the lung (ICD-10-CM C78.0x): one metastatic organ.
    static var lungMetastasis: [String: Any] {
        [
            "resourceType": "Condition", "id": "c2", "subject": ["reference": "Patient/p1"],
            "code": ["coding": [["system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C78.01"]]],
        ]
    }

    /// ECOG (LOINC 89247-1) measured `daysAgo` days before the call.
    static func ecog(_ value: Int, daysAgo: Int = 2) -> [String: Any] {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return [
            "resourceType": "Observation", "id": "ecog", "status": "final", "subject": ["reference": "Patient/p1"],
            "code": ["coding": [["system": Chart.loinc, "code": "89247-1"]]], "valueInteger": value,
            "effectiveDateTime": formatter.string(from: Date().addingTimeInterval(-Double(daysAgo) * 86_400)),
        ]
    }

    static func orderBody(_ patientView: String, drug: String) throws -> String {
        var request = try #require(try JSONSerialization.jsonObject(with: Data(patientView.utf8)) as? [String: Any])
        request["hook"] = "order-select"
        var context = request["context"] as? [String: Any] ?? [:]
        context["selections"] = ["MedicationRequest/d1"]
        context["draftOrders"] = [
            "resourceType": "Bundle", "type": "collection",
            "entry": [
                [
                    "resource": [
                        "resourceType": "MedicationRequest", "id": "d1", "status": "draft", "intent": "proposal",
                        "subject": ["reference": "Patient/p1"], "medicationCodeableConcept": ["text": drug],
                    ]
                ]
            ],
        ]
        request["context"] = context
        return String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
    }

    static func expectPackTwo(_ cards: [[String: Any]]) {
        #expect(!cards.isEmpty)
        for card in cards {
            #expect((card["source"] as? [String: Any])?["label"] as? String == label, "\(card)")
            #expect(((card["summary"] as? String) ?? "").count < 140)
        }
    }

    @Test func aMetastaticLeiomyosarcomaIsNotOfferedPembrolizumab() throws {
        let service = try ServiceProcess()
        let body = Chart.body(conditions: [Self.leiomyosarcoma], observations: Chart.chart() + [Self.ecog(1)])
        let response = try service.send("POST", Self.patientView, body: body)
        #expect(response.status == 200, "\(response.text)")
        let cards = Chart.cards(response.text)
        Self.expectPackTwo(cards)
        let summaries = Chart.summaries(response.text)
        #expect(summaries.contains { $0.hasPrefix("Pathway: advanced (palliative intent)") }, "\(summaries)")
        #expect(summaries.contains { $0.hasPrefix("Sarcoma stage: AJCC IV") }, "\(summaries)")
        let systemic = try #require(cards.first { ($0["summary"] as? String)?.hasPrefix("Systemic") == true })
        let options = ((systemic["detail"] as? String) ?? "").components(separatedBy: "**Not recommended**")[0]
        #expect(!options.contains("pembrolizumab") && !options.contains("nivolumab"), "\(options)")
        #expect(options.contains("**best supportive care**"), "\(options)")
        #expect(!summaries.contains { $0.hasPrefix("Local treatment") || $0.contains("surgery") }, "\(summaries)")
        #expect(service.stop() == 0)
    }

    /// One metastatic organ: oligometastatic only if every metastasis is resectable, which no
    /// FHIR element carries (delta §9). The cards never assume it: pathway advanced, and the
    /// caution card names what would decide it.
    @Test func aSingleLungMetastasisIsNotAssumedOligometastatic() throws {
        let service = try ServiceProcess()
        let body = Chart.body(
            conditions: [Self.leiomyosarcoma, Self.lungMetastasis],
            observations: Chart.chart(metastasis: nil) + [Self.ecog(1)])
        let response = try service.send("POST", Self.patientView, body: body)
        #expect(response.status == 200, "\(response.text)")
        Self.expectPackTwo(Chart.cards(response.text))
        let summaries = Chart.summaries(response.text)
        #expect(summaries.contains { $0.hasPrefix("Pathway: advanced") }, "\(summaries)")
        let caution = try #require(summaries.first { $0.hasPrefix("Missing in the record") || $0.hasPrefix("Caution") })
        #expect(caution.contains("oligometastatic"), "\(caution)")
        #expect(service.stop() == 0)
    }

    @Test func anECOG3PatientGetsBestSupportiveCareAndTheCautionCard() throws {
        let service = try ServiceProcess()
        let body = Chart.body(conditions: [Self.leiomyosarcoma], observations: Chart.chart() + [Self.ecog(3)])
        let response = try service.send("POST", Self.patientView, body: body)
        #expect(response.status == 200, "\(response.text)")
        let cards = Chart.cards(response.text)
        Self.expectPackTwo(cards)
        let summaries = Chart.summaries(response.text)
        let caution = try #require(
            cards.first { ($0["summary"] as? String)?.hasPrefix("Caution") == true }, "\(summaries)")
        #expect((caution["summary"] as? String)?.contains("ECOG 3 or worse") == true)
        #expect(caution["indicator"] as? String == "warning")
        #expect(summaries.contains { $0.hasPrefix("Pathway: best supportive care") }, "\(summaries)")
        let systemic = try #require(summaries.first { $0.hasPrefix("Systemic") })
        #expect(systemic.contains("best supportive care") && !systemic.contains("doxorubicin,"), "\(systemic)")
        #expect(service.stop() == 0)
    }

    /// The ECOG 3 patient's drafted doxorubicin: not recommended for performance status, a
    /// warning naming the reason and the ranked alternatives (critical is kept for a label
    /// contraindication and the cumulative ceiling, whose inputs no prefetch carries).
    @Test func anECOG3PatientsDoxorubicinOrderIsAWarningWithTheReason() throws {
        let service = try ServiceProcess()
        let view = Chart.body(conditions: [Self.leiomyosarcoma], observations: Chart.chart() + [Self.ecog(3)])
        let response = try service.send("POST", Self.orderSelect, body: try Self.orderBody(view, drug: "DOXOrubicin"))
        #expect(response.status == 200, "\(response.text)")
        let cards = Chart.cards(response.text)
        Self.expectPackTwo(cards)
        #expect(cards.count == 1, "\(response.text)")
        let card = try #require(cards.first)
        #expect(card["indicator"] as? String == "warning", "\(card)")
        #expect(
            (card["summary"] as? String)?.hasPrefix("Doxorubicin not recommended (performance status)") == true,
            "\(card)")
        #expect((card["detail"] as? String)?.contains("`performance_status`") == true, "\(card)")
        #expect((card["summary"] as? String)?.contains("Alternatives: 1. ") == true, "\(card)")
        #expect(service.stop() == 0)
    }
}
