/// Collects the header fields that decide framing and connection handling, and applies the
/// rules that keep one request from being read as two (request smuggling):
/// one agreed Content-Length, `Transfer-Encoding: chunked` only, never both, one Host.
struct FieldRules {
    private(set) var contentLength: Int?
    private(set) var transferEncodings = 0
    private(set) var hostCount = 0
    private(set) var connectionClose = false
    private(set) var connectionKeepAlive = false
    private(set) var expectsContinue = false

    mutating func inspect(name: UnsafeBufferPointer<UInt8>.SubSequence, value: UnsafeBufferPointer<UInt8>.SubSequence)
        throws(ParseError)
    {
        switch name.count {
        case 4 where ASCII.equalsLowercased(name, "host"):
            hostCount += 1
            if hostCount > 1 { throw .badRequest("more than one Host header") }
        case 6 where ASCII.equalsLowercased(name, "expect"):
            if ASCII.equalsLowercased(value, "100-continue") { expectsContinue = true }
        case 10 where ASCII.equalsLowercased(name, "connection"):
            ASCII.forEachListElement(value) { option in
                if ASCII.equalsLowercased(option, "close") { connectionClose = true }
                if ASCII.equalsLowercased(option, "keep-alive") { connectionKeepAlive = true }
            }
        case 14 where ASCII.equalsLowercased(name, "content-length"):
            try inspectContentLength(value)
        case 17 where ASCII.equalsLowercased(name, "transfer-encoding"):
            var unsupported = false
            ASCII.forEachListElement(value) { coding in
                transferEncodings += 1
                if !ASCII.equalsLowercased(coding, "chunked") { unsupported = true }
            }
            if unsupported { throw .badRequest("unsupported Transfer-Encoding; only chunked is accepted") }
            if transferEncodings != 1 { throw .badRequest("chunked may be applied only once") }
        default:
            break
        }
    }

    /// Digits only (no sign, no spaces inside), no overflow; repeats must all agree.
    private mutating func inspectContentLength(_ value: UnsafeBufferPointer<UInt8>.SubSequence) throws(ParseError) {
        var failure: ParseError?
        ASCII.forEachListElement(value) { element in
            guard failure == nil else { return }
            guard !element.isEmpty, element.count <= 18 else {
                failure = .badRequest("invalid Content-Length")
                return
            }
            var length = 0
            for byte in element {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
                    failure = .badRequest("invalid Content-Length")
                    return
                }
                length = length * 10 + Int(byte - UInt8(ascii: "0"))
            }
            if let known = contentLength, known != length {
                failure = .badRequest("conflicting Content-Length values")
                return
            }
            contentLength = length
        }
        if let failure { throw failure }
    }

    func framing(version: HTTPVersion) throws(ParseError) -> BodyFraming {
        if version == .http11 && hostCount == 0 { throw .badRequest("HTTP/1.1 request without Host header") }
        if transferEncodings > 0 {
            if contentLength != nil { throw .badRequest("both Content-Length and Transfer-Encoding") }
            if version == .http10 { throw .badRequest("Transfer-Encoding in an HTTP/1.0 request") }
            return .chunked
        }
        if let contentLength, contentLength > 0 { return .length(contentLength) }
        return .none
    }

    func keepAlive(version: HTTPVersion) -> Bool {
        if connectionClose { return false }
        return version == .http11 || connectionKeepAlive
    }
}
