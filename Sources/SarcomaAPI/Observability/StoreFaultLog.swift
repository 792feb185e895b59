import CaseStore
import Foundation

/// Tells the operator, on stderr, that the case store failed in a way a client only sees as
/// 503/507: a full disk or an I/O error must be found in the logs, not guessed from
/// `/metrics`. SQLite's text and code are logged; bound values never are (the store's
/// errors do not carry them). At most one line per second per kind, with the number of
/// repeats left out, so a full disk under load does not flood the log.
final class StoreFaultLog: @unchecked Sendable {
    // @unchecked: `lock` guards `lastWritten` and `suppressed`.
    static let shared = StoreFaultLog()

    private let lock = NSLock()
    private var lastWritten: [String: Date] = [:]
    private var suppressed: [String: Int] = [:]
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
        case .closed, .notFound, .duplicateExternalId, .versionMismatch, .invalidCursor: return
        default: kind = "other"
        }
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        if let last = lastWritten[kind], now.timeIntervalSince(last) < interval {
            suppressed[kind, default: 0] += 1
            return
        }
        let repeats = suppressed.removeValue(forKey: kind) ?? 0
        lastWritten[kind] = now
        let text = error.description.replacingOccurrences(of: "\"", with: "'")
        let line = "ts=\(AccessLog.timestamp()) level=error msg=\"case store fault\" kind=\(kind) "
            + "repeats_since_last=\(repeats) error=\"\(text)\"\n"
        handle.write(Data(line.utf8))
    }
}
