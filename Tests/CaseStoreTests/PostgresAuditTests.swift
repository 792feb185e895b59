import Foundation
import Testing

@testable import CaseStore

/// The PostgreSQL twins of the audit tests that reach into SQLite's writer connection
/// (`AuditTests`): the behaviour is the backend's to guarantee, so PostgreSQL must show it
/// too. Each test has its own schema, so a trigger added here touches no other test.
@Suite("Audit trail on PostgreSQL", .enabled(if: StoreBackend.all.contains(.postgres)))
struct PostgresAuditTests {
    static func context(_ requestId: String) -> AuditContext {
        AuditContext(actor: "ehr-gateway", requestId: requestId, route: "/v1/cases/{id}")
    }

    /// Opens a store on a fresh schema; `body` gets it, then it is closed.
    func withPostgresStore(_ body: (PostgresCaseStore) throws -> Void) throws {
        let location = try TestStoreLocation(.postgres)
        let store = try #require(try location.open() as? PostgresCaseStore)
        defer { store.close() }
        try body(store)
    }

    /// Runs fixed SQL on a pooled connection of `store`, outside the store's own writes.
    func run(_ sql: String, on store: PostgresCaseStore) throws(CaseStoreError) {
        try store.pool.withConnection { (database) throws(CaseStoreError) in
            try database.executeScript(sql, operation: "a test's statement")
        }
    }

    /// The change and its row share one transaction: if the row cannot be written (a trigger
    /// refuses every audit insert), the change is rolled back too.
    @Test func aWriteWhoseRowCannotBeWrittenIsNotApplied() throws {
        try withPostgresStore { store in
            let kept = try store.create(caseInput(externalId: "kept"), audit: Self.context("kept"))
            try run(
                """
                CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit refused in a test'; END; $$;
                CREATE TRIGGER refuse_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION refuse_audit();
                """, on: store)
            #expect(throws: CaseStoreError.self) {
                try store.create(caseInput(externalId: "new"), audit: Self.context("c"))
            }
            #expect(throws: CaseStoreError.self) {
                try store.replace(
                    id: kept.id, with: caseInput(externalId: "kept", size: 9), expectedVersion: nil,
                    audit: Self.context("u"))
            }
            #expect(throws: CaseStoreError.self) {
                try store.recordEvaluation(
                    EvaluationInput(
                        caseId: kept.id, caseVersion: 1, endpoint: "staging", guidelineVersion: "2026.11-1",
                        result: Array(#"{"t":"T1"}"#.utf8)), audit: Self.context("e"))
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
            #expect(try rowCount("evaluations", in: store) == 0)
            #expect(try store.auditTrail(AuditQuery(limit: 10)).items.map(\.requestId) == ["kept"])
        }
    }

    @Test func theActionColumnTakesOnlyKnownActions() throws {
        try withPostgresStore { store in
            let error = #expect(throws: CaseStoreError.self) {
                try run(
                    "INSERT INTO audit (id, at, actor, action, case_id, case_version, request_id, route) "
                        + "VALUES ('x', 't', 'a', 'peek', NULL, NULL, 'r', '/')", on: store)
            }
            if case .postgres(let sqlState, _, _)? = error {
                #expect(sqlState == "23514", "check_violation")
            } else {
                Issue.record("expected a CHECK failure, got \(String(describing: error))")
            }
        }
    }

    /// `at` never goes back along the trail, even when the wall clock does (a row written
    /// "earlier" by the clock takes the previous row's time).
    @Test func timesNeverDecreaseAlongTheTrail() throws {
        try withPostgresStore { store in
            let future = "2999-01-01T00:00:00.000Z"
            _ = try store.pool.writeTransaction { (database) throws(CaseStoreError) in
                try PostgresAuditRepository(database: database).insert(
                    AuditEntry(action: .read, caseId: "c", caseVersion: 1, context: Self.context("future")), now: future
                )
            }
            let next = try store.recordAudit(
                AuditEntry(action: .read, caseId: "c", caseVersion: 1, context: Self.context("now")))
            #expect(next.at == future)
        }
    }
}
