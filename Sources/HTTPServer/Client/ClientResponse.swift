/// A response as read by the loopback clients.
public struct ClientResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Failures of the loopback clients that are about HTTP, not about a system call
/// (those are `SocketError`).
public enum ClientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing (or not enough) arrived within the timeout.
    case timedOut
    /// The server closed the connection before a complete response.
    case closedEarly
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .timedOut: return "no complete response within the timeout"
        case .closedEarly: return "connection closed before a complete response"
        case .malformedResponse(let detail): return "malformed response: \(detail)"
        }
    }
}
