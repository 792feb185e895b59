import CaseStore
import HTTPServer

/// Records the audit rows of a read before its answer is sent: fail closed. When the rows
/// cannot be made durable the read fails (503/507 through `Problem.from`), so case data
/// never leaves unaudited.
enum ReadAudit {
    /// One row per case answered. `HEAD` answers no data and records nothing (safe methods
    /// stay safe); neither does an empty list.
    static func record(
        _ action: AuditAction, of cases: [(id: String, version: Int?)], for request: HTTPRequest,
        in store: any CaseStore
    ) throws(Problem) {
        guard request.method != "HEAD", !cases.isEmpty else { return }
        let context = AuditContext(request)
        do {
            try store.recordAudit(
                cases.map { AuditEntry(action: action, caseId: $0.id, caseVersion: $0.version, context: context) })
        } catch {
            throw Problem.from(error)
        }
    }
}
