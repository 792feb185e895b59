/// An incremental HTTP/1.1 request parser working on bytes, never on Strings.
///
/// Bytes are appended as they arrive; `next()` then yields events. The head is located by
/// scanning for line ends once (the scan resumes where it stopped, so a head trickling in
/// byte by byte is not rescanned), then parsed in one pass. Strings are made only for the
/// values handlers see (method, target, header names and values).
///
/// Line endings: CRLF only. A bare LF (or a CR not followed by LF) is a 400 — RFC 9112
/// allows accepting a bare LF, but refusing it leaves no room for two parsers (ours and a
/// proxy's) to disagree about where a header ends.
struct RequestParser {
    enum Event {
        /// Everything buffered has been used; read more.
        case needMore
        /// The client sent `Expect: 100-continue`: send `100 Continue` now, then call `next()` again.
        case sendContinue
        case request(ParsedRequest)
        /// The input is unusable: answer with the status and close. The parser stays failed.
        case failure(ParseError)
    }

    /// Where the connection is in the current request, for choosing which timeout applies.
    enum Phase: Equatable { case idle, head, body }

    private enum Mode {
        case head
        case fixedBody(remaining: Int)
        case chunkedBody
        case failed
    }

    let limits: ParserLimits
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet consumed.
    private var start = 0
    private var mode = Mode.head
    private var scan = HeadScan()
    private var head: ParsedHead?
    private var headBytes = 0
    private var chunked = ChunkedDecoder()

    init(limits: ParserLimits) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed by a request.
    var unconsumedCount: Int { buffer.count - start }

    var phase: Phase {
        switch mode {
        case .head: return unconsumedCount == 0 ? .idle : .head
        case .fixedBody, .chunkedBody: return .body
        case .failed: return .head
        }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if start > 0 && start >= unconsumedCount { compact() }
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Gives back a large buffer once a connection goes idle, so idle connections stay cheap.
    mutating func shrinkIfIdle() {
        if unconsumedCount == 0 && buffer.capacity > 65_536 {
            buffer = []
            start = 0
            scan = HeadScan()
        }
    }

    mutating func next() -> Event {
        switch mode {
        case .failed:
            return .needMore
        case .head:
            return nextHead()
        case .fixedBody, .chunkedBody:
            return nextBody()
        }
    }

    private mutating func nextHead() -> Event {
        var scan = self.scan
        var start = self.start
        let limits = self.limits
        let outcome = buffer.withUnsafeBufferPointer { Self.scanHead($0, start: &start, scan: &scan, limits: limits) }
        self.scan = scan
        self.start = start
        let headEnd: Int
        switch outcome {
        case .incomplete: return .needMore
        case .failed(let error): return fail(error)
        case .complete(let end): headEnd = end
        }
        let requestLineEnd = scan.requestLineEnd ?? headEnd
        let parsed = buffer.withUnsafeBufferPointer { (bytes) -> Result<ParsedHead, ParseError> in
            Result { () throws(ParseError) -> ParsedHead in
                try Self.parseHead(
                    bytes, start: start, requestLineEnd: requestLineEnd, headEnd: headEnd, limits: limits)
            }
        }
        let head: ParsedHead
        switch parsed {
        case .failure(let error): return fail(error)
        case .success(let value): head = value
        }
        headBytes = headEnd - start
        self.start = headEnd
        self.scan = HeadScan(at: headEnd)
        switch head.framing {
        case .none:
            return finish(head: head, body: [], bodyWireBytes: 0)
        case .length(let length):
            guard length <= limits.maxBodyBytes else {
                return fail(
                    .bodyTooLarge("request body of \(length) bytes is over the limit of \(limits.maxBodyBytes)"))
            }
            mode = .fixedBody(remaining: length)
        case .chunked:
            mode = .chunkedBody
            chunked = ChunkedDecoder()
        }
        self.head = head
        if head.expectsContinue && head.version == .http11 && unconsumedCount == 0 {
            return .sendContinue
        }
        return nextBody()
    }

    private mutating func nextBody() -> Event {
        guard let head else { return fail(.badRequest("internal parser state")) }
        switch mode {
        case .fixedBody(let length):
            guard unconsumedCount >= length else { return .needMore }
            let body = Array(buffer[start..<(start + length)])
            start += length
            return finish(head: head, body: body, bodyWireBytes: length)
        case .chunkedBody:
            var decoder = chunked
            chunked = ChunkedDecoder()  // so `decoder.body` is uniquely referenced while it grows
            var start = self.start
            let limits = self.limits
            let outcome = buffer.withUnsafeBufferPointer { decoder.decode($0, start: &start, limits: limits) }
            self.start = start
            switch outcome {
            case .needMore:
                chunked = decoder
                return .needMore
            case .failed(let error):
                return fail(error)
            case .done:
                return finish(head: head, body: decoder.body, bodyWireBytes: decoder.wireBytes)
            }
        case .head, .failed:
            return fail(.badRequest("internal parser state"))
        }
    }

    private mutating func finish(head: ParsedHead, body: [UInt8], bodyWireBytes: Int) -> Event {
        mode = .head
        self.head = nil
        scan = HeadScan(at: start)
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 65_536)
            start = 0
            scan = HeadScan()
        }
        return .request(ParsedRequest(head: head, body: body, wireBytes: headBytes + bodyWireBytes))
    }

    private mutating func fail(_ error: ParseError) -> Event {
        mode = .failed
        head = nil
        return .failure(error)
    }

    private mutating func compact() {
        buffer.removeSubrange(0..<start)
        scan.shift(by: start)
        start = 0
    }
}
