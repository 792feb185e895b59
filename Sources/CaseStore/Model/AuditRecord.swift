/// An audit row as stored.
public struct AuditRecord: Sendable, Equatable {
    /// Lowercase UUID issued when recorded.
    public var id: String
    /// RFC 3339 UTC with milliseconds; never earlier than the row recorded before it.
    public var at: String
    public var actor: String
    public var action: AuditAction
    public var caseId: String?
    public var caseVersion: Int?
    public var requestId: String
    public var route: String

    public init(
        id: String, at: String, actor: String, action: AuditAction, caseId: String?, caseVersion: Int?,
        requestId: String, route: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.caseId = caseId
        self.caseVersion = caseVersion
        self.requestId = requestId
        self.route = route
    }
}
