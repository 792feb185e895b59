import Foundation
import Testing
@testable import HTTPServer

@Suite(.serialized) struct DrainTests {
    /// Found by scripts/shutdown-under-load.sh: a request whose handler was still running
    /// when the drain began was answered as keep-alive, then the connection was closed at
    /// once, so every client's next request on it failed (EPIPE / reset) instead of the
    /// client being told to reconnect.
    @Test func responseFinishedDuringDrainSaysConnectionClose() throws {
        try TestServer.with { server in
            let connection = try server.connect()
            defer { connection.close() }
            // Keep-alive request (no Connection header) whose handler takes 600 ms.
            try connection.write(connection.request("GET", "/slow?ms=600"))
            Thread.sleep(forTimeInterval: 0.2)  // the handler is running now
            let stopper = Thread { server.server.shutdown() }
            stopper.start()
            #expect(eventually(within: 2) { server.server.openConnections <= 1 })
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "slow")
            #expect(response.headers["Connection"]?.lowercased() == "close")
            #expect(connection.waitForClose())
        }
    }
}
