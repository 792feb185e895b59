import CaseStore
import HTTPServer

extension AuditContext {
    /// Who acts (the name the access gate put on the request), the request's id and the
    /// matched route's template, for the audit trail.
    init(_ request: HTTPRequest) {
        self.init(
            actor: request.clientName ?? Self.unidentified, requestId: request.requestID,
            route: request.routeTemplate ?? request.path)
    }

    /// The actor of a request nobody identified. Unreachable for audited routes: none is
    /// public, and without tokens the gate names every caller `(local)`.
    static let unidentified = "(unidentified)"
}
