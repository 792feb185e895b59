/// Entry point for the request-parser fuzzer (`Fuzz/`), public only so that a separate
/// package can reach the internal parser. Not part of the server's API: nothing in the
/// service calls it.
///
/// `run` feeds the bytes to `RequestParser` whole, byte by byte and split at a few points
/// chosen from the input, builds an `HTTPRequest` from every request (as the server does),
/// and traps (`preconditionFailure`) when an invariant breaks:
/// - the requests parsed do not depend on how the bytes were split, nor does whether the
///   stream ends in a refusal;
/// - a Content-Length body has exactly that length; a chunked request has
///   `Transfer-Encoding` and no `Content-Length`; no request carries both;
/// - an HTTP/1.1 request has exactly one Host; limits (body, field count, target) hold;
/// - header names are tokens, values carry no CR, LF, NUL or surrounding whitespace;
/// - requests never account for more bytes than were sent.
public enum RequestParserFuzzEntry {
    /// Small limits reach the limit checks with short inputs; the defaults are the server's.
    static let limitSets: [ParserLimits] = [
        ParserLimits(maxHeaderBytes: 200, maxHeaderCount: 6, maxURIBytes: 48, maxBodyBytes: 64),
        ParserLimits(),
    ]

    public static func run(_ bytes: [UInt8]) {
        for (index, limits) in limitSets.enumerated() {
            check(bytes, limits: limits, byteByByte: index == 0)
        }
    }

    /// Feeds `bytes` whole and split (byte by byte too, when asked) and compares.
    static func check(_ bytes: [UInt8], limits: ParserLimits, byteByByte: Bool = true) {
        let whole = outcome(of: [bytes[...]], total: bytes.count, limits: limits)
        var splits: [[ArraySlice<UInt8>]] = []
        if byteByByte && bytes.count <= 4_096 {
            splits.append(bytes.indices.map { bytes[$0...$0] })
        }
        // A few split points taken from the input itself (deterministic for a given input).
        var seed: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes.prefix(64) { seed = (seed ^ UInt64(byte)) &* 0x100_0000_01B3 }
        for round in 0..<3 where bytes.count > 1 {
            var cuts: Set<Int> = []
            var state = seed &+ UInt64(round) &* 0x9E37_79B9_7F4A_7C15
            for _ in 0..<(1 + round * 3) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                cuts.insert(1 + Int(state >> 33) % (bytes.count - 1))
            }
            var pieces: [ArraySlice<UInt8>] = []
            var lower = 0
            for cut in cuts.sorted() {
                pieces.append(bytes[lower..<cut])
                lower = cut
            }
            pieces.append(bytes[lower...])
            splits.append(pieces)
        }
        for pieces in splits {
            let split = outcome(of: pieces, total: bytes.count, limits: limits)
            guard split.requests == whole.requests else {
                fatalError(
                    "requests differ with the input split in \(pieces.count) pieces:\n"
                        + "whole: \(whole.requests)\nsplit: \(split.requests)")
            }
            guard (split.failure == nil) == (whole.failure == nil) else {
                fatalError(
                    "refusal differs with the input split in \(pieces.count) pieces: "
                        + "whole \(whole.failure.map { "\($0.status) \($0.detail)" } ?? "none"), "
                        + "split \(split.failure.map { "\($0.status) \($0.detail)" } ?? "none")")
            }
        }
    }

    struct Outcome {
        var requests: [String] = []
        var failure: ParseError?
    }

    static func outcome(of pieces: [ArraySlice<UInt8>], total: Int, limits: ParserLimits) -> Outcome {
        var parser = RequestParser(limits: limits)
        var generator = RequestIDGenerator()
        var result = Outcome()
        var wireBytes = 0
        for piece in pieces {
            piece.withUnsafeBufferPointer { parser.append($0) }
            events: while true {
                switch parser.next() {
                case .needMore:
                    break events
                case .sendContinue:
                    continue
                case .request(let request):
                    wireBytes += request.wireBytes
                    require(wireBytes <= total, "requests account for \(wireBytes) bytes of \(total)")
                    verify(request, limits: limits)
                    result.requests.append(summary(of: request, generator: &generator))
                case .failure(let error):
                    require([400, 413, 414, 431, 505].contains(error.status), "unexpected status \(error.status)")
                    result.failure = error
                    require(parser.next().isNeedMore, "a failed parser must stay failed")
                    return result
                }
            }
            parser.shrinkIfIdle()
        }
        return result
    }

    static func verify(_ request: ParsedRequest, limits: ParserLimits) {
        let head = request.head
        let hasLength = head.headers.contains("Content-Length")
        let hasTransferEncoding = head.headers.contains("Transfer-Encoding")
        require(!(hasLength && hasTransferEncoding), "accepted both Content-Length and Transfer-Encoding")
        switch head.framing {
        case .none:
            require(request.body.isEmpty, "a body without framing")
            require(!hasTransferEncoding, "Transfer-Encoding without chunked framing")
        case .length(let length):
            require(request.body.count == length, "body of \(request.body.count) bytes for Content-Length \(length)")
            require(hasLength, "length framing without Content-Length")
        case .chunked:
            require(hasTransferEncoding, "chunked framing without Transfer-Encoding")
            require(head.version == .http11, "chunked framing in HTTP/1.0")
        }
        require(request.body.count <= limits.maxBodyBytes, "body over the limit")
        if head.version == .http11 {
            require(head.headers.values(for: "Host").count == 1, "HTTP/1.1 request without exactly one Host")
        }
        require(head.headers.count <= limits.maxHeaderCount, "more header fields than the limit")
        require(!head.method.isEmpty && head.method.utf8.allSatisfy(ASCII.isToken), "method is not a token")
        require(!head.target.isEmpty && head.target.utf8.count <= limits.maxURIBytes, "target empty or over the limit")
        require(head.target.utf8.allSatisfy(ASCII.isVisible), "target with invisible bytes")
        for field in head.headers {
            require(!field.name.isEmpty && field.name.utf8.allSatisfy(ASCII.isToken), "header name is not a token")
            require(
                field.value.utf8.allSatisfy { $0 != ASCII.cr && $0 != ASCII.lf && $0 != 0 },
                "CR, LF or NUL in a header value")
            if let first = field.value.utf8.first, let last = field.value.utf8.last {
                for byte in [first, last] {
                    require(byte != ASCII.space && byte != ASCII.tab, "header value not trimmed")
                }
            }
        }
        require(request.wireBytes >= request.body.count, "wire bytes smaller than the body")
    }

    /// A comparable description of a request, including what the handler would see.
    static func summary(of request: ParsedRequest, generator: inout RequestIDGenerator) -> String {
        let head = request.head
        let http = HTTPRequest(
            method: head.method, target: head.target, version: head.version.text,
            headers: head.headers, body: request.body, generator: &generator)
        require(!http.requestID.isEmpty, "empty request id")
        let query = http.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let headers = head.headers.map { "\($0.name): \($0.value)" }.joined(separator: "|")
        return "\(head.method) \(head.target) \(head.version.text) path=\(http.path) query=\(query) [\(headers)] "
            + "framing=\(head.framing) keepAlive=\(head.keepAlive) continue=\(head.expectsContinue) "
            + "body=\(request.body) wire=\(request.wireBytes)"
    }
}

/// `precondition` that keeps its message in release builds (the fuzzer's log shows it).
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}

extension RequestParser.Event {
    fileprivate var isNeedMore: Bool {
        if case .needMore = self { return true }
        return false
    }
}
