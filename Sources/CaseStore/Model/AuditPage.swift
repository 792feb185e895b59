/// One page of the audit trail in the order it was recorded.
public struct AuditPage: Sendable, Equatable {
    public var items: [AuditRecord]
    /// Opaque; nil on the last page.
    public var nextCursor: String?

    public init(items: [AuditRecord], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
