/// `method SP request-target SP HTTP-version`, parsed from bytes.
struct RequestLine {
    let method: String
    let target: String
    let version: HTTPVersion

    init(_ line: UnsafeBufferPointer<UInt8>.SubSequence, limits: ParserLimits) throws(ParseError) {
        var index = line.startIndex
        while index < line.endIndex && ASCII.isToken(line[index]) { index += 1 }
        guard index > line.startIndex, index < line.endIndex, line[index] == ASCII.space else {
            throw .badRequest("malformed request line")
        }
        let methodBytes = line[line.startIndex..<index]
        index += 1
        let targetStart = index
        while index < line.endIndex && ASCII.isVisible(line[index]) { index += 1 }
        guard index > targetStart, index < line.endIndex, line[index] == ASCII.space else {
            throw .badRequest("malformed request line")
        }
        let targetBytes = line[targetStart..<index]
        if targetBytes.count > limits.maxURIBytes {
            throw .uriTooLong("request target over \(limits.maxURIBytes) bytes")
        }
        try Self.checkTargetForm(targetBytes)
        version = try Self.parseVersion(line[(index + 1)...])
        method = String(decoding: methodBytes, as: UTF8.self)
        target = String(decoding: targetBytes, as: UTF8.self)
    }

    /// origin-form ("/path?q"), asterisk-form ("*") or absolute-form ("http://host/path").
    private static func checkTargetForm(_ target: UnsafeBufferPointer<UInt8>.SubSequence) throws(ParseError) {
        let first = target[target.startIndex]
        if first == UInt8(ascii: "/") { return }
        if first == UInt8(ascii: "*") && target.count == 1 { return }
        var index = target.startIndex
        while index < target.endIndex, isSchemeCharacter(target[index]) { index += 1 }
        let rest = target[index...]
        if index > target.startIndex, rest.starts(with: "://".utf8) { return }
        throw .badRequest("request target must be an absolute path")
    }

    private static func isSchemeCharacter(_ byte: UInt8) -> Bool {
        let lowered = ASCII.lower(byte)
        return (lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z"))
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// "HTTP/1.1" and "HTTP/1.0" are served; any other well-formed "HTTP/d.d" is 505; the rest 400.
    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) throws(ParseError) -> HTTPVersion
    {
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else { throw .badRequest("malformed HTTP version") }
        let major = bytes[bytes.startIndex + 5]
        let dot = bytes[bytes.startIndex + 6]
        let minor = bytes[bytes.startIndex + 7]
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard isDigit(major), dot == UInt8(ascii: "."), isDigit(minor) else {
            throw .badRequest("malformed HTTP version")
        }
        guard major == UInt8(ascii: "1") else { throw .versionNotSupported("only HTTP/1.0 and HTTP/1.1 are supported") }
        switch minor {
        case UInt8(ascii: "1"): return .http11
        case UInt8(ascii: "0"): return .http10
        default: throw .versionNotSupported("only HTTP/1.0 and HTTP/1.1 are supported")
        }
    }
}
