import Testing

@testable import CaseStore

@Suite("CDS Hooks feedback")
struct CDSFeedbackTests {
    private func item(_ card: String, _ outcome: String, client: String? = "https://ehr.example/#app")
        -> CDSFeedbackInput
    {
        CDSFeedbackInput(
            serviceId: "sarcoma-patient-view", card: card, outcome: outcome,
            outcomeTimestamp: "2026-11-26T10:00:00Z", client: client,
            item: Array("{\"card\":\"\(card)\",\"outcome\":\"\(outcome)\"}".utf8))
    }

    @Test(arguments: StoreBackend.all) func feedbackIsStoredAndSurvivesAReopen(backend: StoreBackend) throws {
        let database = try TestStoreLocation(backend)
        defer { database.remove() }
        let store = try database.open()
        let stored = try store.recordCDSFeedback([
            item("card-1", "accepted"), item("card-1", "overridden", client: nil), item("card-2", "accepted"),
        ])
        #expect(stored.count == 3)
        #expect(Set(stored.map(\.id)).count == 3)
        store.close()

        let reopened = try database.open()
        defer { reopened.close() }
        let first = try reopened.cdsFeedback(card: "card-1")
        #expect(first.map(\.outcome) == ["accepted", "overridden"])
        #expect(first.map(\.client) == ["https://ehr.example/#app", nil])
        #expect(first[0].item == Array("{\"card\":\"card-1\",\"outcome\":\"accepted\"}".utf8))
        #expect(first[0].outcomeTimestamp == "2026-11-26T10:00:00Z")
        #expect(first[0].serviceId == "sarcoma-patient-view")
        #expect(first == Array(stored.prefix(2)))
        #expect(try reopened.cdsFeedback(card: "card-2").count == 1)
        #expect(try reopened.cdsFeedback(card: "unknown").isEmpty)
    }
}
