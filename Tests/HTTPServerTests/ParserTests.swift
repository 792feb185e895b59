import Testing
@testable import HTTPServer

/// What the parser made of some input, in a comparable form.
enum ParseOutcome: Equatable, CustomStringConvertible {
    case request(method: String, target: String, version: String, headers: [String], body: String, keepAlive: Bool)
    case failure(Int)

    var description: String {
        switch self {
        case .request(let method, let target, let version, let headers, let body, let keepAlive):
            return "\(method) \(target) \(version) \(headers) body=\(body.debugDescription) keepAlive=\(keepAlive)"
        case .failure(let status): return "failure \(status)"
        }
    }
}

let testLimits = ParserLimits(maxHeaderBytes: 256, maxHeaderCount: 5, maxURIBytes: 64, maxBodyBytes: 32)

/// Feeds `pieces` one after another, collecting every outcome (100-continue prompts are not outcomes).
func parse(_ pieces: [ArraySlice<UInt8>], limits: ParserLimits = testLimits) -> [ParseOutcome] {
    var parser = RequestParser(limits: limits)
    var outcomes: [ParseOutcome] = []
    for piece in pieces {
        parser.append(Array(piece))
        events: while true {
            switch parser.next() {
            case .needMore: break events
            case .sendContinue: continue
            case .request(let request):
                let head = request.head
                outcomes.append(
                    .request(
                        method: head.method, target: head.target, version: head.version.text,
                        headers: head.headers.map { "\($0.name): \($0.value)" },
                        body: String(decoding: request.body, as: UTF8.self), keepAlive: head.keepAlive))
            case .failure(let error):
                outcomes.append(.failure(error.status))
                return outcomes
            }
        }
    }
    return outcomes
}

func parseWhole(_ text: String, limits: ParserLimits = testLimits) -> [ParseOutcome] {
    parse([Array(text.utf8)[...]], limits: limits)
}

struct ParserCase: Sendable, CustomTestStringConvertible {
    let name: String
    let raw: String
    let expected: [ParseOutcome]
    var testDescription: String { name }
}

let validCases: [ParserCase] = [
    ParserCase(
        name: "GET", raw: "GET /hello?x=1 HTTP/1.1\r\nHost: example\r\nAccept: */*\r\n\r\n",
        expected: [
            .request(
                method: "GET", target: "/hello?x=1", version: "HTTP/1.1", headers: ["Host: example", "Accept: */*"],
                body: "", keepAlive: true)
        ]),
    ParserCase(
        name: "POST with Content-Length", raw: "POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
        expected: [
            .request(
                method: "POST", target: "/echo", version: "HTTP/1.1", headers: ["Host: h", "Content-Length: 5"],
                body: "hello", keepAlive: true)
        ]),
    ParserCase(
        name: "chunked with extensions and trailers",
        raw:
            "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5 ; name=\"q v\"\r\npedia\r\nA\r\n in chunks\r\n0\r\nX-Trailer: yes\r\nX-Other: 2\r\n\r\n",
        expected: [
            .request(
                method: "POST", target: "/c", version: "HTTP/1.1", headers: ["Host: h", "Transfer-Encoding: chunked"],
                body: "Wikipedia in chunks", keepAlive: true)
        ]),
    ParserCase(
        name: "pipelined pair",
        raw:
            "GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nConnection: close\r\n\r\nxyz",
        expected: [
            .request(method: "GET", target: "/a", version: "HTTP/1.1", headers: ["Host: h"], body: "", keepAlive: true),
            .request(
                method: "POST", target: "/b", version: "HTTP/1.1",
                headers: ["Host: h", "Content-Length: 3", "Connection: close"],
                body: "xyz", keepAlive: false),
        ]),
    ParserCase(
        name: "HTTP/1.0 without Host closes", raw: "GET / HTTP/1.0\r\n\r\n",
        expected: [
            .request(method: "GET", target: "/", version: "HTTP/1.0", headers: [], body: "", keepAlive: false)
        ]),
    ParserCase(
        name: "HTTP/1.0 keep-alive", raw: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
        expected: [
            .request(
                method: "GET", target: "/", version: "HTTP/1.0", headers: ["Connection: Keep-Alive"], body: "",
                keepAlive: true)
        ]),
    ParserCase(
        name: "leading empty line and OWS", raw: "\r\nGET * HTTP/1.1\r\nHost:h\r\nX-A: \t spaced value \t\r\n\r\n",
        expected: [
            .request(
                method: "GET", target: "*", version: "HTTP/1.1", headers: ["Host: h", "X-A: spaced value"], body: "",
                keepAlive: true)
        ]),
    ParserCase(
        name: "absolute-form target", raw: "GET http://example.org/p?q=1 HTTP/1.1\r\nHost: example.org\r\n\r\n",
        expected: [
            .request(
                method: "GET", target: "http://example.org/p?q=1", version: "HTTP/1.1", headers: ["Host: example.org"],
                body: "", keepAlive: true)
        ]),
    ParserCase(
        name: "repeated equal Content-Length",
        raw: "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok",
        expected: [
            .request(
                method: "PUT", target: "/x", version: "HTTP/1.1",
                headers: ["Host: h", "Content-Length: 2", "Content-Length: 2, 2"],
                body: "ok", keepAlive: true)
        ]),
]

