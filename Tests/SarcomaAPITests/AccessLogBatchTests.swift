import Dispatch
import Foundation
import HTTPServer
import Testing

@testable import SarcomaAPI

/// Request lines are batched: none is lost, split or reordered, a quiet log still shows a
/// line soon, and `event` lines and `flush()` write what was buffered before them.
@Suite("Access log batching")
struct AccessLogBatchTests {
    /// A log writing to a fresh temporary file, and that file's text.
    final class LogFile: Sendable {
        let url: URL
        let log: AccessLog

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("access-log-\(UUID().uuidString).log")
            try Data().write(to: url)
            log = AccessLog(handle: try FileHandle(forWritingTo: url))
        }

        var lines: [String] {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }

        deinit {
            log.close()
            try? FileManager.default.removeItem(at: url)
        }
    }

    static func record(_ requestID: String) -> RequestLogRecord {
        RequestLogRecord(
            method: "GET", routeTemplate: "/health", status: 200, durationSeconds: 0.001, requestID: requestID,
            bytesIn: 0, bytesOut: 15)
    }

    /// Well past the 64 KiB bound, so appenders write full buffers while the flusher runs.
    @Test(arguments: [(threads: 8, linesEach: 2_000), (threads: 3, linesEach: 5)])
    func linesFromManyThreadsArriveWholeAndInPerThreadOrder(threads: Int, linesEach: Int) throws {
        let file = try LogFile()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<linesEach { file.log.write(Self.record("\(thread)-\(index)")) }
        }
        file.log.flush()
        let lines = file.lines
        #expect(lines.count == threads * linesEach)
        var next = Array(repeating: 0, count: threads)
        var malformed = 0
        let requestLine =
            #/^ts=\S+ level=info msg=request method=GET route=/health status=200 duration_ms=1\.0 request_id=(?<thread>\d+)-(?<index>\d+) client=-$/#
        for line in lines {
            guard let match = line.wholeMatch(of: requestLine), let thread = Int(match.thread),
                let index = Int(match.index), thread < threads
            else {
                malformed += 1
                continue
            }
            #expect(index == next[thread], "thread \(thread): line \(index) after \(next[thread] - 1)")
            next[thread] = index + 1
        }
        #expect(malformed == 0)
        #expect(next == Array(repeating: linesEach, count: threads))
    }

    @Test func aLineAppearsSoonWithoutAnotherRequest() throws {
        let file = try LogFile()
        file.log.write(Self.record("1-0"))
        // Generous: the flusher writes after about 0.2 s; this only proves it does so unasked.
        let deadline = Date().addingTimeInterval(10)
        while file.lines.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(file.lines.count == 1)
        #expect(file.lines.first?.contains("request_id=1-0 ") == true)
    }

    @Test func anEventFollowsTheRequestLinesBufferedBeforeIt() throws {
        let file = try LogFile()
        for index in 0..<3 { file.log.write(Self.record("0-\(index)")) }
        file.log.event("signal 15: draining")
        // Read at once, without flush(): the event itself wrote the buffered lines first.
        let lines = file.lines
        #expect(lines.count == 4)
        #expect(lines.prefix(3).map { $0.contains("request_id=0-") } == [true, true, true])
        #expect(lines.last?.hasSuffix(#"level=info msg="signal 15: draining""#) == true)
    }

    @Test func flushWritesEverythingAndCloseLeavesLinesUnbuffered() throws {
        let file = try LogFile()
        for index in 0..<100 { file.log.write(Self.record("0-\(index)")) }
        file.log.flush()
        #expect(file.lines.count == 100)
        file.log.write(Self.record("0-100"))
        file.log.close()
        #expect(file.lines.count == 101)
        file.log.write(Self.record("0-101"))
        #expect(file.lines.count == 102, "after close, a line is written at once")
        file.log.close()
    }

    /// Writes are cut into whole lines of at most 4096 bytes (one longer line alone), which
    /// a pipe never interleaves with the store's fault lines: (line lengths, piece lengths).
    @Test(arguments: [
        ([10], [10]), ([100, 100], [200]), ([4000, 96], [4096]), ([4000, 97], [4000, 97]),
        ([5000], [5000]), ([10, 5000, 10], [10, 5000, 10]), (Array(repeating: 1000, count: 9), [4000, 4000, 1000]),
    ])
    func writesAreWholeLinesOfAtMostAPipeBuffer(lines: [Int], pieces: [Int]) {
        var bytes = lines.flatMap { Array(repeating: UInt8(ascii: "x"), count: $0 - 1) + [UInt8(ascii: "\n")] }
        let found = bytes.withUnsafeMutableBytes { buffer in
            var ends: [Int] = []
            var start = 0
            while start < buffer.count {
                let end = AccessLogBatch.pieceEnd(buffer, from: start)
                ends.append(end - start)
                start = end
            }
            return ends
        }
        #expect(found == pieces)
    }
}
