import Testing

@testable import CaseStore

/// The writer's test hooks, on either backend's `GroupCommitWriter`.
protocol HeldWriter {
    func hold()
    func resume()
    func waitUntilQueued(_ count: Int)
    var batchesRun: Int { get }
}

extension GroupCommitWriter: HeldWriter {}

/// The group commit of both backends (PostgreSQL's batches also hold the write-order lock).
@Suite("Group commit")
struct GroupCommitTests {
    typealias Outcome = Result<StoredCase, CaseStoreError>

    private static func writer(of store: any CaseStore) -> any HeldWriter {
        if let sqlite = store as? SQLiteCaseStore { return sqlite.writer }
        if let postgres = store as? PostgresCaseStore { return postgres.writer }
        preconditionFailure("a store of an unknown backend")
    }

    /// A write a test queues.
    enum Write: Sendable {
        case create(CaseInput)
        case replace(id: String, CaseInput, expectedVersion: Int?)
    }

    private static func apply(_ write: Write, to store: any UnauditedCaseWrites) -> Outcome {
        do {
            switch write {
            case .create(let input):
                return .success(try store.create(input))
            case .replace(let id, let input, let expectedVersion):
                return .success(try store.replace(id: id, with: input, expectedVersion: expectedVersion))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Runs `writes` from one thread each, all queued before the writer takes any, so they
    /// meet in one batch; returns each outcome and the number of batches that ran them.
    private func inOneBatch(_ store: any UnauditedCaseWrites, _ writes: [Write]) -> (
        outcomes: [Outcome], batches: Int
    ) {
        let writer = Self.writer(of: store)
        writer.hold()
        let run = ThreadRun(writes.count) { index in Self.apply(writes[index], to: store) }
        writer.waitUntilQueued(writes.count)
        let batchesBefore = writer.batchesRun
        writer.resume()
        let outcomes = run.wait()
        return (outcomes, writer.batchesRun - batchesBefore)
    }

    private func createInOneBatch(_ store: any UnauditedCaseWrites, _ inputs: [CaseInput]) -> (
        outcomes: [Outcome], batches: Int
    ) {
        inOneBatch(store, inputs.map(Write.create))
    }

    @Test func thirtyTwoConcurrentWritersAllSucceed() throws {
        try withStore { store, _ in
            let outcomes = ThreadRun(32) { index in Self.apply(.create(caseInput(externalId: "T-\(index)")), to: store) }
                .wait()
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

    @Test(arguments: StoreBackend.all)
    func queuedWritesCommitTogetherInOneBatch(backend: StoreBackend) throws {
        try withStore(backend) { (store) throws in
            let (outcomes, batches) = createInOneBatch(store, (0..<32).map { caseInput(externalId: "B-\($0)") })
            #expect(outcomes.allSatisfy { (try? $0.get()) != nil })
            #expect(batches == 1)
            #expect(try rowCount("cases", in: store) == 32)
        }
    }

    @Test(arguments: StoreBackend.all)
    func oneFailingWriteInABatchLeavesTheOthersCommitted(backend: StoreBackend) throws {
        try withStore(backend) { store in
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
            #expect(try rowCount("cases", in: store) == 5)
        }
    }

    /// Two updates of one case with the same If-Match meet in one batch: whichever the queue
    /// runs first wins, the other finds the new version and fails alone, as does an update
    /// of a deleted case; the batch's create commits.
    @Test(arguments: StoreBackend.all)
    func aStaleVersionInABatchFailsAloneAndTheFirstUpdateWins(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let first = try store.create(caseInput(externalId: "V"))
            let gone = try store.create(caseInput(externalId: "GONE"))
            try store.delete(id: gone.id, expectedVersion: nil)
            let (outcomes, batches) = inOneBatch(
                store,
                [
                    .replace(id: first.id, caseInput(externalId: "V", size: 6), expectedVersion: 1),
                    .replace(id: first.id, caseInput(externalId: "V", size: 7), expectedVersion: 1),
                    .replace(id: gone.id, caseInput(), expectedVersion: nil),
                    .create(caseInput(externalId: "NEW")),
                ])
            #expect(batches == 1)
            let updates = outcomes[0...1].compactMap { try? $0.get() }
            #expect(updates.count == 1)
            #expect(updates.first?.version == 2)
            #expect(outcomes[0...1].contains { $0 == .failure(.versionMismatch(current: 2)) })
            #expect(throws: CaseStoreError.notFound(id: gone.id)) { try outcomes[2].get() }
            let created = try outcomes[3].get()
            #expect(try store.get(id: created.id) == created)
            #expect(try store.get(id: first.id) == updates.first)
        }
    }

    @Test(arguments: StoreBackend.all)
    func sameExternalIdTwiceInOneBatchCreatesOneCase(backend: StoreBackend) throws {
        try withStore(backend) { store in
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
        let run = ThreadRun(3) { index in Self.apply(.create(caseInput(externalId: "Q-\(index)")), to: store) }
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
