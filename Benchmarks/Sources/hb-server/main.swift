// Hummingbird 2 answering what sarcoma-guide answers, through the same engine code.
// usage: hb-server --port N --guidelines DIR
import GuidelineEndpoints
import Hummingbird

let arguments = ServerArguments.parse()
let endpoints: GuidelineEndpoints
do {
    endpoints = try GuidelineEndpoints(guidelinesFolder: arguments.guidelines)
} catch {
    fatalError("hb-server: \(error)")
}

extension Response {
    init(_ reply: Reply) {
        self.init(
            status: .init(code: reply.status),
            headers: [.contentType: reply.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}

func bodyBytes(_ request: Request) async throws -> [UInt8] {
    let buffer = try await request.body.collect(upTo: GuidelineEndpoints.maxBodyBytes)
    return Array(buffer.readableBytesView)
}

let router = Router()
router.get("/health") { _, _ in Response(GuidelineEndpoints.health) }
router.post("/v1/validate") { request, _ in Response(endpoints.validate(try await bodyBytes(request))) }
router.post("/v1/assessment") { request, _ in Response(endpoints.assessment(try await bodyBytes(request))) }

let port = arguments.port
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port)),
    onServerRunning: { _ in announceListening(port: port) }
)
try await app.runService()
