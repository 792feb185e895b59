import Testing
@testable import HTTPServer

@Suite(.serialized) struct LiveServerTests {
    @Test func getAnswers() throws {
        try TestServer.with { server in
            let response = try server.client.send("GET", "/hello")
            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(response.headers["Content-Length"] == "5")
            #expect(response.headers["Date"] != nil)
            #expect(response.headers["Connection"] == "close")
            #expect(response.headers["X-Request-ID"] != nil)
        }
    }
}
