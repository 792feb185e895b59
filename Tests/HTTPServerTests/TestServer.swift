import Foundation
import Locking
import Testing
@testable import HTTPServer

/// A live server on an ephemeral port with a small router, stopped when the body returns.
struct TestServer {
    let server: HTTPServer
    let port: Int
    /// The request log records the server reported so far.
    let records: @Sendable () -> [RequestLogRecord]
    let gate: Gate

    var client: LoopbackClient { LoopbackClient(port: port, timeout: 5) }

    func connect(timeout: Double = 5) throws -> ClientConnection {
        try ClientConnection(port: port, timeout: timeout)
    }

    func raw(_ text: String, timeout: Double = 5) throws -> String {
        String(
            decoding: try LoopbackClient.sendRaw(port: port, bytes: Array(text.utf8), timeout: timeout), as: UTF8.self)
    }

    /// A handler that blocks until the test opens it: in-flight work without timing guesses.
    struct Gate: Sendable {
        let entered = Latch()
        let release = Latch()
    }

    static func router(gate: Gate = Gate()) -> Router {
        var builder = RouterBuilder()
        builder.add("GET", "/gate") { _ in
            gate.entered.open()
            _ = gate.release.wait(seconds: 10)
            return HTTPResponse(status: 200, contentType: "text/plain", body: "released")
        }
        builder.add("GET", "/gate-announced") { _ in
            // Waits the way the store waits for a commit: announced to the worker pool.
            BlockingWait.around {
                gate.entered.open()
                _ = gate.release.wait(seconds: 10)
            }
            return HTTPResponse(status: 200, contentType: "text/plain", body: "released")
        }
        builder.add("GET", "/hello") { _ in HTTPResponse(status: 200, contentType: "text/plain", body: "hello") }
        builder.add("POST", "/echo") { request in
            HTTPResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        builder.add("GET", "/cases/{id}") { request in
            HTTPResponse(
                status: 200, contentType: "text/plain",
                body: "case \(request.pathParameters["id"] ?? "?") \(request.routeTemplate ?? "")")
        }
        builder.add("DELETE", "/cases/{id}") { _ in HTTPResponse(status: 204) }
        builder.add("GET", "/big") { request in
            let size = Int(request.queryValue("bytes") ?? "") ?? 2_000_000
            if request.queryValue("fill") != nil {
                return HTTPResponse(status: 200, body: [UInt8](repeating: 7, count: size))
            }
            return HTTPResponse(status: 200, body: (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) })
        }
        builder.add("GET", "/request-id") { request in
            HTTPResponse(status: 200, contentType: "text/plain", body: request.requestID)
        }
        builder.add("GET", "/close") { _ in
            HTTPResponse(status: 200, headers: ["Connection": "close"], body: Array("bye".utf8))
        }
        builder.add("GET", "/query") { request in
            HTTPResponse(
                status: 200, contentType: "text/plain",
                body: request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "|"))
        }
        return builder.build()
    }

    static func configuration(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.workerThreads = 4
        configuration.drainTimeout = 2
        change(&configuration)
        return configuration
    }

    static func with<R>(
        _ change: (inout ServerConfiguration) -> Void = { _ in },
        _ body: (TestServer) throws -> R
    ) throws -> R {
        let records = LockedValue<[RequestLogRecord]>([])
        let hooks = ServerHooks(
            requestCompleted: { record in records.withLock { $0.append(record) } }, diagnostic: { _ in })
        let gate = Gate()
        let server = HTTPServer(configuration: configuration(change), router: router(gate: gate), hooks: hooks)
        let port = try server.start()
        defer {
            gate.release.open()
            server.shutdown()
        }
        return try body(TestServer(server: server, port: port, records: { records.withLock { $0 } }, gate: gate))
    }
}

/// Polls `condition` for up to `seconds` (for effects that happen on server threads).
func eventually(within seconds: Double = 3, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return condition()
}

func statusOf(_ raw: String) -> Int? {
    let parts = raw.split(separator: " ", maxSplits: 2)
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/1.1") else { return nil }
    return Int(parts[1])
}
