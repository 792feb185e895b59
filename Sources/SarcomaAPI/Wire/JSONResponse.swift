import JSON
import HTTPServer
import SarcomaGuidelines

/// Builds `application/json` answers.
enum JSONResponse {
    static func make(
        _ value: JSONValue, status: Int = 200, pretty: Bool,
        headers extra: [(String, String)] = []
    ) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json")
        for (name, value) in extra { headers.set(name, value) }
        return HTTPResponse(status: status, headers: headers, body: JSONBody.bytes(value, pretty: pretty))
    }

    static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8")
        -> HTTPResponse
    {
        var headers = HTTPHeaders()
        headers.set("Content-Type", contentType)
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }
}
