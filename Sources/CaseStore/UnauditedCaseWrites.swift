/// The writes without their audit row, for this module's tests only (internal on purpose:
/// nothing outside the store can change a case without its audit row). Both backends have
/// them, so the store contract tests run unchanged against each.
protocol UnauditedCaseWrites: CaseStore {
    func create(_ input: CaseInput) throws(CaseStoreError) -> StoredCase
    func replace(id: String, with input: CaseInput, expectedVersion: Int?) throws(CaseStoreError) -> StoredCase
    func delete(id: String, expectedVersion: Int?) throws(CaseStoreError)
    func recordEvaluation(_ input: EvaluationInput) throws(CaseStoreError) -> StoredEvaluation
}

extension SQLiteCaseStore: UnauditedCaseWrites {}
extension PostgresCaseStore: UnauditedCaseWrites {}
