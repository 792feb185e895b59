/// Reason phrases for the statuses this service answers, used as problem titles.
enum HTTPStatusTitle {
    static func title(for status: Int) -> String {
        switch status {
        case 400: "Bad request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 406: "Not acceptable"
        case 408: "Request timeout"
        case 409: "Conflict"
        case 411: "Length required"
        case 412: "Precondition failed"
        case 413: "Content too large"
        case 414: "URI too long"
        case 415: "Unsupported media type"
        case 422: "Unprocessable content"
        case 428: "Precondition required"
        case 431: "Request header fields too large"
        case 500: "Internal server error"
        case 501: "Not implemented"
        case 503: "Service unavailable"
        case 505: "HTTP version not supported"
        case 507: "Insufficient storage"
        default: "HTTP \(status)"
        }
    }
}
