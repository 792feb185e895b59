/// What a handler answers. The server adds the fields it owns (`Content-Length`, `Date`,
/// `Connection`, `X-Request-ID`), so handlers only set what is about their content.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Who the application identified as the caller (an access token's name, say; never a
    /// credential). Copied to the `RequestLogRecord`; never sent on the wire.
    public var clientName: String?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a text body and its content type.
    public init(status: Int, contentType: String, body: String, headers: HTTPHeaders = HTTPHeaders()) {
        var headers = headers
        headers.set("Content-Type", contentType)
        self.init(status: status, headers: headers, body: Array(body.utf8))
    }

    /// The body read as UTF-8 (invalid bytes replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
