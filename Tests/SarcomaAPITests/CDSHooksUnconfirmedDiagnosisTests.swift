import Foundation
import HTTPServer
import Testing
@testable import SarcomaAPI

/// A sarcoma Condition whose diagnosis is not confirmed (or whose verificationStatus cannot
/// be read) was answered `cards: []`, which reads as "no sarcoma". The mapper refuses it;
/// that refusal must reach the clinician as the "guidance unavailable" warning card.
@Suite("CDS Hooks with an unconfirmed sarcoma diagnosis")
struct CDSHooksUnconfirmedDiagnosisTests {
    static let patientView = "/cds-services/sarcoma-patient-view"
    static let orderSelect = "/cds-services/sarcoma-order-select"
    static let verification = "http://terminology.hl7.org/CodeSystem/condition-ver-status"

    func cards(_ response: HTTPResponse) -> [[String: Any]] {
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        return object["cards"] as? [[String: Any]] ?? []
    }

    /// The liposarcoma prefetch with the primary Condition's verificationStatus replaced.
    func prefetch(verificationStatus: Any) -> [String: Any] {
        var prefetch = CDSHooksRequests.liposarcomaPrefetch()
        var condition = CDSHooksRequests.condition(
            histology: "Dedifferentiated liposarcoma", morphology: "8858/3",
            bodySite: "Retroperitoneum", bodySiteCode: "82849001")
        condition["verificationStatus"] = verificationStatus
        prefetch["conditions"] = CDSHooksRequests.bundle([condition])
        return prefetch
    }

    /// Each unusable verificationStatus by name: the status the mapper reports, the element.
    static func unusable(_ name: String) -> (status: String, element: [String: Any]) {
        switch name {
        // Text only, and a SNOMED CT coding: the mapper cannot read either as confirmed.
        case "text only": ("(no readable code)", ["text": "confirmed"])
        case "SNOMED CT":
            (
                "(no readable code)",
                ["coding": [["system": "http://snomed.info/sct", "code": "410605003", "display": "Confirmed present"]]]
            )
        default: (name, ["coding": [["system": verification, "code": name]]])
        }
    }

    @Test(arguments: ["provisional", "differential", "unconfirmed", "text only", "SNOMED CT"])
    func anUnconfirmedSarcomaGetsTheWarningCardNotSilence(name: String) throws {
        let (status, verificationStatus) = Self.unusable(name)
        let fixture = try ServiceFixture()
        let prefetch = prefetch(verificationStatus: verificationStatus)
        for (path, body) in [
            (Self.patientView, CDSHooksRequests.patientView(prefetch: prefetch)),
            (
                Self.orderSelect,
                CDSHooksRequests.orderSelect(
                    orders: [CDSHooksRequests.medicationRequest(id: "d1", name: "doxorubicin")], prefetch: prefetch)
            ),
        ] {
            let response = fixture.handle("POST", path, body: body)
            #expect(response.status == 200, "\(response.bodyText)")
            let all = cards(response)
            #expect(all.count == 1, "\(path): \(response.bodyText)")
            let card = try #require(all.first)
            #expect(card["indicator"] as? String == "warning")
            let summary = card["summary"] as? String ?? ""
            #expect(summary.hasPrefix("Sarcoma guidance unavailable: verificationStatus is '\(status)'"), "\(summary)")
            #expect(
                (card["detail"] as? String)?.contains("`/prefetch/conditions/entry/0/resource/verificationStatus`")
                    == true, "\(card)")
        }
    }

    /// A sarcoma marked refuted or entered in error is no sarcoma: silence, as for a
    /// record without one.
    @Test(arguments: ["refuted", "entered-in-error"])
    func aRefutedSarcomaStaysSilent(code: String) throws {
        let fixture = try ServiceFixture()
        let body = CDSHooksRequests.patientView(
            prefetch: prefetch(verificationStatus: ["coding": [["system": Self.verification, "code": code]]]))
        #expect(fixture.handle("POST", Self.patientView, body: body).bodyText == #"{"cards":[]}"#)
    }
}
