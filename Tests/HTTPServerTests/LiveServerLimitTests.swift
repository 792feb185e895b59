import Foundation
import Testing
@testable import HTTPServer

let smugglingAndMalformed: [BadCase] = [
    BadCase(
        name: "Content-Length with Transfer-Encoding",
        raw:
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n",
        status: 400),
    BadCase(
        name: "conflicting Content-Length",
        raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nContent-Length: 40\r\n\r\nabcd", status: 400),
    BadCase(
        name: "Transfer-Encoding other than chunked",
        raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", status: 400),
    BadCase(
        name: "obfuscated Transfer-Encoding",
        raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n", status: 400),
    BadCase(name: "missing Host", raw: "GET /hello HTTP/1.1\r\n\r\n", status: 400),
    BadCase(name: "bare LF", raw: "GET /hello HTTP/1.1\nHost: t\n\n", status: 400),
    BadCase(name: "obs-fold", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX: a\r\n\tb\r\n\r\n", status: 400),
    BadCase(name: "garbage request line", raw: "HELLO\r\n\r\n", status: 400),
    BadCase(name: "HTTP/2.0 in the request line", raw: "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", status: 505),
    BadCase(
        name: "URI too long", raw: "GET /" + String(repeating: "x", count: 9_000) + " HTTP/1.1\r\nHost: t\r\n\r\n",
        status: 414),
    BadCase(
        name: "header section too large",
        raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "x", count: 17_000) + "\r\n\r\n",
        status: 431),
    BadCase(
        name: "too many headers",
        raw: "GET /hello HTTP/1.1\r\nHost: t\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n", status: 431),
]

extension LiveServerTests {
    @Test(arguments: smugglingAndMalformed)
    func badRequestIsAnsweredAndClosed(_ testCase: BadCase) throws {
        try TestServer.with { server in
            let answer = try server.raw(testCase.raw)
            #expect(statusOf(answer) == testCase.status)
            #expect(answer.contains("Connection: close\r\n"))
            #expect(answer.contains("Content-Type: application/problem+json\r\n"))
            // Exactly one response: nothing smuggled behind the refused request was answered.
            #expect(answer.components(separatedBy: "X-Request-ID: ").count == 2)
        }
    }

    @Test func oversizedBodyIsRefusedWithoutReadingIt() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            try connection.write(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10000000\r\n\r\n".utf8))
            try connection.write([UInt8](repeating: 0x61, count: 1_000))  // the start of the body, then nothing
            let response = try connection.readResponse(method: "POST")
            #expect(response.status == 413)
            #expect(response.headers["Connection"] == "close")
            #expect(connection.waitForClose())
        }
    }

    @Test func partialHeadTimesOut() throws {
        try TestServer.with({ $0.headTimeout = 0.5 }) { server in
            let connection = try server.connect()
            try connection.write(Array("GET /hello HTTP/1.1\r\nHo".utf8))
            let answer = String(decoding: connection.readUntilClose(), as: UTF8.self)
            #expect(answer.isEmpty || statusOf(answer) == 408)
            #expect(server.server.openConnections == 0)
        }
    }

    @Test func partialBodyTimesOut() throws {
        try TestServer.with({ $0.bodyTimeout = 0.5 }) { server in
            let connection = try server.connect()
            try connection.write(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nab".utf8))
            let answer = String(decoding: connection.readUntilClose(), as: UTF8.self)
            #expect(answer.isEmpty || statusOf(answer) == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        try TestServer.with({ $0.idleTimeout = 0.3 }) { server in
            let connection = try server.connect()
            #expect(try connection.send("GET", "/hello").status == 200)
            #expect(connection.waitForClose())
            #expect(eventually { server.server.openConnections == 0 })
        }
    }

    @Test func connectionsOverTheCapGet503() throws {
        try TestServer.with({ $0.maxConnections = 5 }) { server in
            let held = try (0..<5).map { _ in try server.connect() }
            for connection in held { #expect(try connection.send("GET", "/hello").status == 200) }
            #expect(server.server.openConnections == 5)
            let refused = try server.raw("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(statusOf(refused) == 503)
            #expect(refused.contains("Retry-After: 1\r\n"))
            #expect(refused.contains("Connection: close\r\n"))
            held.forEach { $0.close() }
            #expect(eventually { server.server.openConnections == 0 })
            #expect(try server.client.send("GET", "/hello").status == 200)
        }
    }

    @Test func readerThatStopsReadingIsDisconnected() throws {
        try TestServer.with({ $0.writeTimeout = 0.3 }) { server in
            let connection = try server.connect()
            try connection.write(connection.request("GET", "/big?bytes=24000000&fill=1"))
            #expect(eventually { server.server.openConnections == 1 })
            // Never read: the response cannot drain, so the write deadline ends the connection.
            #expect(eventually(within: 10) { server.server.openConnections == 0 })
            #expect(connection.readUntilClose().count < 24_000_000)
            #expect(try server.client.send("GET", "/hello").status == 200)
        }
    }

    @Test func maxRequestsPerConnectionCloses() throws {
        try TestServer.with({ $0.maxRequestsPerConnection = 2 }) { server in
            let connection = try server.connect()
            #expect(try connection.send("GET", "/hello").headers["Connection"] == nil)
            #expect(try connection.send("GET", "/hello").headers["Connection"] == "close")
            #expect(connection.waitForClose())
        }
    }
}
