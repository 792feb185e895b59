import JSON

/// The application's say in what the server does on its own: how its error answers look,
/// what happens after each request (logging, metrics), and where diagnostics go.
public struct ServerHooks: Sendable {
    /// Builds every error answer the server itself produces (400, 404, 405, 408, 413, 414,
    /// 431, 503, 505...), so the application can keep one error format. The server then adds
    /// the headers it owns (`Allow` on 405, `Retry-After` on 503, `Connection: close`).
    public var errorResponse: @Sendable (_ status: Int, _ detail: String) -> HTTPResponse
    /// Called once per answered request, server-made errors included, on the worker thread.
    public var requestCompleted: @Sendable (RequestLogRecord) -> Void
    /// Internal trouble (descriptor exhaustion, failed syscalls); never contains request data.
    public var diagnostic: @Sendable (String) -> Void

    public init(
        errorResponse: @escaping @Sendable (_ status: Int, _ detail: String) -> HTTPResponse = ServerHooks
            .problemDetails,
        requestCompleted: @escaping @Sendable (RequestLogRecord) -> Void = { _ in },
        diagnostic: @escaping @Sendable (String) -> Void = StandardError.writeLine
    ) {
        self.errorResponse = errorResponse
        self.requestCompleted = requestCompleted
        self.diagnostic = diagnostic
    }

    /// The default error body: RFC 9457 `application/problem+json`.
    /// Written by the JSON module's writer, the one JSON escaper of the package.
    @Sendable
    public static func problemDetails(status: Int, detail: String) -> HTTPResponse {
        let problem = JSONObject([
            ("type", .string("about:blank")), ("title", .string(HTTPStatus.reason(status))),
            ("status", .number(Double(status))), ("detail", .string(detail)),
        ])
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: status, headers: headers, body: JSONWriter.compact.bytes(.object(problem)))
    }
}
