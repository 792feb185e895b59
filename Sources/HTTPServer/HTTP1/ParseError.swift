/// Why a request was refused before reaching a handler, with the status that says so.
/// After any of these the connection is closed: the byte stream can no longer be trusted.
struct ParseError: Error, Equatable, Sendable {
    let status: Int
    let detail: String

    static func badRequest(_ detail: String) -> ParseError { ParseError(status: 400, detail: detail) }
    static func headerTooLarge(_ detail: String) -> ParseError { ParseError(status: 431, detail: detail) }
    static func uriTooLong(_ detail: String) -> ParseError { ParseError(status: 414, detail: detail) }
    static func bodyTooLarge(_ detail: String) -> ParseError { ParseError(status: 413, detail: detail) }
    static func versionNotSupported(_ detail: String) -> ParseError { ParseError(status: 505, detail: detail) }
}

/// The limits the parser enforces; all come from `ServerConfiguration`.
struct ParserLimits: Sendable {
    var maxHeaderBytes = 16_384
    var maxHeaderCount = 100
    var maxURIBytes = 8_192
    var maxBodyBytes = 1_048_576

    /// Room for method, spaces and version around the target while the line is incomplete.
    var maxRequestLineBytes: Int { maxURIBytes + 64 }
    /// A chunk-size line (size plus extensions) longer than this is refused.
    static let maxChunkLineBytes = 4_096
}

/// How the body of a request is delimited (RFC 9112 section 6.3).
enum BodyFraming: Equatable, Sendable {
    case none
    case length(Int)
    case chunked
}

/// A request head, parsed and checked, before its body is read.
struct ParsedHead: Sendable {
    var method: String
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var framing: BodyFraming
    /// Whether the client allows the connection to stay open after this exchange.
    var keepAlive: Bool
    var expectsContinue: Bool
    var isHead: Bool { method == "HEAD" }
}

enum HTTPVersion: Sendable {
    case http10, http11

    var text: String { self == .http11 ? "HTTP/1.1" : "HTTP/1.0" }
}

/// A complete request as it came off the wire.
struct ParsedRequest: Sendable {
    var head: ParsedHead
    var body: [UInt8]
    /// Bytes this request took on the wire (head, framing and body).
    var wireBytes: Int
}
