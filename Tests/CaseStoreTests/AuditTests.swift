import Foundation
import Testing

@testable import CaseStore

/// The audit table: rows written with their change in one transaction, none for a failed
/// write, untouchable once written, queried by case, time and page.
@Suite("Audit trail")
struct AuditTests {
    static let context = AuditContext(actor: "ehr-gateway", requestId: "req-1", route: "/v1/cases")

    static func context(_ requestId: String, actor: String = "ehr-gateway", route: String = "/v1/cases/{id}")
        -> AuditContext
    {
        AuditContext(actor: actor, requestId: requestId, route: route)
    }

    private func evaluation(_ stored: StoredCase) -> EvaluationInput {
        EvaluationInput(
            caseId: stored.id, caseVersion: stored.version, endpoint: "staging", guidelineVersion: "2026.11-1",
            result: Array(#"{"t":"T1"}"#.utf8))
    }

    private func trail(_ store: any CaseStore, _ query: AuditQuery = AuditQuery(limit: 200)) throws -> [AuditRecord] {
        try store.auditTrail(query).items
    }

    private func count(_ store: any CaseStore, _ table: String) throws -> Int? {
        try rowCount(table, in: store)
    }

    @Test(arguments: StoreBackend.all) func everyAuditedWriteRecordsItsRowWithTheChange(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let created = try store.create(
                caseInput(externalId: "EHR-1"), audit: Self.context("req-create", route: "/v1/cases"))
            let replaced = try store.replace(
                id: created.id, with: caseInput(externalId: "EHR-1", size: 7), expectedVersion: 1,
                audit: Self.context("req-update"))
            let evaluated = try store.recordEvaluation(
                evaluation(replaced), audit: Self.context("req-eval", route: "/v1/cases/{id}/staging"))
            try store.delete(id: created.id, expectedVersion: 2, audit: Self.context("req-delete"))

            let rows = try trail(store)
            #expect(rows.map(\.action) == [.create, .update, .evaluate, .delete])
            #expect(rows.map(\.requestId) == ["req-create", "req-update", "req-eval", "req-delete"])
            #expect(rows.map(\.caseVersion) == [1, 2, 2, 2])
            #expect(rows.allSatisfy { $0.caseId == created.id && $0.actor == "ehr-gateway" })
            #expect(rows.map(\.route) == ["/v1/cases", "/v1/cases/{id}", "/v1/cases/{id}/staging", "/v1/cases/{id}"])
            // Written in the same transaction, with the same clock reading as the change.
            #expect(rows[0].at == created.createdAt)
            #expect(rows[2].at == evaluated.createdAt)
            #expect(Set(rows.map(\.id)).count == 4)
            // The case and its evaluations are gone; its trail is not.
            #expect(try count(store, "cases") == 0)
            #expect(try count(store, "evaluations") == 0)
            #expect(try count(store, "audit") == 4)
        }
    }

    @Test(arguments: StoreBackend.all) func aFailedWriteLeavesNoAuditRow(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let stored = try store.create(caseInput(externalId: "EHR-1"), audit: Self.context("ok"))
            #expect(throws: CaseStoreError.duplicateExternalId(existingId: stored.id)) {
                try store.create(caseInput(externalId: "EHR-1"), audit: Self.context("dup"))
            }
            #expect(throws: CaseStoreError.versionMismatch(current: 1)) {
                try store.replace(id: stored.id, with: caseInput(), expectedVersion: 5, audit: Self.context("stale"))
            }
            #expect(throws: CaseStoreError.notFound(id: "missing")) {
                try store.replace(
                    id: "missing", with: caseInput(), expectedVersion: nil, audit: Self.context("missing-put"))
            }
            #expect(throws: CaseStoreError.notFound(id: "missing")) {
                try store.delete(id: "missing", expectedVersion: nil, audit: Self.context("missing-delete"))
            }
            #expect(throws: CaseStoreError.notFound(id: "missing")) {
                try store.recordEvaluation(
                    EvaluationInput(
                        caseId: "missing", caseVersion: 1, endpoint: "staging", guidelineVersion: "x", result: []),
                    audit: Self.context("missing-eval"))
            }
            #expect(try trail(store).map(\.requestId) == ["ok"])
        }
    }

    /// The change and its row share one savepoint: if the row cannot be written, the change is
    /// rolled back too (a temporary trigger on the writer connection makes the insert fail).
    @Test func aWriteWhoseRowCannotBeWrittenIsNotApplied() throws {
        try withStore { store, _ in
            let kept = try store.create(caseInput(externalId: "kept"), audit: Self.context("kept"))
            try store.writer.perform { (database) throws(CaseStoreError) in
                try database.run(
                    "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit BEGIN SELECT RAISE(ABORT, 'audit refused in a test'); END"
                )
            }
            #expect(throws: CaseStoreError.self) {
                try store.create(caseInput(externalId: "new"), audit: Self.context("c"))
            }
            #expect(throws: CaseStoreError.self) {
                try store.replace(
                    id: kept.id, with: caseInput(externalId: "kept", size: 9), expectedVersion: nil,
                    audit: Self.context("u"))
            }
            #expect(throws: CaseStoreError.self) {
                try store.recordEvaluation(evaluation(kept), audit: Self.context("e"))
            }
            #expect(throws: CaseStoreError.self) {
                try store.delete(id: kept.id, expectedVersion: nil, audit: Self.context("d"))
            }
            #expect(throws: CaseStoreError.self) {
                try store.recordAudit(
                    AuditEntry(action: .read, caseId: kept.id, caseVersion: 1, context: Self.context("r")))
            }

            #expect(try store.list(CaseListQuery()).items.map(\.externalId) == ["kept"])
            #expect(try store.get(id: kept.id)?.version == 1)
            #expect(try count(store, "evaluations") == 0)
            #expect(try trail(store).map(\.requestId) == ["kept"])
        }
    }

    @Test func rowsCannotBeChangedOrDeletedEvenOnTheWriterConnection() throws {
        try withStore { store, _ in
            let stored = try store.create(caseInput(), audit: Self.context("req-1"))
            let attempts = [
                "UPDATE audit SET actor = 'someone-else'",
                "UPDATE audit SET case_id = NULL WHERE seq = 1",
                "DELETE FROM audit",
                "DELETE FROM audit WHERE request_id = 'req-1'",
            ]
            for sql in attempts {
                let error = #expect(throws: CaseStoreError.self) {
                    try store.writer.perform { (database) throws(CaseStoreError) in try database.run(sql) }
                }
                #expect(
                    error?.description.contains("audit rows cannot be") == true, "\(sql): \(String(describing: error))")
            }
            let rows = try trail(store)
            #expect(rows.count == 1)
            #expect(rows.first?.actor == "ehr-gateway")
            #expect(rows.first?.caseId == stored.id)
        }
    }

    @Test func theActionColumnTakesOnlyKnownActions() throws {
        try withStore { store, _ in
            let error = #expect(throws: CaseStoreError.self) {
                try store.writer.perform { (database) throws(CaseStoreError) in
                    try database.run(
                        "INSERT INTO audit (id, at, actor, action, case_id, case_version, request_id, route) VALUES ('x', 't', 'a', 'peek', NULL, NULL, 'r', '/')"
                    )
                }
            }
            if case .sqlite(let code, _, _)? = error {
                #expect(code & 0xFF == 19, "SQLITE_CONSTRAINT")
            } else {
                Issue.record("expected a CHECK failure, got \(String(describing: error))")
            }
        }
    }

    @Test(arguments: StoreBackend.all) func recordAuditWritesEveryEntryInOrderAndNothingForNone(backend: StoreBackend)
        throws
    {
        try withStore(backend) { store in
            #expect(try store.recordAudit([]).isEmpty)
            if let sqlite = store as? SQLiteCaseStore {
                #expect(sqlite.writer.batchesRun == 0, "an empty record does not wake the writer")
            }
            let entries = (1...3).map { (index: Int) in
                AuditEntry(
                    action: .list, caseId: "case-\(index)", caseVersion: index,
                    context: Self.context("list-req", route: "/v1/cases"))
            }
            let records = try store.recordAudit(entries)
            #expect(records.map(\.caseId) == ["case-1", "case-2", "case-3"])
            #expect(try trail(store) == records)
            let export = try store.recordAudit(
                AuditEntry(action: .export, caseId: nil, caseVersion: nil, context: Self.context("x")))
            #expect(export.caseId == nil && export.caseVersion == nil)
            #expect(try trail(store).last == export)
        }
    }

    @Test(arguments: StoreBackend.all) func filtersByCaseAndPagesWithoutLossOrRepeat(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let first = try store.create(caseInput(), audit: Self.context("a"))
            let second = try store.create(caseInput(), audit: Self.context("b"))
            for index in 0..<5 {
                try store.recordAudit(
                    AuditEntry(action: .read, caseId: first.id, caseVersion: 1, context: Self.context("r\(index)")))
                try store.recordAudit(
                    AuditEntry(action: .read, caseId: second.id, caseVersion: 1, context: Self.context("s\(index)")))
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try store.auditTrail(AuditQuery(limit: 2, cursor: cursor, caseId: first.id))
                #expect(page.items.count <= 2)
                seen += page.items.map(\.requestId)
                cursor = page.nextCursor
                // A row recorded between pages lands after every cursor already issued.
                if seen.count == 2 {
                    try store.recordAudit(
                        AuditEntry(action: .read, caseId: first.id, caseVersion: 1, context: Self.context("late")))
                }
            } while cursor != nil
            #expect(seen == ["a", "r0", "r1", "r2", "r3", "r4", "late"])
            #expect(try trail(store, AuditQuery(caseId: "nobody")).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func sinceSelectsRowsAtOrAfterTheInstant(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let early = try store.recordAudit(
                AuditEntry(action: .read, caseId: "c", caseVersion: 1, context: Self.context("early")))
            Thread.sleep(forTimeInterval: 0.01)
            let late = try store.recordAudit(
                AuditEntry(action: .read, caseId: "c", caseVersion: 1, context: Self.context("late")))
            let lateMilliseconds = try #require(Self.milliseconds(late.at))
            #expect(try trail(store, AuditQuery(sinceMilliseconds: lateMilliseconds)).map(\.requestId) == ["late"])
            #expect(try trail(store, AuditQuery(sinceMilliseconds: lateMilliseconds + 1)).isEmpty)
            #expect(try trail(store, AuditQuery(sinceMilliseconds: 0)).map(\.requestId) == ["early", "late"])
            let earlyMilliseconds = try #require(Self.milliseconds(early.at))
            #expect(
                try trail(store, AuditQuery(caseId: "c", sinceMilliseconds: earlyMilliseconds)).map(\.requestId) == [
                    "early", "late",
                ])
            // A cursor from before `since` does not bring earlier rows back.
            let page = try store.auditTrail(AuditQuery(limit: 1))
            #expect(
                try trail(store, AuditQuery(cursor: page.nextCursor, sinceMilliseconds: lateMilliseconds)).map(
                    \.requestId) == ["late"])
        }
    }

    /// `at` never goes back along the trail, even when the wall clock does (a row written
    /// "earlier" by the clock takes the previous row's time).
    @Test func timesNeverDecreaseAlongTheTrail() throws {
        try withStore { store, _ in
            let future = "2999-01-01T00:00:00.000Z"
            try store.writer.perform { (database) throws(CaseStoreError) in
                _ = try AuditRepository(database: database).insert(
                    AuditEntry(action: .read, caseId: "c", caseVersion: 1, context: Self.context("future")), now: future
                )
            }
            let next = try store.recordAudit(
                AuditEntry(action: .read, caseId: "c", caseVersion: 1, context: Self.context("now")))
            #expect(next.at == future)
        }
    }

    @Test(arguments: StoreBackend.all) func aCursorOfAnotherListingIsRefused(backend: StoreBackend) throws {
        try withStore(backend) { store in
            _ = try store.create(caseInput(), audit: Self.context("a"))
            _ = try store.create(caseInput(), audit: Self.context("b"))
            let caseCursor = try #require(try store.list(CaseListQuery(limit: 1)).nextCursor)
            #expect(throws: CaseStoreError.invalidCursor) { try store.auditTrail(AuditQuery(cursor: caseCursor)) }
            let auditCursor = try #require(try store.auditTrail(AuditQuery(limit: 1)).nextCursor)
            #expect(throws: CaseStoreError.invalidCursor) { try store.list(CaseListQuery(cursor: auditCursor)) }
        }
    }

    /// A database made by the previous release (migrations 0001-0002, with cases and
    /// evaluations) gains the audit table on the next open, keeping its data.
    @Test func theMigrationAppliesOnADatabaseOfTheLastRelease() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        var files = try TemporaryDatabase.shippedFiles()
        let previous = files.filter { $0.key < "0003" }
        #expect(previous.count == 2)
        let old = try database.open(migrations: database.migrationsFolder(previous, named: "release-0002"))
        #expect(old.schemaVersion == 2)
        let stored = try old.create(caseInput(externalId: "before-audit"))
        _ = try old.recordEvaluation(evaluation(stored))
        old.close()

        files = files.filter { $0.key <= "0003_audit.sql" }
        let store = try database.open(migrations: database.migrationsFolder(files, named: "release-0003"))
        defer { store.close() }
        #expect(store.schemaVersion == 3)
        #expect(store.isReady())
        #expect(try store.get(id: stored.id)?.externalId == "before-audit")
        #expect(try count(store, "evaluations") == 1)
        #expect(try trail(store).isEmpty, "history before the audit trail existed is not invented")
        _ = try store.replace(
            id: stored.id, with: caseInput(externalId: "before-audit", size: 3), expectedVersion: 1,
            audit: Self.context("first-audited"))
        #expect(try trail(store).map(\.requestId) == ["first-audited"])
    }

    /// Milliseconds since 1970 of a timestamp the store wrote, read with Foundation (independent
    /// of the store's own formatter).
    static func milliseconds(_ at: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: at).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
    }
}