struct BadCase: Sendable, CustomTestStringConvertible {
    let name: String
    let raw: String
    let status: Int
    var testDescription: String { "\(name) -> \(status)" }
}

let badCases: [BadCase] = [
    BadCase(name: "bare LF", raw: "GET / HTTP/1.1\nHost: h\n\n", status: 400),
    BadCase(name: "bare LF in header section", raw: "GET / HTTP/1.1\r\nHost: h\n\r\n", status: 400),
    BadCase(name: "CR without LF", raw: "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n", status: 400),
    BadCase(name: "double space in request line", raw: "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
    BadCase(name: "bad method character", raw: "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
    BadCase(name: "target not a path", raw: "GET foo HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
    BadCase(name: "missing version", raw: "GET /\r\nHost: h\r\n\r\n", status: 400),
    BadCase(name: "malformed version", raw: "GET / HTTX/1.1\r\nHost: h\r\n\r\n", status: 400),
    BadCase(name: "HTTP/2.0", raw: "GET / HTTP/2.0\r\nHost: h\r\n\r\n", status: 505),
    BadCase(name: "HTTP/1.2", raw: "GET / HTTP/1.2\r\nHost: h\r\n\r\n", status: 505),
    BadCase(name: "header without colon", raw: "GET / HTTP/1.1\r\nHost h\r\n\r\n", status: 400),
    BadCase(name: "whitespace before colon", raw: "GET / HTTP/1.1\r\nHost : h\r\n\r\n", status: 400),
    BadCase(name: "bad header name character", raw: "GET / HTTP/1.1\r\nHost: h\r\nX(y): 1\r\n\r\n", status: 400),
    BadCase(name: "empty header name", raw: "GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n", status: 400),
    BadCase(name: "obs-fold", raw: "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", status: 400),
    BadCase(name: "NUL in header value", raw: "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{0}b\r\n\r\n", status: 400),
    BadCase(name: "HTTP/1.1 without Host", raw: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", status: 400),
    BadCase(name: "two Host headers", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
    BadCase(
        name: "conflicting Content-Length",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400),
    BadCase(
        name: "conflicting Content-Length list",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\nhello!", status: 400),
    BadCase(
        name: "non-digit Content-Length", raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n", status: 400),
    BadCase(
        name: "signed Content-Length", raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\nhello", status: 400
    ),
    BadCase(
        name: "negative Content-Length", raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", status: 400),
    BadCase(name: "empty Content-Length", raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \r\n\r\n", status: 400),
    BadCase(
        name: "overflowing Content-Length",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400),
    BadCase(
        name: "Content-Length and Transfer-Encoding",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        status: 400),
    BadCase(
        name: "Transfer-Encoding gzip", raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n",
        status: 400),
    BadCase(
        name: "Transfer-Encoding gzip, chunked",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", status: 400),
    BadCase(
        name: "chunked twice",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        status: 400),
    BadCase(
        name: "Transfer-Encoding in HTTP/1.0", raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        status: 400),
    BadCase(
        name: "invalid chunk size",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", status: 400),
    BadCase(
        name: "chunk size with junk",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2 x\r\nab\r\n0\r\n\r\n", status: 400),
    BadCase(
        name: "chunk without CRLF after data",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY0\r\n\r\n", status: 400),
    BadCase(
        name: "chunk size bare LF",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\r\n0\r\n\r\n", status: 400),
    BadCase(
        name: "bad trailer",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer\r\n\r\n", status: 400),
    BadCase(
        name: "huge chunk size",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n", status: 400),
    BadCase(
        name: "declared body over limit", raw: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 33\r\n\r\n", status: 413),
    BadCase(
        name: "chunked body over limit",
        raw: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n11\r\n",
        status: 413),
    BadCase(
        name: "target over limit", raw: "GET /" + String(repeating: "a", count: 64) + " HTTP/1.1\r\nHost: h\r\n\r\n",
        status: 414),
    BadCase(name: "endless request line", raw: "GET /" + String(repeating: "a", count: 200), status: 414),
    BadCase(
        name: "header section over limit",
        raw: "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "v", count: 300) + "\r\n\r\n", status: 431),
    BadCase(
        name: "endless header section", raw: "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "v", count: 300),
        status: 431),
    BadCase(
        name: "too many header fields",
        raw: "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n", status: 431),
]

@Suite struct ParserTests {
    @Test(arguments: validCases)
    func validRequestParses(_ testCase: ParserCase) {
        #expect(parseWhole(testCase.raw) == testCase.expected)
    }

    @Test(arguments: validCases)
    func validRequestSplitAnywhereParsesTheSame(_ testCase: ParserCase) {
        let bytes = Array(testCase.raw.utf8)
        for split in 0...bytes.count {
            let outcome = parse([bytes[0..<split], bytes[split...]])
            #expect(outcome == testCase.expected, "split at \(split)")
        }
        #expect(parse(bytes.indices.map { bytes[$0...$0] }) == testCase.expected, "byte by byte")
    }

    @Test(arguments: badCases)
    func badRequestIsRefused(_ testCase: BadCase) {
        #expect(parseWhole(testCase.raw) == [.failure(testCase.status)])
    }

    @Test(arguments: badCases)
    func badRequestSplitAnywhereIsRefusedTheSame(_ testCase: BadCase) {
        let bytes = Array(testCase.raw.utf8)
        for split in 0...bytes.count {
            #expect(parse([bytes[0..<split], bytes[split...]]) == [.failure(testCase.status)], "split at \(split)")
        }
        #expect(parse(bytes.indices.map { bytes[$0...$0] }) == [.failure(testCase.status)], "byte by byte")
    }

    @Test func continueIsOfferedOnceBeforeTheBody() {
        var parser = RequestParser(limits: testLimits)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8))
        guard case .sendContinue = parser.next() else {
            Issue.record("expected 100-continue")
            return
        }
        guard case .needMore = parser.next() else {
            Issue.record("expected needMore")
            return
        }
        parser.append(Array("abc".utf8))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected request")
            return
        }
        #expect(request.body == Array("abc".utf8))
    }

    @Test func continueIsNotOfferedWhenTheBodyIsTooLarge() {
        var parser = RequestParser(limits: testLimits)
        parser.append(
            Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 10000000\r\n\r\n".utf8))
        guard case .failure(let error) = parser.next() else {
            Issue.record("expected failure")
            return
        }
        #expect(error.status == 413)
    }

    @Test func phaseFollowsTheRequest() {
        var parser = RequestParser(limits: testLimits)
        #expect(parser.phase == .idle)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\n".utf8))
        _ = parser.next()
        #expect(parser.phase == .head)
        parser.append(Array("Content-Length: 4\r\n\r\nab".utf8))
        _ = parser.next()
        #expect(parser.phase == .body)
        parser.append(Array("cd".utf8))
        guard case .request = parser.next() else {
            Issue.record("expected request")
            return
        }
        #expect(parser.phase == .idle)
    }

    /// Found by Fuzz/fuzz-request-parser: a header section of exactly `maxHeaderBytes`
    /// (through the last field line's LF) was accepted whole but refused with 431 when the
    /// final CR and LF came in separate reads.
    @Test func headerSectionAtTheLimitIsAcceptedHoweverSplit() {
        let field =
            "X: " + String(repeating: "v", count: testLimits.maxHeaderBytes - "Host: h\r\n".utf8.count - 5) + "\r\n"
        let raw = "GET / HTTP/1.1\r\nHost: h\r\n" + field + "\r\n"
        #expect("Host: h\r\n".utf8.count + field.utf8.count == testLimits.maxHeaderBytes)
        let bytes = Array(raw.utf8)
        let whole = parse([bytes[...]])
        guard case .request? = whole.first, whole.count == 1 else {
            Issue.record("expected one request, got \(whole)")
            return
        }
        for split in 0...bytes.count {
            #expect(parse([bytes[0..<split], bytes[split...]]) == whole, "split at \(split)")
        }
        #expect(parse(bytes.indices.map { bytes[$0...$0] }) == whole, "byte by byte")
        // One byte more is refused, whole or split.
        let over = Array(("GET / HTTP/1.1\r\nHost: h\r\nY" + field + "\r\n").utf8)
        #expect(parse([over[...]]) == [.failure(431)])
        for split in 0...over.count {
            #expect(parse([over[0..<split], over[split...]]) == [.failure(431)], "over the limit, split at \(split)")
        }
    }

    @Test func wireBytesCountHeadAndBody() {
        var parser = RequestParser(limits: testLimits)
        let raw = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
        parser.append(Array(raw.utf8))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected request")
            return
        }
        #expect(request.wireBytes == raw.utf8.count)
    }
}
