import Testing
@testable import HTTPServer

/// Socket-layer checks; part of the serialized live suite because they open descriptors.
extension LiveServerTests {
    @Test func acceptedSocketsInheritNoDelayFromTheListener() throws {
        let listener = try SocketFD.listen(host: "127.0.0.1", port: 0, backlog: 8)
        defer { listener.close() }
        let client = try SocketFD.connect(host: "127.0.0.1", port: try listener.localPort(), timeout: 2)
        defer { client.close() }
        var accepted: SocketFD?
        for _ in 0..<200 where accepted == nil {
            if case .accepted(let socket) = listener.accept() { accepted = socket }
        }
        let socket = try #require(accepted)
        defer { socket.close() }
        #expect(socket.isNoDelay)
    }

    @Test func socketErrorsNameTheCallAndReason() {
        let error = SocketError(operation: "bind", errno: 98)
        #expect(error.isAddressInUse)
        #expect(error.description.hasPrefix("bind failed: "))
        #expect(error.description.hasSuffix("(errno 98)"))
    }

    @Test func unknownHostIsASocketError() {
        #expect(throws: SocketError.self) { _ = try SocketFD.listen(host: "no.such.host.invalid", port: 0, backlog: 1) }
    }
}
