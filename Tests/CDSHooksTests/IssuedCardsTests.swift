import Testing
@testable import CDSHooks

/// The memory of issued card uuids is bounded in time and in count.
@Suite("Issued CDS cards")
struct IssuedCardsTests {
    let a = "4e0a3a1e-3283-4575-ab82-028d55fe2719"
    let b = "9368d37b-283f-44a0-93ea-547cebab93ed"
    let c = "e56e1945-20b3-4393-8503-a1a20fd73152"

    @Test func aCardIsKnownToItsServiceUntilTheRetentionEnds() {
        let cards = IssuedCards(capacity: 10, retention: 60)
        cards.remember([a], serviceId: "sarcoma-patient-view", now: 1_000)
        #expect(cards.wasIssued(a, by: "sarcoma-patient-view", now: 1_060))
        #expect(cards.wasIssued(a.uppercased(), by: "sarcoma-patient-view", now: 1_000))
        #expect(!cards.wasIssued(a, by: "sarcoma-order-select", now: 1_000))
        #expect(!cards.wasIssued(a, by: "sarcoma-patient-view", now: 1_061))
        #expect(!cards.wasIssued(b, by: "sarcoma-patient-view", now: 1_000))
    }

    @Test func whenFullTheExpiredThenTheOldestGoFirst() {
        let cards = IssuedCards(capacity: 2, retention: 60)
        cards.remember([a], serviceId: "s", now: 1_000)
        cards.remember([b], serviceId: "s", now: 1_010)
        cards.remember([c], serviceId: "s", now: 1_020)
        #expect(cards.count == 2)
        #expect(!cards.wasIssued(a, by: "s", now: 1_020), "the oldest was dropped")
        #expect(cards.wasIssued(b, by: "s", now: 1_020) && cards.wasIssued(c, by: "s", now: 1_020))
        cards.remember([a, b, c], serviceId: "s", now: 1_030)
        #expect(cards.count == 2, "never more than the capacity, even from one answer")
    }
}
