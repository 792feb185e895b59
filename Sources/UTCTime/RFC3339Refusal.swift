/// Why an RFC 3339 date-time was refused, in words for a problem's detail.
public struct RFC3339Refusal: Error, Equatable, Sendable {
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
