import CDSHooks
import JSON
import Foundation
import HTTPServer
import SarcomaGuidelines
import Testing
@testable import SarcomaAPI

/// Which of the rules' agents a drafted order names. Liposomal doxorubicin is a different
/// product from the doxorubicin of the rules and must not be matched as it.
@Suite("CDS Hooks medication matching")
struct CDSHooksMedicationMatchingTests {
    func order(text: String, display: String? = nil) -> JSONObject {
        var concept = JSONObject([("text", .string(text))])
        if let display {
            concept["coding"] = .array([
                .object(
                    JSONObject([
                        ("system", "http://www.nlm.nih.gov/research/umls/rxnorm"),
                        ("display", .string(display)),
                    ]))
            ])
        }
        return JSONObject([
            ("resourceType", "MedicationRequest"), ("id", "d1"), ("medicationCodeableConcept", .object(concept)),
        ])
    }

    @Test(arguments: [
        "Doxorubicin liposomal", "pegylated liposomal doxorubicin 20 mg/m2", "Doxil", "Caelyx 2 MG/ML",
        "Myocet (doxorubicin)", "DOXOrubicin HCl Liposome 2 MG/ML Injectable Suspension", "PEG-doxorubicin",
    ])
    func liposomalDoxorubicinIsNotDoxorubicin(name: String) {
        #expect(MedicationAgentMatcher().match(order(text: name)) == nil, "\(name)")
    }

    @Test func aLiposomalMarkerInAnyNameOfTheOrderCounts() {
        let match = MedicationAgentMatcher().match(
            order(text: "Doxil", display: "doxorubicin hydrochloride 2 MG/ML Injection"))
        #expect(match == nil)
    }

    @Test func conventionalDoxorubicinAndOtherAgentsAreStillMatched() {
        let matcher = MedicationAgentMatcher()
        #expect(
            matcher.match(order(text: "DOXOrubicin HCl 2 MG/ML Injectable Solution"))?.ingredients == [.doxorubicin])
        #expect(matcher.match(order(text: "Adriamycin"))?.ingredients == [.doxorubicin])
        // Only doxorubicin is affected by the marker: the other agent of the order stays.
        #expect(
            matcher.match(order(text: "trabectedin with pegylated liposomal doxorubicin"))?.ingredients == [
                .trabectedin
            ])
    }

    /// End to end: a drafted liposomal doxorubicin is outside the vocabulary, so order-select
    /// answers no card (as for any drug without a rule), never a doxorubicin verdict.
    @Test func aDraftedLiposomalDoxorubicinGetsNoDoxorubicinCard() throws {
        let fixture = try ServiceFixture()
        for name in ["Doxorubicin liposomal", "Caelyx"] {
            let response = fixture.handle(
                "POST", "/cds-services/sarcoma-order-select",
                body: CDSHooksRequests.orderSelect(
                    orders: [CDSHooksRequests.medicationRequest(id: "d1", name: name)],
                    prefetch: CDSHooksRequests.liposarcomaPrefetch()))
            #expect(response.status == 200)
            #expect(response.bodyText == #"{"cards":[]}"#, "\(name): \(response.bodyText)")
        }
        let conventional = fixture.handle(
            "POST", "/cds-services/sarcoma-order-select",
            body: CDSHooksRequests.orderSelect(
                orders: [CDSHooksRequests.medicationRequest(id: "d1", name: "doxorubicin")],
                prefetch: CDSHooksRequests.liposarcomaPrefetch()))
        #expect(conventional.bodyText.contains("Doxorubicin"), "\(conventional.bodyText)")
    }
}
