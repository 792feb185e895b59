import Testing

@testable import CaseStore

@Suite("externalId uniqueness")
struct ExternalIdTests {
    @Test(arguments: StoreBackend.all) func secondCreateWithSameExternalIdNamesTheExistingCase(backend: StoreBackend)
        throws
    {
        try withStore(backend) { store in
            let first = try store.create(caseInput(externalId: "EHR-7"))
            #expect(throws: CaseStoreError.duplicateExternalId(existingId: first.id)) {
                try store.create(caseInput(externalId: "EHR-7", site: "trunk"))
            }
            #expect(try store.list(CaseListQuery()).items.count == 1)
        }
    }

    @Test(arguments: StoreBackend.all) func casesWithoutExternalIdNeverConflict(backend: StoreBackend) throws {
        try withStore(backend) { store in
            _ = try store.create(caseInput(externalId: nil))
            _ = try store.create(caseInput(externalId: nil))
            #expect(try store.list(CaseListQuery()).items.count == 2)
        }
    }

    @Test(arguments: StoreBackend.all) func replaceOntoAnotherCasesExternalIdIsRefused(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let holder = try store.create(caseInput(externalId: "X-1"))
            let other = try store.create(caseInput(externalId: "X-2"))
            #expect(throws: CaseStoreError.duplicateExternalId(existingId: holder.id)) {
                try store.replace(id: other.id, with: caseInput(externalId: "X-1"), expectedVersion: 1)
            }
            #expect(try store.get(id: other.id)?.externalId == "X-2")
            #expect(try store.get(id: other.id)?.version == 1)
        }
    }

    @Test(arguments: StoreBackend.all) func twoThreadsCreatingTheSameExternalIdYieldExactlyOneCase(
        backend: StoreBackend
    ) throws {
        try withStore(backend) { store in
            for round in 0..<10 {
                let externalId = "RACE-\(round)"
                let results = ThreadRun(2) { _ in
                    Result { () throws(CaseStoreError) in try store.create(caseInput(externalId: externalId)) }
                }.wait()
                let winners = results.compactMap { try? $0.get() }
                #expect(winners.count == 1)
                let failures = results.compactMap { result -> CaseStoreError? in
                    if case .failure(let error) = result { return error }
                    return nil
                }
                #expect(failures == [.duplicateExternalId(existingId: winners[0].id)])
                let listed = try store.list(CaseListQuery(externalId: externalId)).items
                #expect(listed == winners)
            }
        }
    }
}
