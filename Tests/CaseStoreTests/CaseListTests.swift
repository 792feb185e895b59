import Testing

@testable import CaseStore

@Suite("Listing cases with cursors")
struct CaseListTests {
    /// Follows `nextCursor` to the end; `between` runs after each page (to insert meanwhile).
    private func allPages(
        _ store: any UnauditedCaseWrites, _ query: CaseListQuery, between: () throws -> Void = {}
    ) throws -> (items: [StoredCase], pages: Int) {
        var items: [StoredCase] = []
        var query = query
        var pages = 0
        while true {
            let page = try store.list(query)
            items += page.items
            pages += 1
            try between()
            guard let cursor = page.nextCursor else { break }
            query.cursor = cursor
        }
        return (items, pages)
    }

    @Test(arguments: StoreBackend.all) func pagesOf50Over125CasesReturnEveryCaseOnceInOrder(backend: StoreBackend)
        throws
    {
        try withStore(backend) { store in
            let created = try (0..<125).map { _ in try store.create(caseInput()) }
            let first = try store.list(CaseListQuery(limit: 50))
            #expect(first.items.count == 50)
            #expect(first.nextCursor != nil)
            let all = try allPages(store, CaseListQuery(limit: 50))
            #expect(all.pages == 3)
            #expect(all.items.map(\.id) == created.map(\.id))
        }
    }

    @Test(arguments: StoreBackend.all) func exactMultipleOfLimitEndsWithoutAnEmptyPage(backend: StoreBackend) throws {
        try withStore(backend) { store in
            for _ in 0..<4 { _ = try store.create(caseInput()) }
            let page = try store.list(CaseListQuery(limit: 4))
            #expect(page.items.count == 4)
            #expect(page.nextCursor == nil)
        }
    }

    @Test(arguments: StoreBackend.all) func casesCreatedWhilePagingAreNeitherLostNorRepeated(backend: StoreBackend)
        throws
    {
        try withStore(backend) { store in
            let before = try (0..<125).map { _ in try store.create(caseInput()) }
            var addedDuringPaging: [StoredCase] = []
            let all = try allPages(store, CaseListQuery(limit: 50)) {
                for _ in 0..<7 { addedDuringPaging.append(try store.create(caseInput())) }
            }
            let ids = all.items.map(\.id)
            #expect(Set(ids).count == ids.count)
            #expect(Array(ids.prefix(125)) == before.map(\.id))
            // Those created before the last page was read show up after the older ones.
            #expect(Set(ids).isSuperset(of: before.map(\.id)))
            #expect(ids.count > 125)
            #expect(Array(ids.dropFirst(125)) == Array(addedDuringPaging.map(\.id).prefix(ids.count - 125)))
        }
    }

    @Test(arguments: StoreBackend.all) func deletedAndReplacedCasesDoNotDisturbPaging(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let created = try (0..<30).map { _ in try store.create(caseInput()) }
            let first = try store.list(CaseListQuery(limit: 10))
            try store.delete(id: created[10].id, expectedVersion: nil)
            _ = try store.replace(id: created[11].id, with: caseInput(size: 20), expectedVersion: nil)
            let second = try store.list(CaseListQuery(limit: 10, cursor: first.nextCursor))
            #expect(second.items.map(\.id) == created[11...20].map(\.id))
            #expect(second.items.first?.version == 2)
        }
    }

    @Test(arguments: StoreBackend.all) func filtersBySiteAndExternalId(backend: StoreBackend) throws {
        try withStore(backend) { store in
            var trunk: [StoredCase] = []
            for index in 0..<9 {
                let site = index % 3 == 0 ? "trunk" : "extremity"
                let stored = try store.create(caseInput(externalId: "E-\(index)", site: site))
                if site == "trunk" { trunk.append(stored) }
            }
            let bySite = try allPages(store, CaseListQuery(limit: 2, site: "trunk"))
            #expect(bySite.items == trunk)
            #expect(bySite.pages == 2)

            let byExternal = try store.list(CaseListQuery(externalId: "E-4"))
            #expect(byExternal.items.map(\.externalId) == ["E-4"])
            #expect(byExternal.nextCursor == nil)

            #expect(try store.list(CaseListQuery(site: "trunk", externalId: "E-4")).items.isEmpty)
            #expect(try store.list(CaseListQuery(site: "trunk", externalId: "E-3")).items.map(\.externalId) == ["E-3"])
            #expect(try store.list(CaseListQuery(externalId: "unknown")).items.isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func emptyStoreListsNothing(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let page = try store.list(CaseListQuery())
            #expect(page == CasePage(items: [], nextCursor: nil))
        }
    }

    @Test(
        arguments: StoreBackend.all,
        [
            "", "garbage!", "bm90LWEtY3Vyc29y", "YzotMQ", "YzoxMg==x", "ZToxMg", String(repeating: "A", count: 100),
        ])
    func invalidCursorIsRefused(backend: StoreBackend, cursor: String) throws {
        try withStore(backend) { store in
            #expect(throws: CaseStoreError.invalidCursor) {
                try store.list(CaseListQuery(cursor: cursor))
            }
        }
    }

    @Test(arguments: StoreBackend.all) func limitIsClampedToItsRange(backend: StoreBackend) throws {
        try withStore(backend) { store in
            for _ in 0..<3 { _ = try store.create(caseInput()) }
            #expect(try store.list(CaseListQuery(limit: 0)).items.count == 1)
            #expect(try store.list(CaseListQuery(limit: 10_000)).items.count == 3)
        }
    }
}
