import Foundation
import Locking

/// The access log's bytes on their way to the handle: request lines are appended to one
/// buffer and written by a flusher thread, so a worker pays an append, not a syscall.
///
/// Order: every write of the handle happens under `output`, and takes the buffer's bytes
/// under `condition` while holding it, so batches leave in the order their lines were
/// appended and a line is never split. Lock order: `output`, then `condition`.
final class AccessLogBatch: @unchecked Sendable {
    /// How long the first line of a batch may wait for company: short enough that an
    /// operator tailing the log sees a request at once, long enough that a busy server pays
    /// one `write` per few hundred lines instead of one per line.
    static let flushInterval: TimeInterval = 0.2
    /// A buffer this full is written by the appender at once: memory stays bounded and a
    /// burst faster than the flusher slows the workers down instead of growing the buffer.
    static let boundBytes = 64 * 1024

    /// The handle, and the spare buffer a batch is swapped into for the write.
    private struct Output {
        let handle: FileHandle
        var spare: [UInt8] = []
    }

    private let output: LockedValue<Output>
    /// Guards everything below; the flusher waits on it for the first line of a batch.
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var clock = LogTimestamp.SecondCache()
    private var flusherStarted = false
    private var flusherRunning = false
    private var closed = false

    init(handle: FileHandle) {
        var output = Output(handle: handle)
        output.spare.reserveCapacity(Self.boundBytes + 1024)
        self.output = LockedValue(output)
        pending.reserveCapacity(Self.boundBytes + 1024)
    }

    /// Appends one line, which `format` writes at the end of the buffer (with the shared
    /// second cache of the timestamp). Starts the flusher on the first line ever, so a log
    /// that never sees a request (most tests) never has a thread.
    func append(_ format: (inout [UInt8], inout LogTimestamp.SecondCache) -> Void) {
        condition.lock()
        let wasEmpty = pending.isEmpty
        format(&pending, &clock)
        let writeNow = closed || pending.count >= Self.boundBytes
        if !writeNow && wasEmpty {
            if !flusherStarted { startFlusher() }
            condition.signal()
        }
        condition.unlock()
        if writeNow { flush() }
    }

    /// Writes `line` at once, after every line buffered before it.
    func writeNow(_ line: [UInt8]) {
        write(appending: line)
    }

    /// Writes the buffered lines now (nothing when there are none).
    func flush() {
        write(appending: [])
    }

    /// Stops the flusher thread (waiting for it to end) and writes what is left. Idempotent;
    /// later lines are written one by one.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while flusherRunning { condition.wait() }
        condition.unlock()
        flush()
    }

    private func write(appending extra: [UInt8]) {
        output.withLock { output in
            condition.lock()
            swap(&pending, &output.spare)
            condition.unlock()
            output.spare.append(contentsOf: extra)
            guard !output.spare.isEmpty else { return }
            let handle = output.handle
            output.spare.withUnsafeMutableBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let end = Self.pieceEnd(bytes, from: start)
                    let piece = UnsafeMutableRawBufferPointer(rebasing: bytes[start..<end])
                    handle.write(Data(bytesNoCopy: piece.baseAddress!, count: piece.count, deallocator: .none))
                    start = end
                }
            }
            output.spare.removeAll(keepingCapacity: true)
        }
    }

    /// The end of the next piece to write from `start`: whole lines, at most `atomicBytes`
    /// (one longer line alone). The store's fault lines share stdout; a pipe keeps a write
    /// this short in one piece, so theirs can only fall between lines, never inside one.
    static func pieceEnd(_ bytes: UnsafeMutableRawBufferPointer, from start: Int) -> Int {
        let limit = min(bytes.count, start + atomicBytes)
        if limit == bytes.count { return limit }
        var end = limit
        while end > start && bytes[end - 1] != UInt8(ascii: "\n") { end -= 1 }
        if end > start { return end }
        end = limit
        while end < bytes.count && bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
        return end
    }

    /// PIPE_BUF on Linux: the longest write a pipe never interleaves with another writer's.
    static let atomicBytes = 4096

    /// Called with `condition` held.
    private func startFlusher() {
        flusherStarted = true
        flusherRunning = true
        let thread = Thread { [self] in runFlusher() }
        thread.name = "access-log"
        thread.start()
    }

    /// Sleeps until a batch begins, lets it gather for `flushInterval`, writes it; an idle
    /// log never wakes.
    private func runFlusher() {
        condition.lock()
        while !closed {
            if pending.isEmpty {
                condition.wait()
                continue
            }
            let deadline = Date(timeIntervalSinceNow: Self.flushInterval)
            while !closed && condition.wait(until: deadline) {}
            condition.unlock()
            flush()
            condition.lock()
        }
        flusherRunning = false
        condition.broadcast()
        condition.unlock()
    }
}
