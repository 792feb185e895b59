import Foundation

/// The one writer of a store, a thread committing queued writes in groups.
///
/// Callers block in `perform` until their write is durable. The writer thread takes every
/// pending write (up to `maxBatch`) and runs them in ONE transaction (`beginBatch`: SQLite's
/// `BEGIN IMMEDIATE`, or PostgreSQL's BEGIN and write-order lock), each inside its own
/// SAVEPOINT so a failing write is rolled back alone; then a single COMMIT (one WAL flush for
/// the whole batch). Only after COMMIT returned is each caller woken with its own result.
///
/// A full disk, an I/O error or a lost connection can lose the whole transaction (SQLite rolls
/// it back on its own when a write without a statement journal hits SQLITE_FULL, PostgreSQL
/// loses it with the connection, and a failed COMMIT loses everything). Then the batch is settled write by write (`settleAlone`): every write but the
/// one that sank it runs again, in order, in a transaction of its own, so only the writes
/// that could not be applied fail, and the writer goes on once there is room again.
///
/// `@unchecked Sendable`: `connection` is touched only by the writer thread (it is handed over
/// before the thread starts); every other mutable property is guarded by `condition`.
final class GroupCommitWriter<Database: GroupCommitDatabase>: @unchecked Sendable {
    private let condition = NSCondition()
    private let maxBatch: Int
    /// Writer thread only.
    private var connection: Database?

    // Guarded by `condition`.
    private var queue: [any QueuedWrite<Database>] = []
    private var closing = false
    private var finished = false
    private var held = false
    private var batchCount = 0

    private init(connection: Database, maxBatch: Int) {
        self.connection = connection
        self.maxBatch = maxBatch
    }

    /// Takes ownership of `connection` and starts the writer thread.
    static func start(connection: Database, maxBatch: Int) -> GroupCommitWriter {
        let writer = GroupCommitWriter(connection: connection, maxBatch: maxBatch)
        let thread = Thread { writer.run() }
        thread.name = "CaseStore.writer"
        thread.start()
        return writer
    }

    /// Queues `work`, then blocks until the batch that ran it is committed to disk.
    func perform<Value: Sendable>(
        _ work: @escaping @Sendable (Database) throws(CaseStoreError) -> Value
    ) throws(CaseStoreError) -> Value {
        let ticket = WriteTicket<Database, Value>(work)
        condition.lock()
        guard !closing else {
            condition.unlock()
            throw .closed
        }
        queue.append(ticket)
        condition.broadcast()
        condition.unlock()
        return try ticket.wait()
    }

    /// Stops accepting writes, lets the thread commit what is queued, and waits until it has
    /// closed the connection. Idempotent.
    func close() {
        condition.lock()
        closing = true
        held = false
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// True while the writer thread runs and accepts writes.
    var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !closing && !finished
    }

    // MARK: - Test hooks: build a batch deterministically, without timing

    /// Stops taking batches; writes queue up until `resume()`.
    func hold() {
        condition.lock()
        held = true
        condition.unlock()
    }

    func resume() {
        condition.lock()
        held = false
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until at least `count` writes are queued.
    func waitUntilQueued(_ count: Int) {
        condition.lock()
        while queue.count < count { condition.wait() }
        condition.unlock()
    }

    /// Batches run so far.
    var batchesRun: Int {
        condition.lock()
        defer { condition.unlock() }
        return batchCount
    }

    // MARK: - Writer thread

    private func run() {
        if let database = connection {
            while let batch = nextBatch() {
                let failures = settle(batch, on: database)
                condition.lock()
                batchCount += 1  // counted before any caller wakes, so a caller sees its batch counted
                condition.unlock()
                for (write, failure) in zip(batch, failures) { write.finish(batchFailure: failure) }
            }
        }
        connection = nil  // closes the handle, on the thread that owns it
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work; nil once closing and drained.
    private func nextBatch() -> [any QueuedWrite<Database>]? {
        condition.lock()
        defer { condition.unlock() }
        while (queue.isEmpty || held) && !closing { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = Array(queue.prefix(maxBatch))
        queue.removeFirst(batch.count)
        return batch
    }

    /// Runs the batch and returns, for each write, the failure that overrides its own outcome
    /// (nil: its own outcome stands, and it is committed if it succeeded).
    private func settle(_ batch: [any QueuedWrite<Database>], on database: Database) -> [CaseStoreError?] {
        switch commitTogether(batch, on: database) {
        case .committed:
            return Array(repeating: nil, count: batch.count)
        case .lost(let error, let culprit) where Self.isWorthSettlingAlone(error) && batch.count > 1:
            // Every write but the one that sank the transaction runs again, in batch order:
            // also those that had failed on their own, whose answer may have depended on an
            // earlier write of the lost transaction (e.g. a delete before an update).
            return batch.indices.map { index in
                index == culprit ? nil : settleAlone(batch[index], on: database)
            }
        case .lost(let error, let culprit):
            // Errors found inside the lost transaction may not hold without it (a duplicate
            // of a case created earlier in the batch): every write gets the batch's error.
            return batch.indices.map { index in
                guard index != culprit else { return nil }
                batch[index].forget()
                return error
            }
        }
    }

    /// How a group commit ended.
    private enum GroupOutcome {
        case committed
        /// Nothing of the batch was committed. `culprit` is the write whose own error made
        /// the database drop the transaction (its error is its answer); nil when BEGIN, a savepoint
        /// or COMMIT failed.
        case lost(CaseStoreError, culprit: Int?)
    }

    /// Runs the batch in one transaction, each write in its own savepoint.
    private func commitTogether(_ batch: [any QueuedWrite<Database>], on database: Database) -> GroupOutcome {
        var culprit: Int?
        do throws(CaseStoreError) {
            try database.beginBatch()
            for (index, write) in batch.enumerated() {
                try database.runBatchStatement("SAVEPOINT write")
                if let error = write.apply(on: database) {
                    // SQLite drops the whole transaction on some errors (full disk, I/O), and
                    // PostgreSQL with the connection: the writes before this one are gone too.
                    guard database.isInTransaction else {
                        culprit = index
                        throw error
                    }
                    try database.runBatchStatement("ROLLBACK TO write")
                }
                try database.runBatchStatement("RELEASE write")
            }
            try database.commitBatch()
            return .committed
        } catch {
            database.rollbackIfNeeded()
            return .lost(error, culprit: culprit)
        }
    }

    /// Full disk and I/O errors may hit one write of a batch and not the others (a smaller
    /// one may still fit); busy or closed would fail each write the same way again.
    private static func isWorthSettlingAlone(_ error: CaseStoreError) -> Bool {
        switch error {
        case .diskFull, .ioError: return true
        default: return false
        }
    }

    /// Runs one write in its own transaction; returns the failure overriding its own outcome.
    private func settleAlone(_ write: any QueuedWrite<Database>, on database: Database) -> CaseStoreError? {
        write.forget()
        do throws(CaseStoreError) {
            try database.beginBatch()
            if write.apply(on: database) != nil {
                database.rollbackIfNeeded()  // its own error is the answer; nothing to keep
                return nil
            }
            try database.commitBatch()
            return nil
        } catch {
            database.rollbackIfNeeded()
            return error
        }
    }
}
