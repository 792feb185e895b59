// FlyingFox answering what sarcoma-guide answers, through the same engine code.
// usage: ff-server --port N --guidelines DIR
import FlyingFox
import Foundation
import GuidelineEndpoints

let arguments = ServerArguments.parse()
let endpoints: GuidelineEndpoints
do {
    endpoints = try GuidelineEndpoints(guidelinesFolder: arguments.guidelines)
} catch {
    fatalError("ff-server: \(error)")
}

extension HTTPResponse {
    static let phrases = [200: "OK", 400: "Bad Request", 422: "Unprocessable Content"]

    init(_ reply: Reply) {
        self.init(
            statusCode: HTTPStatusCode(reply.status, phrase: Self.phrases[reply.status] ?? "Error"),
            headers: [.contentType: reply.contentType],
            body: Data(reply.body))
    }
}

func bodyBytes(_ request: HTTPRequest) async throws -> [UInt8] {
    [UInt8](try await request.bodyData)
}

let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: UInt16(arguments.port))
// Logging off: FlyingFox's default logger prints a line per request.
let server = HTTPServer(address: address, logger: .disabled)
await server.appendRoute("GET /health") { _ in HTTPResponse(GuidelineEndpoints.health) }
await server.appendRoute("POST /v1/validate") { request in
    HTTPResponse(endpoints.validate(try await bodyBytes(request)))
}
await server.appendRoute("POST /v1/assessment") { request in
    HTTPResponse(endpoints.assessment(try await bodyBytes(request)))
}

Task {
    try await server.waitUntilListening()
    announceListening(port: arguments.port)
}
try await server.run()
