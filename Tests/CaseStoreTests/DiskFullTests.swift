import Foundation
import Testing

@testable import CaseStore

/// A full disk, simulated with `max_page_count` (`limitSize(toPages:)`): only the writes that
/// do not fit fail, nothing else is lost or corrupted, and the writer recovers by itself.
@Suite("Disk full")
struct DiskFullTests {
    typealias Outcome = Result<StoredCase, CaseStoreError>

    /// A case whose document takes about `kilobytes` kB (many pages).
    static func large(_ kilobytes: Int, externalId: String? = nil) -> CaseInput {
        CaseInput(
            externalId: externalId, site: "trunk",
            document: Array(repeating: UInt8(ascii: "x"), count: kilobytes * 1_024))
    }

    /// Queues `inputs` in this order into one held batch, then lets the writer run it.
    private func createInOneBatch(_ store: SQLiteCaseStore, _ inputs: [CaseInput]) -> (
        outcomes: [Outcome], batches: Int
    ) {
        store.writer.hold()
        var runs: [ThreadRun<Outcome>] = []
        for (index, input) in inputs.enumerated() {
            runs.append(ThreadRun(1) { _ in Result { () throws(CaseStoreError) in try store.create(input) } })
            store.writer.waitUntilQueued(index + 1)
        }
        let batchesBefore = store.writer.batchesRun
        store.writer.resume()
        let outcomes = runs.map { $0.wait()[0] }
        return (outcomes, store.writer.batchesRun - batchesBefore)
    }

    @Test func aWriteThatDoesNotFitFailsAloneInItsBatch() throws {
        try withStore { store, _ in
            let before = try store.create(caseInput(externalId: "BEFORE"))
            let pages = try store.pageCount()
            #expect(try store.limitSize(toPages: pages + 8) == pages + 8)
            // SQLite drops the whole transaction when the large insert hits the cap: the small
            // writes around it must still be answered on their own merits, not with 507.
            let (outcomes, batches) = createInOneBatch(
                store,
                [
                    caseInput(externalId: "S-1"), caseInput(externalId: "S-2"), Self.large(300, externalId: "BIG"),
                    caseInput(externalId: "S-3"), caseInput(externalId: "BEFORE"), caseInput(externalId: "S-1"),
                ])
            #expect(batches == 1)
            #expect(throws: CaseStoreError.diskFull) { try outcomes[2].get() }
            #expect(throws: CaseStoreError.duplicateExternalId(existingId: before.id)) { try outcomes[4].get() }
            let first = try outcomes[0].get()
            #expect(throws: CaseStoreError.duplicateExternalId(existingId: first.id)) { try outcomes[5].get() }
            for index in [0, 1, 3] {
                let stored = try outcomes[index].get()
                #expect(try store.get(id: stored.id) == stored)
            }
            #expect(try store.readValue("SELECT count(*) FROM cases") { $0.integer(0) } == 4)
            #expect(try store.integrityCheck() == ["ok"])
            #expect(store.isReady())

            try store.limitSize(toPages: nil)
            let big = try store.create(Self.large(300, externalId: "BIG"))
            #expect(try store.get(id: big.id)?.document.count == 300 * 1_024)
        }
    }

    @Test func fillingTheDatabaseLosesNothingAndItRecoversWhenSpaceReturns() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        var acknowledged: [StoredCase] = []
        do {
            let store = try database.open()
            defer { store.close() }
            try store.limitSize(toPages: try store.pageCount() + 40)
            var fullAnswers = 0
            // 8 kB documents from 4 threads at a time, until every one of a round is refused.
            for round in 0..<100 {
                let outcomes = ThreadRun(4) { index in
                    Result { () throws(CaseStoreError) in
                        try store.create(Self.large(8, externalId: "R\(round)-\(index)"))
                    }
                }.wait()
                for outcome in outcomes {
                    switch outcome {
                    case .success(let stored): acknowledged.append(stored)
                    case .failure(let error):
                        #expect(error == .diskFull)
                        fullAnswers += 1
                    }
                }
                if outcomes.allSatisfy({ (try? $0.get()) == nil }) { break }
            }
            #expect(fullAnswers >= 4, "the cap must have been reached")
            #expect(acknowledged.count >= 4, "writes that fit must have been acknowledged")
            // Still serving: reads work, small writes that fit in a half-empty page may too,
            // and nothing acknowledged is lost or damaged.
            for stored in acknowledged { #expect(try store.get(id: stored.id) == stored) }
            #expect(try store.integrityCheck() == ["ok"])
            #expect(store.isReady())
            #expect(throws: CaseStoreError.diskFull) { try store.create(Self.large(64)) }

            // Space returns (the cap is lifted): the same writer takes writes again.
            try store.limitSize(toPages: nil)
            acknowledged.append(try store.create(Self.large(64, externalId: "AFTER")))
            #expect(try store.integrityCheck() == ["ok"])
        }
        let reopened = try database.open()
        defer { reopened.close() }
        for stored in acknowledged { #expect(try reopened.get(id: stored.id) == stored) }
        #expect(try reopened.readValue("SELECT count(*) FROM cases") { $0.integer(0) } == acknowledged.count)
    }

    @Test func theCapIsNeverBelowTheCurrentSize() throws {
        try withStore { store, _ in
            _ = try store.create(Self.large(40))
            let pages = try store.pageCount()
            #expect(try store.limitSize(toPages: 1) == pages)
            #expect(throws: CaseStoreError.diskFull) { try store.create(Self.large(40)) }
            #expect(try store.limitSize(toPages: nil) > pages)
        }
    }
}
