import Foundation
import Locking
import Testing
@testable import HTTPServer

/// Socket-level tests against a live server on port 0. Serialized (with every extension of
/// this suite) so descriptor counts and connection gauges are not disturbed by other tests.
@Suite(.serialized) struct LiveServerTests {
    @Test func oneShotClientGetsFullAnswer() throws {
        try TestServer.with { server in
            let response = try server.client.send("GET", "/hello")
            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(response.headers["Content-Length"] == "5")
            #expect(response.headers["Content-Type"] == "text/plain")
            #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
            #expect(response.headers["Connection"] == "close")
            #expect(response.headers["X-Request-ID"] != nil)
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            for index in 0..<5 {
                let response = try connection.send("GET", "/cases/\(index)")
                #expect(response.status == 200)
                #expect(response.text == "case \(index) /cases/{id}")
                #expect(response.headers["Connection"] == nil)
            }
            #expect(server.server.openConnections == 1)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            let batch =
                connection.request("GET", "/cases/first")
                + connection.request("POST", "/echo", body: Array("second".utf8))
                + connection.request("HEAD", "/hello")
                + connection.request("GET", "/cases/fourth")
            try connection.write(batch)
            #expect(try connection.readResponse().text == "case first /cases/{id}")
            #expect(try connection.readResponse(method: "POST").text == "second")
            let head = try connection.readResponse(method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(try connection.readResponse().text == "case fourth /cases/{id}")
        }
    }

    @Test func headSendsLengthButNoBody() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            let head = try connection.send("HEAD", "/hello")
            #expect(head.status == 200)
            #expect(head.headers["Content-Length"] == "5")
            #expect(head.body.isEmpty)
            // Had a body been sent, it would now be read as the next status line.
            #expect(try connection.send("GET", "/hello").text == "hello")
        }
    }

    @Test func expectContinueGetsInterimResponseBeforeBody() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            try connection.write(
                Array("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
            let interim = try connection.readResponse(method: "POST", keepInterim: true)
            #expect(interim.status == 100)
            try connection.write(Array("ping".utf8))
            let final = try connection.readResponse(method: "POST")
            #expect(final.status == 200)
            #expect(final.text == "ping")
        }
    }

    @Test func expectContinueOverTheLimitGetsTheFinalStatus() throws {
        try TestServer.with({ $0.maxBodyBytes = 100 }) { server in
            let connection = try server.connect()
            try connection.write(
                Array("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 101\r\n\r\n".utf8))
            let response = try connection.readResponse(method: "POST", keepInterim: true)
            #expect(response.status == 413)
            #expect(response.headers["Connection"] == "close")
            #expect(connection.waitForClose())
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            let response = try connection.send("GET", "/hello", headers: [("Connection", "close")])
            #expect(response.status == 200)
            #expect(response.headers["Connection"] == "close")
            #expect(connection.waitForClose())
        }
    }

    @Test func handlerMayAskToClose() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            let response = try connection.send("GET", "/close")
            #expect(response.text == "bye")
            #expect(response.headers["Connection"] == "close")
            #expect(connection.waitForClose())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        try TestServer.with { server in
            let plain = try server.raw("GET /hello HTTP/1.0\r\n\r\n")
            #expect(statusOf(plain) == 200)
            #expect(plain.contains("Connection: close\r\n"))
            #expect(plain.hasSuffix("\r\n\r\nhello"))

            let connection = try server.connect()
            try connection.write(Array("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".utf8))
            let first = try connection.readResponse()
            #expect(first.headers["Connection"] == "keep-alive")
            try connection.write(Array("GET /cases/2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".utf8))
            #expect(try connection.readResponse().text == "case 2 /cases/{id}")
        }
    }

    @Test func unknownRouteIs404AndKeepsTheConnection() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            let response = try connection.send("GET", "/nowhere?patient=secret")
            #expect(response.status == 404)
            #expect(response.headers["Content-Type"] == "application/problem+json")
            #expect(response.text.contains("\"status\":404"))
            #expect(try connection.send("GET", "/hello").status == 200)
        }
    }

    @Test func wrongMethodIs405WithAllow() throws {
        try TestServer.with { server in
            let response = try server.client.send("PATCH", "/cases/1")
            #expect(response.status == 405)
            #expect(response.headers["Allow"] == "DELETE, GET, HEAD")
        }
    }

    @Test func deleteWith204HasNoBody() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            let response = try connection.send("DELETE", "/cases/1")
            #expect(response.status == 204)
            #expect(response.headers["Content-Length"] == nil)
            #expect(try connection.send("GET", "/hello").text == "hello")
        }
    }

    @Test func requestIDIsEchoedOrGenerated() throws {
        try TestServer.with { server in
            let echoed = try server.client.send("GET", "/request-id", headers: [("X-Request-ID", "trace-42")])
            #expect(echoed.headers["X-Request-ID"] == "trace-42")
            #expect(echoed.text == "trace-42")
            let replaced = try server.client.send(
                "GET", "/request-id", headers: [("X-Request-ID", "bad id with spaces")])
            #expect(replaced.headers["X-Request-ID"] != "bad id with spaces")
            #expect(replaced.headers["X-Request-ID"]?.utf8.count == 36)
            #expect(replaced.text == replaced.headers["X-Request-ID"])
            let generated = try server.client.send("GET", "/hello")
            #expect(generated.headers["X-Request-ID"]?.utf8.count == 36)
        }
    }

    @Test func chunkedRequestBodyIsDecoded() throws {
        try TestServer.with { server in
            let raw =
                "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: 1\r\n\r\n"
            let answer = try server.raw(raw)
            #expect(statusOf(answer) == 200)
            #expect(answer.hasSuffix("\r\n\r\nhello world"))
        }
    }

    @Test func largeResponseArrivesWhole() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            let response = try connection.send("GET", "/big?bytes=3000000&fill=1")
            #expect(response.body.count == 3_000_000)
            #expect(!response.body.contains { $0 != 7 })
            #expect(try connection.send("GET", "/hello").text == "hello")
        }
    }

    @Test func concurrentClientsAreAllAnswered() throws {
        try TestServer.with({ $0.workerThreads = 3 }) { server in
            let failures = LockedValue<[String]>([])
            let finished = LockedValue(0)
            let allDone = Latch()
            let clients = 12
            for client in 0..<clients {
                Thread {
                    do {
                        let connection = try server.connect()
                        for round in 0..<40 {
                            if round % 10 == 9 {  // a pipelined burst now and then
                                try connection.write(
                                    (0..<3).flatMap { connection.request("GET", "/cases/\(client)-\(round)-\($0)") })
                                for burst in 0..<3 {
                                    let text = try connection.readResponse().text
                                    if text != "case \(client)-\(round)-\(burst) /cases/{id}" {
                                        failures.withLock { $0.append(text) }
                                    }
                                }
                            } else {
                                let body = Array("\(client):\(round)".utf8)
                                let echoed = try connection.send("POST", "/echo", body: body)
                                if echoed.body != body { failures.withLock { $0.append(echoed.text) } }
                            }
                        }
                    } catch {
                        failures.withLock { $0.append("client \(client): \(error)") }
                    }
                    if finished.withLock({
                        $0 += 1
                        return $0
                    }) == clients {
                        allDone.open()
                    }
                }.start()
            }
            allDone.wait()
            #expect(failures.withLock { $0 } == [])
        }
    }

    @Test func queryIsDecoded() throws {
        try TestServer.with { server in
            let text = try server.client.send("GET", "/query?a=1&b=x+y&c=%2F").text
            #expect(text == "a=1|b=x y|c=/")
        }
    }

    @Test func completedRequestsAreReportedWithoutPaths() throws {
        try TestServer.with { server in
            _ = try server.client.send("GET", "/cases/123?secret=1")
            _ = try server.client.send("GET", "/missing/123")
            _ = try server.raw("BROKEN\r\n\r\n")
            #expect(eventually { server.records().count == 3 })
            let records = server.records()
            #expect(records.map(\.route) == ["/cases/{id}", "unmatched", "unmatched"])
            #expect(records.map(\.status) == [200, 404, 400])
            #expect(records.map(\.method) == ["GET", "GET", "-"])
            #expect(records[0].bytesIn > 0 && records[0].bytesOut > 0)
        }
    }
}
