import Testing

@testable import CaseStore

@Suite("Cases: create, get, replace, delete")
struct CaseCRUDTests {
    @Test(arguments: StoreBackend.all) func createThenGetRoundTrips(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let input = caseInput(externalId: "EHR-000123", site: "trunk")
            let created = try store.create(input)
            #expect(created.version == 1)
            #expect(created.externalId == "EHR-000123")
            #expect(created.site == "trunk")
            #expect(created.document == input.document)
            #expect(created.createdAt == created.updatedAt)
            #expect(created.id == created.id.lowercased())
            #expect(created.id.count == 36)
            #expect(try store.get(id: created.id) == created)
        }
    }

    @Test(arguments: StoreBackend.all) func documentBytesAreKeptExactly(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let unicode = Array("{\"note\":\"Größe ≥ 5 cm — 腫瘍\",\"x\":[1,2.50,null]}".utf8)
            for document in [unicode, []] {
                let created = try store.create(CaseInput(externalId: nil, site: "visceral", document: document))
                #expect(try store.get(id: created.id)?.document == document)
            }
        }
    }

    @Test(arguments: StoreBackend.all) func timestampsAreRFC3339WithMilliseconds(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let created = try store.create(caseInput())
            let pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
            #expect(created.createdAt.wholeMatch(of: pattern) != nil)
        }
    }

    @Test(arguments: StoreBackend.all) func getUnknownIdIsNil(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let found = try store.get(id: "00000000-0000-0000-0000-000000000000")
            #expect(found == nil)
        }
    }

    @Test(arguments: StoreBackend.all) func replaceBumpsVersionAndKeepsCreatedAt(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let created = try store.create(caseInput(externalId: "A", size: 3))
            let newInput = caseInput(externalId: "A", site: "retroperitoneum", size: 9)
            let replaced = try store.replace(id: created.id, with: newInput, expectedVersion: 1)
            #expect(replaced.version == 2)
            #expect(replaced.site == "retroperitoneum")
            #expect(replaced.document == newInput.document)
            #expect(replaced.createdAt == created.createdAt)
            #expect(replaced.updatedAt >= created.updatedAt)
            #expect(try store.get(id: created.id) == replaced)

            let third = try store.replace(id: created.id, with: caseInput(externalId: nil), expectedVersion: nil)
            #expect(third.version == 3)
            #expect(third.externalId == nil)
        }
    }

    @Test(arguments: StoreBackend.all) func replaceWithStaleVersionIsRefusedAndChangesNothing(backend: StoreBackend)
        throws
    {
        try withStore(backend) { store in
            let created = try store.create(caseInput())
            let replaced = try store.replace(id: created.id, with: caseInput(size: 7), expectedVersion: 1)
            #expect(throws: CaseStoreError.versionMismatch(current: 2)) {
                try store.replace(id: created.id, with: caseInput(size: 8), expectedVersion: 1)
            }
            #expect(try store.get(id: created.id) == replaced)
        }
    }

    @Test(arguments: StoreBackend.all) func replaceUnknownCaseIsNotFound(backend: StoreBackend) throws {
        try withStore(backend) { store in
            #expect(throws: CaseStoreError.notFound(id: "nope")) {
                try store.replace(id: "nope", with: caseInput(), expectedVersion: nil)
            }
        }
    }

    @Test(arguments: StoreBackend.all) func deleteRemovesTheCase(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let created = try store.create(caseInput(externalId: "D-1"))
            try store.delete(id: created.id, expectedVersion: 1)
            #expect(try store.get(id: created.id) == nil)
            #expect(throws: CaseStoreError.notFound(id: created.id)) {
                try store.delete(id: created.id, expectedVersion: nil)
            }
            // The externalId is free again.
            #expect(try store.create(caseInput(externalId: "D-1")).externalId == "D-1")
        }
    }

    @Test(arguments: StoreBackend.all) func deleteWithStaleVersionIsRefused(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let created = try store.create(caseInput())
            _ = try store.replace(id: created.id, with: caseInput(size: 6), expectedVersion: nil)
            #expect(throws: CaseStoreError.versionMismatch(current: 2)) {
                try store.delete(id: created.id, expectedVersion: 1)
            }
            #expect(try store.get(id: created.id) != nil)
        }
    }
}
