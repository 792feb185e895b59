import HTTPServer

/// CORS for the CDS Hooks endpoints (the CDS Hooks Sandbox and other browser-based EHR
/// simulators call them from another origin). Applied around the access gate, so refusals
/// (401) are readable by the browser too. Only the routes it is given get CORS headers;
/// the rest of the API is not meant for browsers.
///
/// A request whose `Origin` is configured (`corsOrigins`; `*` = any) gets
/// `Access-Control-Allow-Origin` (the origin itself, with `Vary: Origin`); a preflight
/// (`OPTIONS` with `Access-Control-Request-Method`) also gets the allowed methods and
/// headers (`Authorization`, `Content-Type`). Other origins get no CORS headers, so the
/// browser keeps the answer from the page. No credentials mode: the JWT travels in
/// `Authorization`, not in cookies.
struct CORSPolicy: Sendable {
    let origins: Set<String>
    let anyOrigin: Bool
    /// Route templates that take part.
    let templates: Set<String>

    static let allowedMethods = "GET, POST, OPTIONS"
    static let allowedHeaders = "Authorization, Content-Type, Accept, X-Request-ID"
    static let exposedHeaders = "WWW-Authenticate, X-Request-ID"
    static let maxAgeSeconds = "600"

    init(origins: [String], templates: Set<String>) {
        anyOrigin = origins.contains("*")
        self.origins = Set(origins.filter { $0 != "*" }.map { $0.lowercased() })
        self.templates = templates
    }

    func wrapping(method: String, template: String, _ handler: @escaping HTTPHandler) -> HTTPHandler {
        guard templates.contains(template), anyOrigin || !origins.isEmpty else { return handler }
        return { request in
            var response = handler(request)
            decorate(&response, for: request)
            return response
        }
    }

    func decorate(_ response: inout HTTPResponse, for request: HTTPRequest) {
        response.headers.add("Vary", "Origin")
        guard let origin = request.headers["Origin"], anyOrigin || origins.contains(origin.lowercased()) else { return }
        response.headers.set("Access-Control-Allow-Origin", anyOrigin ? "*" : origin)
        response.headers.set("Access-Control-Expose-Headers", Self.exposedHeaders)
        if request.method == "OPTIONS", request.headers["Access-Control-Request-Method"] != nil {
            response.headers.set("Access-Control-Allow-Methods", Self.allowedMethods)
            response.headers.set("Access-Control-Allow-Headers", Self.allowedHeaders)
            response.headers.set("Access-Control-Max-Age", Self.maxAgeSeconds)
        }
    }
}
