import Foundation
import Testing

@testable import HTTPServer

/// A body trickled one byte at a time must not keep a connection forever: the body timeout
/// counts from the end of the head, and bytes arriving do not restart it.
@Suite("Slow request bodies")
struct SlowBodyTests {
    @Test func aTrickledBodyIsCutAtTheBodyTimeoutAndOthersAreStillServed() throws {
        try TestServer.with({ $0.bodyTimeout = 1 }) { server in
            let slow = try server.connect()
            try slow.write(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n".utf8))
            let started = Date()
            var sent = 0
            // One byte every 0.1 s would take 100 s; the server must cut it after ~1 s.
            while Date().timeIntervalSince(started) < 6 {
                Thread.sleep(forTimeInterval: 0.1)
                if server.server.openConnections == 0 { break }  // the probe before has closed by now
                do { try slow.write([UInt8(ascii: "x")]) } catch { break }
                sent += 1
                #expect(try server.client.send("GET", "/hello").status == 200)
            }
            let elapsed = Date().timeIntervalSince(started)
            #expect(eventually { server.server.openConnections == 0 })
            #expect(elapsed < 4, "the trickle lasted \(elapsed) s")
            #expect(sent < 1_000)
            let answer = String(decoding: slow.readUntilClose(), as: UTF8.self)
            #expect(answer.isEmpty || statusOf(answer) == 408)
        }
    }
}
