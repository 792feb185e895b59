import Foundation
import HTTPServer
import Synchronization
import UTCTime

/// One logfmt line per answered request on stdout: method, route template (never the raw
/// path, which may carry identifiers), status, duration and request id. No bodies, no
/// query strings, no patient data; `client=` is the access token's name (`-` when none),
/// never the token.
public final class AccessLog: Sendable {
    /// Behind a mutex so lines from worker threads never interleave.
    private let handle: Mutex<FileHandle>

    public init(handle: FileHandle = .standardOutput) {
        self.handle = Mutex(handle)
    }

    public func write(_ record: RequestLogRecord) {
        let milliseconds = (record.durationSeconds * 1_000_000).rounded() / 1_000
        let line =
            "ts=\(Self.timestamp()) level=info msg=request method=\(MetricsRegistry.methodLabel(record.method)) "
            + "route=\(record.routeTemplate ?? "unmatched") status=\(record.status) "
            + "duration_ms=\(milliseconds) request_id=\(record.requestID) client=\(record.clientName ?? "-")\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }

    /// Any other operational line (start-up, shutdown); never patient data.
    public func event(_ message: String, level: String = "info") {
        let line =
            "ts=\(Self.timestamp()) level=\(level) msg=\"\(message.replacingOccurrences(of: "\"", with: "'"))\"\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }

    static func timestamp() -> String {
        UTCInstant.now().rfc3339
    }
}
