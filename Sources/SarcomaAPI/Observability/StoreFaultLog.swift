import CaseStore
import Foundation
import Locking

/// Tells the operator, on stderr, that the case store failed in a way a client only sees as
/// 503/507: a full disk or an I/O error must be found in the logs, not guessed from
/// `/metrics`. SQLite's text and code are logged; bound values never are (the store's
/// errors do not carry them). At most one line per second per kind, with the number of
/// repeats left out, so a full disk under load does not flood the log.
final class StoreFaultLog: Sendable {
    static let shared = StoreFaultLog()

    /// Per kind: when a line was last written, and how many were left out since.
    private struct Throttle {
        var lastWritten: [String: Date] = [:]
        var suppressed: [String: Int] = [:]
    }

    private let throttle = LockedValue(Throttle())
    private let handle: FileHandle
    private let interval: TimeInterval

    init(handle: FileHandle = .standardError, interval: TimeInterval = 1) {
        self.handle = handle
        self.interval = interval
    }

    /// Logs `error` if it is a fault of the store (not a client's conflict or a missing case).
    func report(_ error: CaseStoreError) {
        let kind: String
        switch error {
        case .busy: kind = "busy"
        case .diskFull: kind = "disk_full"
        case .ioError: kind = "io_error"
        case .sqlite: kind = "sqlite"
        case .connectionLost: kind = "connection_lost"
        case .postgres: kind = "postgres"
        case .closed, .notFound, .duplicateExternalId, .versionMismatch, .invalidCursor: return
        default: kind = "other"
        }
        let now = Date()
        let text = error.description.replacingOccurrences(of: "\"", with: "'")
        throttle.withLock { throttle in
            if let last = throttle.lastWritten[kind], now.timeIntervalSince(last) < interval {
                throttle.suppressed[kind, default: 0] += 1
                return
            }
            let repeats = throttle.suppressed.removeValue(forKey: kind) ?? 0
            throttle.lastWritten[kind] = now
            let line =
                "ts=\(AccessLog.timestamp()) level=error msg=\"case store fault\" kind=\(kind) "
                + "repeats_since_last=\(repeats) error=\"\(text)\"\n"
            // Written under the lock, so the lines keep the order of their counts.
            handle.write(Data(line.utf8))
        }
    }
}
