/// An HTTP answer independent of any server framework: each peer server turns it into its
/// own response type.
public struct Reply: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    public static let jsonType = "application/json"
    public static let problemType = "application/problem+json"
}
