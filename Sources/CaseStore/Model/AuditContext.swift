/// Who acts, through which request and route: the part of an audit row the caller knows
/// before the store has done anything (the store adds the id, time, action and case).
public struct AuditContext: Sendable, Equatable {
    /// An access token's name, a JWT's issuer and subject, or the fixed name the API uses
    /// when no tokens are configured. Never a credential.
    public var actor: String
    /// The request's id (its `X-Request-ID`), so the row can be matched with the access log.
    public var requestId: String
    /// The route template, e.g. `/v1/cases/{id}` (never a path holding patient data).
    public var route: String

    public init(actor: String, requestId: String, route: String) {
        self.actor = actor
        self.requestId = requestId
        self.route = route
    }
}
