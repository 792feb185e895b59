import HTTPServer

/// Boolean query parameters such as `?explain=true` and `?pretty=true`.
enum QueryFlag {
    static func value(_ name: String, in request: HTTPRequest) throws(Problem) -> Bool {
        guard let raw = request.queryValue(name) else { return false }
        switch raw {
        case "", "true", "1": return true
        case "false", "0": return false
        default: throw Problem.badQuery("'\(name)' must be true or false, not '\(raw)'")
        }
    }
}
