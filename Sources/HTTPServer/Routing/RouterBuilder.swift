/// A request handler. Synchronous on purpose: it runs on one of the server's worker
/// threads and may block (SQLite), without blocking other connections.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Collects routes before serving; `build()` freezes them into an immutable `Router`, so
/// no route can change while requests are being answered.
public struct RouterBuilder {
    struct Entry {
        let method: String
        let template: String
        let segments: [RouteSegment]
        let handler: HTTPHandler
    }

    private(set) var entries: [Entry] = []
    /// Applied to every handler as it is added, with the route's method and template (e.g.
    /// access control): one place that no route can skip.
    private let wrap: (_ method: String, _ template: String, _ handler: @escaping HTTPHandler) -> HTTPHandler

    public init() {
        wrap = { _, _, handler in handler }
    }

    /// A builder that passes each handler through `wrap(method, template, handler)` as it is added.
    public init(
        wrappingEachHandler wrap:
            @escaping (_ method: String, _ template: String, _ handler: @escaping HTTPHandler) -> HTTPHandler
    ) {
        self.wrap = wrap
    }

    /// Registers `handler` for `method` on `template` (e.g. "/v1/cases/{id}": a `{name}`
    /// segment captures one path segment). Registering the same method and template twice is
    /// a programming error and stops the program at start-up rather than shadowing a route.
    public mutating func add(_ method: String, _ template: String, _ handler: @escaping HTTPHandler) {
        let segments = RouteSegment.parse(template)
        precondition(
            !entries.contains { $0.method == method && $0.segments == segments },
            "route \(method) \(template) registered twice")
        entries.append(
            Entry(method: method, template: template, segments: segments, handler: wrap(method, template, handler)))
    }

    public func build() -> Router {
        Router(entries: entries)
    }
}

/// One segment of a route template.
enum RouteSegment: Equatable, Sendable {
    case literal(String)
    case parameter(String)

    /// "/v1/cases/{id}" -> [literal v1, literal cases, parameter id]; "/" -> [].
    static func parse(_ template: String) -> [RouteSegment] {
        precondition(template.hasPrefix("/"), "route template \(template) must start with /")
        guard template != "/" else { return [] }
        return template.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { segment in
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 {
                return .parameter(String(segment.dropFirst().dropLast()))
            }
            precondition(
                !segment.contains("{") && !segment.contains("}"),
                "route template \(template): a parameter must be a whole segment")
            return .literal(String(segment))
        }
    }

    static func == (lhs: RouteSegment, rhs: RouteSegment) -> Bool {
        switch (lhs, rhs) {
        case (.literal(let a), .literal(let b)): return a == b
        case (.parameter, .parameter): return true  // "/x/{id}" and "/x/{key}" are the same route
        default: return false
        }
    }
}
