/// A case as stored: the caller's document plus the server-managed id, version and times.
public struct StoredCase: Sendable, Equatable {
    /// Lowercase UUID issued on create.
    public var id: String
    public var externalId: String?
    public var site: String
    /// The canonical JSON bytes exactly as written.
    public var document: [UInt8]
    /// 1 on create, +1 on each replace (an ETag source).
    public var version: Int
    /// RFC 3339 UTC with milliseconds, e.g. `2026-11-26T18:35:14.123Z`.
    public var createdAt: String
    public var updatedAt: String

    public init(
        id: String, externalId: String?, site: String, document: [UInt8], version: Int, createdAt: String,
        updatedAt: String
    ) {
        self.id = id
        self.externalId = externalId
        self.site = site
        self.document = document
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
