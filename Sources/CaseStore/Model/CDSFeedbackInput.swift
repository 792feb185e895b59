/// One CDS Hooks feedback item to record (what a clinician did with one card).
public struct CDSFeedbackInput: Sendable, Equatable {
    public var serviceId: String
    /// The card's uuid.
    public var card: String
    /// `accepted` or `overridden` (checked by the API).
    public var outcome: String
    public var outcomeTimestamp: String?
    /// Who sent it (the JWT's issuer), nil when the call was not signed.
    public var client: String?
    /// The feedback item as canonical JSON bytes.
    public var item: [UInt8]

    public init(
        serviceId: String, card: String, outcome: String, outcomeTimestamp: String?, client: String?, item: [UInt8]
    ) {
        self.serviceId = serviceId
        self.card = card
        self.outcome = outcome
        self.outcomeTimestamp = outcomeTimestamp
        self.client = client
        self.item = item
    }
}
