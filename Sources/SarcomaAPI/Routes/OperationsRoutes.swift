import JSON
import Foundation
import CaseStore
import HTTPServer
import SarcomaGuidelines
import Locking

/// Liveness, readiness, metrics and the OpenAPI document (the pack listings: `GuidelineRoutes`).
struct OperationsRoutes: Sendable {
    let store: any CaseStore
    let engine: GuidelineEngine
    let metrics: MetricsRegistry
    let connections: ConnectionGauge
    let openAPIDocument: [UInt8]

    func register(into router: inout RouterBuilder) {
        router.add(
            "GET", "/health",
            Endpoint.ignoringQuery { _ throws(Problem) in
                var headers = HTTPHeaders()
                headers.set("Content-Type", "application/json")
                headers.set("Cache-Control", "no-store")
                return HTTPResponse(status: 200, headers: headers, body: Self.healthBody)
            })
        router.add(
            "GET", "/ready",
            Endpoint.ignoringQuery { _ throws(Problem) in
                guard store.isReady() else {
                    throw Problem.unavailable("the case store is not ready (database closed or migrations not current)")
                }
                var body = JSONObject()
                body["status"] = .string("ready")
                body["schemaVersion"] = .number(Double(store.schemaVersion))
                body["guidelineVersion"] = .string(engine.pack.version)
                return JSONResponse.make(.object(body), pretty: false, headers: [("Cache-Control", "no-store")])
            })
        router.add(
            "GET", "/metrics",
            Endpoint.ignoringQuery { _ throws(Problem) in
                JSONResponse.text(
                    metrics.render(openConnections: connections.current()),
                    contentType: "text/plain; version=0.0.4; charset=utf-8")
            })
        router.add(
            "GET", "/openapi.json",
            Endpoint.handler { _ throws(Problem) in
                var headers = HTTPHeaders()
                headers.set("Content-Type", "application/json")
                return HTTPResponse(status: 200, headers: headers, body: openAPIDocument)
            })
    }

    private static let healthBody = Array(#"{"status":"ok"}"#.utf8)
}

/// Lets `/metrics` read the server's open-connection count although the server is built
/// after the router.
public final class ConnectionGauge: Sendable {
    /// Written once before serving starts.
    private let source = LockedValue<(@Sendable () -> Int)?>(nil)

    public init() {}

    public func connect(_ source: @escaping @Sendable () -> Int) {
        self.source.withLock { $0 = source }
    }

    func current() -> Int {
        source.withLock { $0 }?() ?? 0
    }
}
