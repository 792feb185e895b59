import Foundation
import HTTPServer
import Locking
import UTCTime

/// One logfmt line per answered request on stdout: method, route template (never the raw
/// path, which may carry identifiers), status, duration and request id. No bodies, no
/// query strings, no patient data; `client=` is the access token's name (`-` when none),
/// never the token.
public final class AccessLog: Sendable {
    /// The handle, and a line buffer and timestamp reused from line to line; behind a mutex
    /// so lines from worker threads never interleave (the write was under it already).
    private struct Output {
        let handle: FileHandle
        var line: [UInt8] = []
        var clock = LogTimestamp.SecondCache()
    }

    private let output: LockedValue<Output>

    public init(handle: FileHandle = .standardOutput) {
        var output = Output(handle: handle)
        output.line.reserveCapacity(256)
        self.output = LockedValue(output)
    }

    public func write(_ record: RequestLogRecord) {
        // Written as bytes: string interpolation, `Double.description` and Foundation's date
        // style took 20,000 instructions a line, nearly as much as the rest of a `/health` answer.
        let now = UTCInstant.now()
        let method = MetricsRegistry.methodLabel(record.method)
        let microseconds = Int((record.durationSeconds * 1_000_000).rounded())
        output.withLock { output in
            output.line.removeAll(keepingCapacity: true)
            output.line.append(contentsOf: Self.timestampKey)
            output.clock.append(now, to: &output.line)
            output.line.append(contentsOf: Self.requestKey)
            Self.append(method, to: &output.line)
            output.line.append(contentsOf: Self.routeKey)
            Self.append(record.routeTemplate ?? RequestLogRecord.unmatchedRoute, to: &output.line)
            output.line.append(contentsOf: Self.statusKey)
            Self.appendInteger(record.status, to: &output.line)
            output.line.append(contentsOf: Self.durationKey)
            Self.appendMilliseconds(microseconds: microseconds, to: &output.line)
            output.line.append(contentsOf: Self.requestIDKey)
            Self.append(record.requestID, to: &output.line)
            output.line.append(contentsOf: Self.clientKey)
            Self.append(record.clientName ?? "-", to: &output.line)
            output.line.append(UInt8(ascii: "\n"))
            let handle = output.handle
            output.line.withUnsafeMutableBytes { bytes in
                handle.write(Data(bytesNoCopy: bytes.baseAddress!, count: bytes.count, deallocator: .none))
            }
        }
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
        output.withLock { $0.handle.write(Data(line.utf8)) }
    }

    static func timestamp() -> String {
        UTCInstant.now().rfc3339
    }
}
