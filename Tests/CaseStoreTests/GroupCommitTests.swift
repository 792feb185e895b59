import Testing

@testable import CaseStore

@Suite("Group commit")
struct GroupCommitTests {
    typealias Outcome = Result<StoredCase, CaseStoreError>

    private static func create(_ store: SQLiteCaseStore, _ input: CaseInput) -> Outcome {
        Result { () throws(CaseStoreError) in try store.create(input) }
    }

    /// Creates `inputs` from one thread each, all queued before the writer takes any, so they
    /// meet in one batch; returns each outcome and the number of batches that ran them.
    private func createInOneBatch(_ store: SQLiteCaseStore, _ inputs: [CaseInput]) -> (
        outcomes: [Outcome], batches: Int
    ) {
        store.writer.hold()
        let run = ThreadRun(inputs.count) { index in Self.create(store, inputs[index]) }
        store.writer.waitUntilQueued(inputs.count)
        let batchesBefore = store.writer.batchesRun
        store.writer.resume()
        let outcomes = run.wait()
        return (outcomes, store.writer.batchesRun - batchesBefore)
    }

    @Test func thirtyTwoConcurrentWritersAllSucceed() throws {
        try withStore { store, _ in
            let outcomes = ThreadRun(32) { index in Self.create(store, caseInput(externalId: "T-\(index)")) }.wait()
            let stored = try outcomes.map { try $0.get() }
            #expect(Set(stored.map(\.id)).count == 32)
            let listed = try store.list(CaseListQuery(limit: 200)).items
            #expect(Set(listed.map(\.externalId)) == Set((0..<32).map { "T-\($0)" }))
            for item in stored {
                #expect(try store.get(id: item.id) == item)
            }
            #expect(try store.readValue("PRAGMA integrity_check") { $0.text(0) } == "ok")
        }
    }

    @Test func queuedWritesCommitTogetherInOneBatch() throws {
        try withStore { store, _ in
            let (outcomes, batches) = createInOneBatch(store, (0..<32).map { caseInput(externalId: "B-\($0)") })
            #expect(outcomes.allSatisfy { (try? $0.get()) != nil })
            #expect(batches == 1)
            let count = try store.readValue("SELECT count(*) FROM cases") { $0.integer(0) }
            #expect(count == 32)
        }
    }

    @Test func oneFailingWriteInABatchLeavesTheOthersCommitted() throws {
        try withStore { store, _ in
            let existing = try store.create(caseInput(externalId: "TAKEN"))
            let (outcomes, batches) = createInOneBatch(
                store,
                [
                    caseInput(externalId: "OK-1"), caseInput(externalId: "TAKEN"), caseInput(externalId: "OK-2"),
                    caseInput(externalId: nil), caseInput(externalId: "OK-3"),
                ])
            #expect(batches == 1)
            #expect(throws: CaseStoreError.duplicateExternalId(existingId: existing.id)) { try outcomes[1].get() }
            for index in [0, 2, 3, 4] {
                let stored = try outcomes[index].get()
                #expect(try store.get(id: stored.id) == stored)
            }
            #expect(try store.readValue("SELECT count(*) FROM cases") { $0.integer(0) } == 5)
        }
    }

    @Test func sameExternalIdTwiceInOneBatchCreatesOneCase() throws {
        try withStore { store, _ in
            let (outcomes, batches) = createInOneBatch(
                store, [caseInput(externalId: "TWIN"), caseInput(externalId: "TWIN")])
            #expect(batches == 1)
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            #expect(outcomes.contains { $0 == .failure(.duplicateExternalId(existingId: winners[0].id)) })
        }
    }

    @Test func closeCommitsQueuedWritesThenRefusesNewOnes() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        store.writer.hold()
        let run = ThreadRun(3) { index in Self.create(store, caseInput(externalId: "Q-\(index)")) }
        store.writer.waitUntilQueued(3)
        store.close()
        let stored = try run.wait().map { try $0.get() }
        #expect(throws: CaseStoreError.closed) { try store.create(caseInput()) }
        #expect(throws: CaseStoreError.closed) { try store.get(id: stored[0].id) }

        let reopened = try database.open()
        defer { reopened.close() }
        #expect(try reopened.list(CaseListQuery()).items.count == 3)
    }
}
