/// Progress of the search for the end of a request head; positions are buffer indices.
struct HeadScan {
    /// Everything before this index has been looked at.
    var scanned = 0
    /// Start of the line being scanned.
    var lineStart = 0
    /// Index of the LF that ends the request line, once found.
    var requestLineEnd: Int?
    var fieldLines = 0

    init(at index: Int = 0) {
        scanned = index
        lineStart = index
    }

    mutating func shift(by offset: Int) {
        scanned -= offset
        lineStart -= offset
        if let end = requestLineEnd { requestLineEnd = end - offset }
    }
}

enum HeadScanOutcome {
    case incomplete
    case complete(headEnd: Int)
    case failed(ParseError)
}

extension RequestParser {
    /// Finds the blank line ending the head, enforcing the size limits while the head is
    /// still incomplete (so an endless head is refused early, not buffered).
    /// Empty lines before the request line are skipped (RFC 9112 section 2.2) by moving `start`.
    static func scanHead(
        _ bytes: UnsafeBufferPointer<UInt8>, start: inout Int, scan: inout HeadScan, limits: ParserLimits
    ) -> HeadScanOutcome {
        let end = bytes.count
        var index = scan.scanned
        while index < end {
            guard bytes[index] == ASCII.lf else {
                index += 1
                continue
            }
            let lineStart = scan.lineStart
            guard index > lineStart, bytes[index - 1] == ASCII.cr else {
                return .failed(.badRequest("line ends with a bare LF; CRLF is required"))
            }
            let isEmpty = index - 1 == lineStart
            if let requestLineEnd = scan.requestLineEnd {
                if isEmpty {
                    scan.scanned = index + 1
                    return .complete(headEnd: index + 1)
                }
                scan.fieldLines += 1
                if scan.fieldLines > limits.maxHeaderCount {
                    return .failed(.headerTooLarge("more than \(limits.maxHeaderCount) header fields"))
                }
                if index + 1 - (requestLineEnd + 1) > limits.maxHeaderBytes {
                    return .failed(.headerTooLarge("header section over \(limits.maxHeaderBytes) bytes"))
                }
            } else if isEmpty {
                start = index + 1
            } else {
                if index - lineStart > limits.maxRequestLineBytes {
                    return .failed(.uriTooLong("request line over the limit"))
                }
                scan.requestLineEnd = index
            }
            index += 1
            scan.lineStart = index
        }
        scan.scanned = end
        if let requestLineEnd = scan.requestLineEnd {
            // `+ 1`: the CR of the final blank line does not count (a complete head is
            // measured up to the last field line's LF), so a head at the limit is not
            // refused just because its last CR and LF arrived in different reads.
            if end - (requestLineEnd + 1) > limits.maxHeaderBytes + 1 {
                return .failed(.headerTooLarge("header section over \(limits.maxHeaderBytes) bytes"))
            }
        } else if end - scan.lineStart > limits.maxRequestLineBytes {
            return .failed(.uriTooLong("request line over the limit"))
        }
        return .incomplete
    }

    /// Parses a complete head: request line, then each field line, then the framing rules
    /// that guard against request smuggling (RFC 9112 section 6.3).
    static func parseHead(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, requestLineEnd: Int, headEnd: Int, limits: ParserLimits
    ) throws(ParseError) -> ParsedHead {
        let line = try RequestLine(bytes[start..<(requestLineEnd - 1)], limits: limits)
        var fields = FieldRules()
        var headers = HTTPHeaders(reservingCapacity: 16)
        var lineStart = requestLineEnd + 1
        let fieldsEnd = headEnd - 2  // the final CRLF
        while lineStart < fieldsEnd {
            var lineFeed = lineStart
            while bytes[lineFeed] != ASCII.lf { lineFeed += 1 }
            let (name, value) = try Self.parseField(bytes[lineStart..<(lineFeed - 1)])
            try fields.inspect(name: name, value: value)
            headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
            lineStart = lineFeed + 1
        }
        let framing = try fields.framing(version: line.version)
        return ParsedHead(
            method: line.method,
            target: line.target,
            version: line.version,
            headers: headers,
            framing: framing,
            keepAlive: fields.keepAlive(version: line.version),
            expectsContinue: fields.expectsContinue
        )
    }

    /// Splits `name: value`, refusing obs-fold, whitespace before the colon, bad name
    /// characters and control characters (including a lone CR) in the value.
    static func parseField(
        _ line: UnsafeBufferPointer<UInt8>.SubSequence
    ) throws(ParseError) -> (
        name: UnsafeBufferPointer<UInt8>.SubSequence, value: UnsafeBufferPointer<UInt8>.SubSequence
    ) {
        guard let first = line.first else { throw .badRequest("empty header line") }
        if first == ASCII.space || first == ASCII.tab {
            throw .badRequest("obsolete line folding in header section")
        }
        var colon = line.startIndex
        while colon < line.endIndex && ASCII.isToken(line[colon]) { colon += 1 }
        guard colon < line.endIndex else { throw .badRequest("header line without a colon") }
        switch line[colon] {
        case ASCII.colon: break
        case ASCII.space, ASCII.tab: throw .badRequest("whitespace between header name and colon")
        default: throw .badRequest("invalid character in header name")
        }
        guard colon > line.startIndex else { throw .badRequest("empty header name") }
        var lower = colon + 1
        var upper = line.endIndex
        while lower < upper, line[lower] == ASCII.space || line[lower] == ASCII.tab { lower += 1 }
        while upper > lower, line[upper - 1] == ASCII.space || line[upper - 1] == ASCII.tab { upper -= 1 }
        for byte in line[lower..<upper] where !ASCII.isFieldValue(byte) {
            throw .badRequest(byte == ASCII.cr ? "CR without LF in header value" : "control character in header value")
        }
        return (line[line.startIndex..<colon], line[lower..<upper])
    }
}
