/// One page request of `CaseStore.auditTrail`. Filters combine with AND.
public struct AuditQuery: Sendable, Equatable {
    /// 1...200 (`CaseListQuery.maximumLimit`); the store clamps anything outside.
    public var limit: Int
    /// `nextCursor` of the previous page; nil for the first page.
    public var cursor: String?
    public var caseId: String?
    /// Rows recorded at or after this instant, in milliseconds since 1970-01-01T00:00:00Z.
    public var sinceMilliseconds: Int64?

    public init(limit: Int = 50, cursor: String? = nil, caseId: String? = nil, sinceMilliseconds: Int64? = nil) {
        self.limit = limit
        self.cursor = cursor
        self.caseId = caseId
        self.sinceMilliseconds = sinceMilliseconds
    }
}
