import HTTPServer
import SarcomaGuidelines

/// Builds `application/json` answers.
enum JSONResponse {
    static func make(_ status: Int = 200, _ value: JSONValue, pretty: Bool,
                     headers extra: [(String, String)] = []) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json")
        for (name, value) in extra { headers.set(name, value) }
        return HTTPResponse(status: status, headers: headers, body: JSONBody.bytes(value, pretty: pretty))
    }

    static func text(_ status: Int = 200, _ text: String, contentType: String = "text/plain; charset=utf-8") -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", contentType)
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }
}
