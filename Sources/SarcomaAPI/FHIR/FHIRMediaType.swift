import HTTPServer

/// FHIR's JSON media type (FHIR R4 "http" page: `application/fhir+json`).
enum FHIRMediaType {
    static let json = "application/fhir+json"

    static func response(_ body: [UInt8], status: Int = 200, headers extra: [(String, String)] = []) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", json)
        for (name, value) in extra { headers.set(name, value) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
