import Foundation

/// The one writer connection, owned by one thread, committing queued writes in groups.
///
/// Callers block in `perform` until their write is durable. The writer thread takes every
/// pending write (up to `maxBatch`) and runs them in ONE `BEGIN IMMEDIATE` transaction, each
/// inside its own SAVEPOINT so a failing write is rolled back alone; then a single COMMIT (one
/// WAL sync for the whole batch). Only after COMMIT returned is each caller woken with its own
/// result; if COMMIT fails, every write of the batch fails.
///
/// `@unchecked Sendable`: `connection` is touched only by the writer thread (it is handed over
/// before the thread starts); every other mutable property is guarded by `condition`.
final class GroupCommitWriter: @unchecked Sendable {
    private let condition = NSCondition()
    private let maxBatch: Int
    /// Writer thread only.
    private var connection: Connection?

    // Guarded by `condition`.
    private var queue: [any QueuedWrite] = []
    private var closing = false
    private var finished = false
    private var held = false
    private var batchCount = 0

    private init(connection: Connection, maxBatch: Int) {
        self.connection = connection
        self.maxBatch = maxBatch
    }

    /// Takes ownership of `connection` and starts the writer thread.
    static func start(connection: Connection, maxBatch: Int) -> GroupCommitWriter {
        let writer = GroupCommitWriter(connection: connection, maxBatch: maxBatch)
        let thread = Thread { writer.run() }
        thread.name = "CaseStore.writer"
        thread.start()
        return writer
    }

    /// Queues `work`, then blocks until the batch that ran it is committed to disk.
    func perform<Value: Sendable>(
        _ work: @escaping @Sendable (Connection) throws(CaseStoreError) -> Value
    ) throws(CaseStoreError) -> Value {
        let ticket = WriteTicket(work)
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
                let batchFailure = commit(batch, on: database)
                condition.lock()
                batchCount += 1  // counted before any caller wakes, so a caller sees its batch counted
                condition.unlock()
                batch.forEach { $0.finish(batchFailure: batchFailure) }
            }
        }
        connection = nil  // closes the handle, on the thread that owns it
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work; nil once closing and drained.
    private func nextBatch() -> [any QueuedWrite]? {
        condition.lock()
        defer { condition.unlock() }
        while (queue.isEmpty || held) && !closing { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = Array(queue.prefix(maxBatch))
        queue.removeFirst(batch.count)
        return batch
    }

    /// Runs the batch in one transaction; returns the failure that sinks the whole batch, if any.
    private func commit(_ batch: [any QueuedWrite], on database: Connection) -> CaseStoreError? {
        var batchFailure: CaseStoreError?
        do throws(CaseStoreError) {
            try database.run("BEGIN IMMEDIATE")
            for write in batch {
                try database.run("SAVEPOINT write")
                if let error = write.apply(on: database) {
                    // SQLite drops the whole transaction on some errors (full disk, I/O):
                    // the writes before this one are gone too, so the batch fails with it.
                    guard database.isInTransaction else { throw error }
                    try database.run("ROLLBACK TO write")
                }
                try database.run("RELEASE write")
            }
            try database.run("COMMIT")
        } catch {
            batchFailure = error
            database.rollbackIfNeeded()
        }
        return batchFailure
    }
}
