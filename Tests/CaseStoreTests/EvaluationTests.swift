import Testing

@testable import CaseStore

@Suite("Evaluations")
struct EvaluationTests {
    private func evaluation(_ caseId: String, _ endpoint: String, version: Int = 1) -> EvaluationInput {
        EvaluationInput(
            caseId: caseId, caseVersion: version, endpoint: endpoint, guidelineVersion: "nccn-sts-2025.1",
            result: Array("{\"endpoint\":\"\(endpoint)\"}".utf8))
    }

    @Test(arguments: StoreBackend.all) func recordedEvaluationsAreListedInOrderAcrossPages(backend: StoreBackend) throws
    {
        try withStore(backend) { store in
            let stored = try store.create(caseInput())
            let other = try store.create(caseInput())
            let endpoints = ["staging", "margins", "imaging", "perioperative", "palliative", "assessment"]
            let recorded = try endpoints.map { try store.recordEvaluation(evaluation(stored.id, $0)) }
            _ = try store.recordEvaluation(evaluation(other.id, "staging"))
            #expect(recorded[0].caseId == stored.id)
            #expect(recorded[0].guidelineVersion == "nccn-sts-2025.1")
            #expect(recorded[0].result == Array("{\"endpoint\":\"staging\"}".utf8))

            let first = try store.evaluations(caseId: stored.id, limit: 4, cursor: nil)
            #expect(first.items == Array(recorded.prefix(4)))
            let second = try store.evaluations(caseId: stored.id, limit: 4, cursor: first.nextCursor)
            #expect(second.items == Array(recorded.dropFirst(4)))
            #expect(second.nextCursor == nil)
        }
    }

    @Test(arguments: StoreBackend.all) func evaluationOfAMissingCaseIsNotFound(backend: StoreBackend) throws {
        try withStore(backend) { store in
            #expect(throws: CaseStoreError.notFound(id: "missing")) {
                try store.recordEvaluation(evaluation("missing", "staging"))
            }
            #expect(throws: CaseStoreError.notFound(id: "missing")) {
                try store.evaluations(caseId: "missing", limit: 10, cursor: nil)
            }
        }
    }

    @Test(arguments: StoreBackend.all) func aCaseWithoutEvaluationsListsNone(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let stored = try store.create(caseInput())
            #expect(
                try store.evaluations(caseId: stored.id, limit: 10, cursor: nil)
                    == EvaluationPage(items: [], nextCursor: nil))
        }
    }

    @Test(arguments: StoreBackend.all) func deletingACaseDeletesItsEvaluations(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let doomed = try store.create(caseInput())
            let kept = try store.create(caseInput())
            _ = try store.recordEvaluation(evaluation(doomed.id, "staging"))
            _ = try store.recordEvaluation(evaluation(doomed.id, "margins"))
            let keptEvaluation = try store.recordEvaluation(evaluation(kept.id, "imaging"))
            try store.delete(id: doomed.id, expectedVersion: nil)
            #expect(try rowCount("evaluations", in: store) == 1)
            #expect(try store.evaluations(caseId: kept.id, limit: 10, cursor: nil).items == [keptEvaluation])
        }
    }

    @Test(arguments: StoreBackend.all) func aCaseCursorIsRefusedForEvaluations(backend: StoreBackend) throws {
        try withStore(backend) { store in
            let stored = try store.create(caseInput())
            _ = try store.create(caseInput())
            let cursor = try #require(try store.list(CaseListQuery(limit: 1)).nextCursor)
            #expect(throws: CaseStoreError.invalidCursor) {
                try store.evaluations(caseId: stored.id, limit: 10, cursor: cursor)
            }
        }
    }
}
