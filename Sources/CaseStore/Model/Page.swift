/// One page of a listing (cases in creation order, a case's evaluations oldest first, the audit trail in
/// the order it was recorded): one shape for every listing, so the routes page them all the same way.
public struct Page<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    /// Opaque; nil on the last page.
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Cases in creation order.
public typealias CasePage = Page<StoredCase>
/// A case's evaluations, oldest first.
public typealias EvaluationPage = Page<StoredEvaluation>
/// The audit trail in the order it was recorded.
public typealias AuditPage = Page<AuditRecord>
