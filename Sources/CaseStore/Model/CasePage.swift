/// One page of cases in creation order.
public struct CasePage: Sendable, Equatable {
    public var items: [StoredCase]
    /// Opaque; nil on the last page.
    public var nextCursor: String?

    public init(items: [StoredCase], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
