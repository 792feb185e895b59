import Foundation
import HTTPServer
@testable import SarcomaAPI
import Testing

/// The served OpenAPI document and the router must describe the same API.
@Suite("OpenAPI document matches the routes")
struct OpenAPICoverageTests {
    static func documentOperations() throws -> Set<String> {
        let data = try Data(contentsOf: ServiceFixture.root.appendingPathComponent("Config/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        var operations = Set<String>()
        for (path, item) in paths {
            let methods = (item as? [String: Any] ?? [:]).keys
            for method in methods where ["get", "put", "post", "delete", "patch", "options", "head"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsRouted() throws {
        let fixture = try ServiceFixture()
        let routed = Set(fixture.service.router.routes.map { "\($0.method) \($0.template)" })
        let documented = try Self.documentOperations()
        #expect(
            routed.subtracting(documented).isEmpty,
            "routes missing from openapi.json: \(routed.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(routed).isEmpty,
            "openapi.json paths with no route: \(documented.subtracting(routed).sorted())")
    }

    @Test func theDocumentIsServedAsIs() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle("GET", "/openapi.json")
        let onDisk = try Data(contentsOf: ServiceFixture.root.appendingPathComponent("Config/openapi.json"))
        #expect(response.status == 200)
        #expect(Data(response.body) == onDisk)
    }
}
