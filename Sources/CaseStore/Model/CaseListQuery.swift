/// One page request of `CaseStore.list`. Filters combine with AND.
public struct CaseListQuery: Sendable, Equatable {
    /// Largest page the store returns; larger limits are clamped (the caller validates first).
    public static let maximumLimit = 200

    /// 1...200; the store clamps anything outside.
    public var limit: Int
    /// `nextCursor` of the previous page; nil for the first page.
    public var cursor: String?
    public var site: String?
    public var externalId: String?

    public init(limit: Int = 50, cursor: String? = nil, site: String? = nil, externalId: String? = nil) {
        self.limit = limit
        self.cursor = cursor
        self.site = site
        self.externalId = externalId
    }
}
