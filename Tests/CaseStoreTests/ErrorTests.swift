import Testing

@testable import CaseStore

@Suite("Errors")
struct ErrorTests {
    /// Patient-like values that must never show up in an error's text.
    static let secret = "Jane Doe 1961-02-03 MRN-4711"

    private func expectNoSecret(_ error: CaseStoreError?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else {
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return
        }
        for text in [error.description, String(reflecting: error), "\(error)"] {
            #expect(!text.contains("Jane Doe"), "\(text)", sourceLocation: sourceLocation)
            #expect(!text.contains("MRN-4711"), "\(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func duplicateExternalIdErrorDoesNotContainTheExternalId() throws {
        try withStore { store, _ in
            _ = try store.create(caseInput(externalId: Self.secret))
            let error = #expect(throws: CaseStoreError.self) { try store.create(caseInput(externalId: Self.secret)) }
            expectNoSecret(error)
        }
    }

    @Test func sqliteConstraintErrorsDoNotContainBoundValues() throws {
        try withStore { store, _ in
            let existing = try store.create(caseInput())
            let insert = """
                INSERT INTO cases (id, external_id, site, document, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
            let attempts: [[SQLValue]] = [
                // UNIQUE on id
                [
                    .text(existing.id), .text(Self.secret), .text(Self.secret), .text(Self.secret), .integer(1),
                    .text("t"), .text("t"),
                ],
                // STRICT: TEXT into an INTEGER column
                [.text("new-id"), .null, .text("x"), .text("{}"), .text(Self.secret), .text("t"), .text("t")],
                // CHECK (version >= 1)
                [
                    .text("new-id"), .text(Self.secret), .text(Self.secret), .text(Self.secret), .integer(0),
                    .text("t"), .text("t"),
                ],
                // NOT NULL
                [.text("new-id"), .text(Self.secret), .null, .text(Self.secret), .integer(1), .text("t"), .text("t")],
            ]
            for parameters in attempts {
                let error = #expect(throws: CaseStoreError.self) {
                    try store.writer.perform { (database) throws(CaseStoreError) in try database.run(insert, parameters)
                    }
                }
                if case .sqlite(let code, _, let message)? = error {
                    #expect(code & 0xFF == 19, "SQLITE_CONSTRAINT: \(message)")
                } else {
                    Issue.record("expected a constraint error, got \(String(describing: error))")
                }
                expectNoSecret(error)
            }
        }
    }

    @Test func sqliteErrorsCarryTheExtendedCodeAndOperation() throws {
        try withStore { store, _ in
            let existing = try store.create(caseInput())
            let error = #expect(throws: CaseStoreError.self) {
                try store.writer.perform { (database) throws(CaseStoreError) in
                    try database.run(
                        "INSERT INTO cases (id, site, document, version, created_at, updated_at) VALUES (?, 'x', '{}', 1, 't', 't')",
                        [.text(existing.id)])
                }
            }
            guard case .sqlite(let code, let operation, let message)? = error else {
                Issue.record("expected .sqlite, got \(String(describing: error))")
                return
            }
            #expect(code == CaseStoreError.constraintUnique)
            #expect(operation.contains("INSERT INTO cases"))
            #expect(message.contains("cases.id"))
        }
    }

    @Test func diskFullIsReportedAndTheStoreRecoversOnceThereIsRoom() throws {
        try withStore { store, _ in
            _ = try store.create(caseInput())
            let large = CaseInput(
                externalId: nil, site: "trunk", document: Array(repeating: UInt8(ascii: "x"), count: 200_000))
            try store.writer.perform { (database) throws(CaseStoreError) in
                let pages = try database.firstRow("PRAGMA page_count") { $0.integer(0) } ?? 1
                try database.run("PRAGMA max_page_count = \(pages)")
            }
            #expect(throws: CaseStoreError.diskFull) { try store.create(large) }
            #expect(try store.list(CaseListQuery()).items.count == 1)

            try store.writer.perform { (database) throws(CaseStoreError) in
                try database.run("PRAGMA max_page_count = 1073741823")
            }
            let stored = try store.create(large)
            #expect(try store.get(id: stored.id)?.document.count == 200_000)
            #expect(try store.readValue("PRAGMA integrity_check") { $0.text(0) } == "ok")
        }
    }

    @Test(arguments: [
        (CaseStoreError.busy, "busy"), (.diskFull, "full"), (.closed, "closed"), (.invalidCursor, "cursor"),
        (.ioError(code: 266, message: "disk I/O error"), "266"),
        (.cannotOpen(path: "/x/y.sqlite", reason: "nope"), "/x/y.sqlite"),
        (.invalidMigration(file: "0003_x.sql", reason: "bad"), "0003_x.sql"),
    ])
    func descriptionsNameWhatHappened(error: CaseStoreError, fragment: String) {
        #expect(error.description.contains(fragment))
    }

    @Test func sqliteCodesMapToTheCasesTheHTTPLayerNeeds() {
        #expect(CaseStoreError(sqliteCode: 5, operation: "x", database: nil) == .busy)
        #expect(CaseStoreError(sqliteCode: 5 | (2 << 8), operation: "x", database: nil) == .busy)
        #expect(CaseStoreError(sqliteCode: 6, operation: "x", database: nil) == .busy)
        #expect(CaseStoreError(sqliteCode: 13, operation: "x", database: nil) == .diskFull)
        guard case .ioError(let code, _) = CaseStoreError(sqliteCode: 10 | (4 << 8), operation: "x", database: nil)
        else {
            Issue.record("SQLITE_IOERR_WRITE should be an ioError")
            return
        }
        #expect(code == 10 | (4 << 8))
    }
}

@Suite("Busy database")
struct BusyTests {
    @Test func anotherProcessHoldingTheWriteLockIsBusyThenClears() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        var configuration = database.configuration()
        configuration.busyTimeoutMilliseconds = 20
        let store = try SQLiteCaseStore.open(configuration)
        defer { store.close() }
        // A separate connection stands in for another process holding the write lock.
        let other = try Connection.open(path: database.path, busyTimeoutMilliseconds: 0, readOnly: false)
        try other.run("BEGIN IMMEDIATE")
        #expect(throws: CaseStoreError.busy) { try store.create(caseInput(externalId: "waits")) }
        try other.run("ROLLBACK")
        #expect(try store.create(caseInput(externalId: "waits")).externalId == "waits")
        #expect(store.isReady())
    }
}
