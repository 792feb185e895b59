/// One parsed request as handlers see it. Plain value: handlers may copy and change it freely.
public struct HTTPRequest: Sendable {
    /// The method as sent (methods are case-sensitive: "get" is not "GET").
    public var method: String
    /// The raw request-target, e.g. "/v1/cases?limit=5".
    public var target: String
    /// The target without its query; not percent-decoded, so routing sees what was sent.
    public var path: String
    /// Query items, percent-decoded with '+' as space, in the order sent.
    public var query: [(name: String, value: String)]
    /// "HTTP/1.1" or "HTTP/1.0".
    public var version: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Captured `{name}` segments of the matched route (percent-decoded).
    public var pathParameters: [String: String] = [:]
    /// The matched route's template, e.g. "/v1/cases/{id}": a low-cardinality label for metrics.
    public var routeTemplate: String?
    /// The caller's `X-Request-ID` when it is a sane token, else a fresh UUID; echoed in the response.
    public var requestID: String
    /// Who the application identified as the caller before the handler ran (an access token's
    /// name, say; never a credential), for handlers that must record who acted. The server
    /// never sets it: nil until an application layer (an access check wrapping the handler) does.
    public var clientName: String?

    /// Builds a request without a socket (for in-process tests); path and query come from `target`.
    public init(
        method: String, target: String, version: String = "HTTP/1.1", headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = []
    ) {
        var generator = RequestIDGenerator()
        self.init(method: method, target: target, version: version, headers: headers, body: body, generator: &generator)
    }

    init(
        method: String, target: String, version: String, headers: HTTPHeaders, body: [UInt8],
        generator: inout RequestIDGenerator
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        let parts = RequestTarget.split(target)
        self.path = parts.path
        self.query = parts.query.map(QueryDecoding.items) ?? []
        if let incoming = headers["X-Request-ID"], RequestIDGenerator.isAcceptable(incoming) {
            self.requestID = incoming
        } else {
            self.requestID = generator.next()
        }
    }

    /// The first value of a query parameter, or nil.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The body read as UTF-8 (invalid bytes replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Splits a request-target into path and raw query (on UTF-8 bytes: no Foundation search).
enum RequestTarget {
    static func split(_ target: String) -> (path: String, query: Substring?) {
        var rest = Substring(target)
        let utf8 = rest.utf8
        // absolute-form ("http://host/path"): routing only cares about the path.
        if let first = utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "*"),
            let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
            utf8[colon...].starts(with: "://".utf8)
        {
            let authorityStart = utf8.index(colon, offsetBy: 3)
            let afterAuthority = rest[authorityStart...]
            if let slash = afterAuthority.utf8.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") })
            {
                rest = afterAuthority[slash...]
                if rest.utf8.first == UInt8(ascii: "?") { rest = "/" + rest }
            } else {
                rest = "/"
            }
        }
        guard let mark = rest.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (String(rest), nil) }
        return (String(rest[..<mark]), rest[rest.utf8.index(after: mark)...])
    }
}
