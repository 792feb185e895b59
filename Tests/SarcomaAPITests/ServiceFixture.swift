import CaseStore
import Foundation
import HTTPServer
@testable import SarcomaAPI

/// An in-process service on a fresh temporary database, with the repository's migrations,
/// guideline pack and OpenAPI document; with `tokensFile` text, access tokens are required.
final class ServiceFixture: @unchecked Sendable {
    // @unchecked: immutable after init.
    let service: SarcomaService
    let directory: URL

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `configure` may change any setting last (it gets the fixture's folder for files it writes).
    init(
        tokensFile: String? = nil, host: String? = nil,
        configure: ((inout ServiceConfiguration, URL) throws -> Void)? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sarcoma-api-\(UUID().uuidString)")
        var configuration = ServiceConfiguration()
        if let tokensFile {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("tokens").path
            try Data(tokensFile.utf8).write(to: URL(fileURLWithPath: path))
            configuration.tokensFile = path
        }
        if let host { configuration.host = host }
        configuration.port = 0
        configuration.database = directory.appendingPathComponent("cases.sqlite").path
        configuration.migrations = Self.root.appendingPathComponent("Migrations").path
        configuration.guidelines = Self.root.appendingPathComponent("Config/guidelines").path
        configuration.openapi = Self.root.appendingPathComponent("Config/openapi.json").path
        configuration.accessLog = false
        if let configure {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try configure(&configuration, directory)
        }
        service = try makeService(config: configuration)
    }

    /// Runs one request through the router as the server would (no sockets).
    func handle(_ method: String, _ target: String, headers: [(String, String)] = [], body: String = "") -> HTTPResponse
    {
        var request = HTTPRequest(
            method: method, target: target, version: "HTTP/1.1",
            headers: HTTPHeaders(headers), body: Array(body.utf8))
        switch service.router.resolve(method: method, path: request.path) {
        case .found(let handler, let parameters, let template):
            request.pathParameters = parameters
            request.routeTemplate = template
            return handler(request)
        case .notFound:
            return HTTPResponse(status: 404)
        case .methodNotAllowed:
            return HTTPResponse(status: 405)
        }
    }

    deinit {
        service.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
