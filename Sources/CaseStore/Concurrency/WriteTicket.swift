import Foundation
import Locking

/// A write waiting in the `GroupCommitWriter`'s queue, seen without its result type.
protocol QueuedWrite<Database>: AnyObject, Sendable {
    associatedtype Database: GroupCommitDatabase
    /// Runs the write on the writer thread, inside the batch's savepoint for it. Returns its
    /// error so the writer can roll back just this write. May run a second time, alone, when
    /// the batch's transaction was lost before COMMIT (nothing of the first run remains), so
    /// the work must depend only on the database and its inputs.
    func apply(on connection: Database) -> CaseStoreError?
    /// Discards the outcome of a run whose transaction was lost, before the write runs again
    /// alone (an error found inside the lost transaction may no longer hold).
    func forget()
    /// Called once the batch is settled. `batchFailure` (COMMIT failed, or SQLite dropped the
    /// transaction) overrides this write's own success; a write that already failed keeps its
    /// own, more precise error. Then wakes the caller.
    func finish(batchFailure: CaseStoreError?)
}

/// One caller's write and, once its batch is settled, its outcome.
///
/// `@unchecked Sendable` because `outcome` is mutable, yet safe: it is written only by the
/// writer thread (in `apply` and `finish`) and read by the caller only after `wait()`
/// returned, which the semaphore orders after `finish`'s `signal()`.
final class WriteTicket<Database: GroupCommitDatabase, Value: Sendable>: QueuedWrite, @unchecked Sendable {
    private let work: @Sendable (Database) throws(CaseStoreError) -> Value
    private var outcome: Result<Value, CaseStoreError>?
    private let settled = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable (Database) throws(CaseStoreError) -> Value) {
        self.work = work
    }

    func apply(on connection: Database) -> CaseStoreError? {
        do {
            outcome = .success(try work(connection))
            return nil
        } catch {
            outcome = .failure(error)
            return error
        }
    }

    func forget() {
        outcome = nil
    }

    func finish(batchFailure: CaseStoreError?) {
        if let batchFailure {
            if case .failure = outcome {} else { outcome = .failure(batchFailure) }
        }
        settled.signal()
    }

    /// Blocks until the batch holding this write is committed (or failed); announced, so the
    /// server lets another worker run meanwhile (the batch grows with the waiters).
    func wait() throws(CaseStoreError) -> Value {
        BlockingWait.around { settled.wait() }
        guard let outcome else { preconditionFailure("a settled write has an outcome") }
        return try outcome.get()
    }
}
