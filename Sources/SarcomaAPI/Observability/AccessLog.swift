import Foundation
import HTTPServer
import Locking
import UTCTime

/// One logfmt line per answered request on stdout: method, route template (never the raw
/// path, which may carry identifiers), status, duration and request id. No bodies, no
/// query strings, no patient data; `client=` is the access token's name (`-` when none),
/// never the token.
///
/// Request lines are batched (`AccessLogBatch`): a `write` syscall per line under one lock
/// serialised the workers. A crash can lose at most the last `flushInterval` of request
/// lines (docs/decisions.md); `event` lines are written at once.
public final class AccessLog: Sendable {
    private let batch: AccessLogBatch

    public init(handle: FileHandle = .standardOutput) {
        batch = AccessLogBatch(handle: handle)
    }

    deinit {
        batch.close()
    }

    public func write(_ record: RequestLogRecord) {
        // Written as bytes: string interpolation, `Double.description` and Foundation's date
        // style took 20,000 instructions a line, nearly as much as the rest of a `/health` answer.
        let now = UTCInstant.now()
        let method = MetricsRegistry.methodLabel(record.method)
        let microseconds = Int((record.durationSeconds * 1_000_000).rounded())
        batch.append { line, clock in
            line.append(contentsOf: Self.timestampKey)
            clock.append(now, to: &line)
            line.append(contentsOf: Self.requestKey)
            Self.append(method, to: &line)
            line.append(contentsOf: Self.routeKey)
            Self.append(record.routeTemplate ?? RequestLogRecord.unmatchedRoute, to: &line)
            line.append(contentsOf: Self.statusKey)
            Self.appendInteger(record.status, to: &line)
            line.append(contentsOf: Self.durationKey)
            Self.appendMilliseconds(microseconds: microseconds, to: &line)
            line.append(contentsOf: Self.requestIDKey)
            Self.append(record.requestID, to: &line)
            line.append(contentsOf: Self.clientKey)
            Self.append(record.clientName ?? "-", to: &line)
            line.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes every buffered request line now: the shutdown path calls it once the server
    /// has drained, so a clean stop loses none.
    public func flush() {
        batch.flush()
    }

    /// Flushes and stops the flusher thread; lines written afterwards go out one by one.
    public func close() {
        batch.close()
    }

    private static let timestampKey = Array("ts=".utf8)
    private static let requestKey = Array(" level=info msg=request method=".utf8)
    private static let routeKey = Array(" route=".utf8)
    private static let statusKey = Array(" status=".utf8)
    private static let durationKey = Array(" duration_ms=".utf8)
    private static let requestIDKey = Array(" request_id=".utf8)
    private static let clientKey = Array(" client=".utf8)

    private static func append(_ text: String, to line: inout [UInt8]) {
        var text = text
        text.withUTF8 { line.append(contentsOf: $0) }
    }

    private static func appendInteger(_ value: Int, to line: inout [UInt8]) {
        if value < 0 { line.append(UInt8(ascii: "-")) }
        LogTimestamp.appendDigits(abs(value), width: 1, to: &line)
    }

    /// Microseconds as milliseconds, the way `Double.description` prints `µs / 1000`
    /// (`0.123`, `12.5`, `7.0`): at most three decimals, trailing zeros dropped, at least one.
    static func appendMilliseconds(microseconds: Int, to line: inout [UInt8]) {
        appendInteger(microseconds / 1000, to: &line)
        line.append(UInt8(ascii: "."))
        var fraction = abs(microseconds % 1000)
        var width = 3
        while width > 1 && fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        LogTimestamp.appendDigits(fraction, width: width, to: &line)
    }

    /// Any other operational line (start-up, shutdown); never patient data.
    public func event(_ message: String, level: String = "info") {
        let line =
            "ts=\(Self.timestamp()) level=\(level) msg=\"\(message.replacingOccurrences(of: "\"", with: "'"))\"\n"
        batch.writeNow(Array(line.utf8))
    }

    static func timestamp() -> String {
        UTCInstant.now().rfc3339
    }
}
