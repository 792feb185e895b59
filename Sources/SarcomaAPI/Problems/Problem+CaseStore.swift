import JSON
import CaseStore
import SarcomaGuidelines

extension Problem {
    /// The one mapping from store failures to HTTP: busy and I/O trouble are worth a retry
    /// (503 + Retry-After), a full disk is 507, conflicts are the client's to resolve.
    static func from(_ error: CaseStoreError) -> Problem {
        StoreFaultLog.shared.report(error)
        switch error {
        case .notFound(let id):
            return .notFound("no case with id '\(id)'")
        case .duplicateExternalId(let existingId):
            var extensions = JSONObject()
            extensions["existingId"] = .string(existingId)
            return Problem(
                status: 409, slug: "duplicate-external-id", title: "Case already exists",
                detail:
                    "a case with this externalId exists already (id \(existingId)); use PUT /v1/cases/\(existingId) to change it",
                extensions: extensions, headers: [("Location", "/v1/cases/\(existingId)")])
        case .versionMismatch(let current):
            return Problem(
                status: 412, slug: "precondition-failed", title: "Precondition failed",
                detail: "the case has changed (now version \(current)); GET it again and retry with its ETag")
        case .invalidCursor:
            return .badQuery("'cursor' is not a cursor this service issued")
        case .busy:
            return .databaseBusy()
        case .diskFull:
            return .insufficientStorage()
        case .ioError:
            return .unavailable("the case store had an I/O error; nothing was acknowledged")
        case .connectionLost:
            return .unavailable("the case store cannot be reached; nothing was acknowledged")
        case .closed:
            return .unavailable("the service is shutting down")
        case .sqlite, .postgres:
            // Read-only, corrupt or unopenable database: an operator's problem, worth a retry
            // once fixed; SQLite's own text goes to the server's log (StoreFaultLog), not in the answer.
            return .unavailable("the case store cannot serve this request now; nothing was acknowledged")
        default:
            return .internalError("the case store failed")
        }
    }
}
