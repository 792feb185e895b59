/// A recorded CDS Hooks feedback item.
public struct StoredCDSFeedback: Sendable, Equatable {
    public let id: String
    public let serviceId: String
    public let card: String
    public let outcome: String
    public let outcomeTimestamp: String?
    public let client: String?
    public let item: [UInt8]
    public let receivedAt: String
}
