import Testing
@testable import HTTPServer

@Suite struct HeadersTests {
    @Test func lookupIgnoresCaseAndKeepsOrder() {
        var headers = HTTPHeaders([("Content-Type", "a"), ("set-cookie", "1"), ("Set-Cookie", "2")])
        #expect(headers["content-type"] == "a")
        #expect(headers.values(for: "SET-COOKIE") == ["1", "2"])
        headers.add("X-A", "x")
        headers.set("set-cookie", "3")
        #expect(headers.values(for: "Set-Cookie") == ["3"])
        #expect(headers.map(\.name) == ["Content-Type", "set-cookie", "X-A"])
        headers.remove("x-a")
        #expect(headers["X-A"] == nil)
        #expect(headers.count == 2)
    }
}

@Suite struct RequestTests {
    @Test func pathAndQueryAreSplitAndDecoded() {
        let request = HTTPRequest(method: "GET", target: "/v1/cases?limit=5&site=a+b&x=%C3%A9&flag&&bad=%zz")
        #expect(request.path == "/v1/cases")
        #expect(request.query.map(\.name) == ["limit", "site", "x", "flag", "bad"])
        #expect(request.queryValue("site") == "a b")
        #expect(request.queryValue("x") == "é")
        #expect(request.queryValue("flag") == "")
        #expect(request.queryValue("bad") == "%zz")
        #expect(request.queryValue("missing") == nil)
    }

    @Test func absoluteFormTargetGivesItsPath() {
        #expect(HTTPRequest(method: "GET", target: "http://host:8080/a/b?q=1").path == "/a/b")
        #expect(HTTPRequest(method: "GET", target: "http://host").path == "/")
    }

    @Test(arguments: [
        ("abc-123", true), ("A_b.c~!", true), ("", false), ("has space", false), ("quote\"", false),
        ("é", false), (String(repeating: "a", count: 128), true), (String(repeating: "a", count: 129), false),
    ])
    func requestIDAcceptance(_ id: String, _ accepted: Bool) {
        let request = HTTPRequest(method: "GET", target: "/", headers: ["X-Request-ID": id])
        #expect((request.requestID == id) == accepted)
        #expect(RequestIDGenerator.isAcceptable(request.requestID))
    }

    @Test func generatedIDsAreVersion4UUIDs() {
        var generator = RequestIDGenerator()
        let ids = (0..<100).map { _ in generator.next() }
        #expect(Set(ids).count == 100)
        for id in ids {
            let utf8 = Array(id.utf8)
            #expect(utf8.count == 36)
            #expect(utf8[14] == UInt8(ascii: "4"))
            #expect([UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(utf8[19]))
            #expect([8, 13, 18, 23].allSatisfy { utf8[$0] == UInt8(ascii: "-") })
        }
    }
}

@Suite struct RouterTests {
    let router: Router = {
        var builder = RouterBuilder()
        let answer: (Int) -> HTTPHandler = { status in { _ in HTTPResponse(status: status) } }
        builder.add("GET", "/", answer(1))
        builder.add("GET", "/v1/cases", answer(2))
        builder.add("POST", "/v1/cases", answer(3))
        builder.add("GET", "/v1/cases/{id}", answer(4))
        builder.add("PUT", "/v1/cases/{id}", answer(5))
        builder.add("GET", "/v1/cases/{id}/staging", answer(6))
        builder.add("GET", "/v1/cases/search", answer(7))
        builder.add("HEAD", "/only-head", answer(8))
        return builder.build()
    }()

    func status(_ method: String, _ path: String) -> Int? {
        guard case .found(let handler, _, _) = router.resolve(method: method, path: path) else { return nil }
        return handler(HTTPRequest(method: method, target: path)).status
    }

    @Test(arguments: [
        ("GET", "/", 1), ("GET", "/v1/cases", 2), ("POST", "/v1/cases", 3), ("GET", "/v1/cases/abc", 4),
        ("PUT", "/v1/cases/abc", 5), ("GET", "/v1/cases/abc/staging", 6), ("GET", "/v1/cases/search", 7),
        ("HEAD", "/v1/cases/abc", 4), ("HEAD", "/only-head", 8),
        // A literal path whose node lacks the method falls through to the parameter route.
        ("PUT", "/v1/cases/search", 5), ("HEAD", "/v1/cases/search", 7), ("HEAD", "/v1/cases", 2),
    ])
    func resolves(_ method: String, _ path: String, _ expected: Int) {
        #expect(status(method, path) == expected)
    }

    @Test func capturesDecodedParametersAndTemplate() {
        guard
            case .found(_, let parameters, let template) = router.resolve(
                method: "GET", path: "/v1/cases/a%20b/staging")
        else {
            Issue.record("no match")
            return
        }
        #expect(parameters == ["id": "a b"])
        #expect(template == "/v1/cases/{id}/staging")
    }

    @Test(arguments: ["/v1", "/v1/cases/", "/v1/cases/a/b", "/nope", "v1/cases", "/v1/cases//staging"])
    func unknownPathsAreNotFound(_ path: String) {
        guard case .notFound = router.resolve(method: "GET", path: path) else {
            Issue.record("\(path) should not match")
            return
        }
    }

    @Test func wrongMethodListsAllowedIncludingHead() {
        guard case .methodNotAllowed(let allowed) = router.resolve(method: "DELETE", path: "/v1/cases/x") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == ["GET", "HEAD", "PUT"])
        guard case .methodNotAllowed(let search) = router.resolve(method: "POST", path: "/v1/cases/search") else {
            Issue.record("expected 405")
            return
        }
        #expect(search == ["GET", "HEAD", "PUT"])  // literal and parameter routes both match this path
    }

    @Test func routesAreListedInOrder() {
        #expect(router.routes.count == 8)
        #expect(router.routes[3].method == "GET" && router.routes[3].template == "/v1/cases/{id}")
    }
}

@Suite struct SerializerTests {
    func serialize(_ response: HTTPResponse, _ context: ResponseContext) -> String {
        var out: [UInt8] = []
        ResponseSerializer.append(
            response, context: context, date: Array("Thu, 01 Jan 1970 00:00:00 GMT".utf8), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func serverOwnedFieldsAreWrittenOnce() {
        let response = HTTPResponse(
            status: 201, headers: ["Content-Length": "99", "Location": "/x", "Date": "old", "X-Request-ID": "h"],
            body: Array("body".utf8))
        let text = serialize(response, ResponseContext(requestID: "rid", close: true))
        #expect(
            text
                == "HTTP/1.1 201 Created\r\nLocation: /x\r\nContent-Length: 4\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\n"
                + "X-Request-ID: rid\r\nConnection: close\r\n\r\nbody")
    }

    @Test func headKeepsLengthButNoBody() {
        let text = serialize(
            HTTPResponse(status: 200, body: Array("12345".utf8)),
            ResponseContext(requestID: "r", close: false, omitBody: true))
        #expect(text.hasSuffix("Content-Length: 5\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nX-Request-ID: r\r\n\r\n"))
    }

    @Test func noContentHasNoLengthOrBody() {
        let text = serialize(
            HTTPResponse(status: 204, body: Array("x".utf8)), ResponseContext(requestID: "r", close: false))
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func headerInjectionIsNeutralised() {
        let response = HTTPResponse(
            status: 200, headers: HTTPHeaders([("X-Bad", "a\r\nSet-Cookie: evil"), ("Bad Name", "v")]))
        let text = serialize(response, ResponseContext(requestID: "r", close: false))
        #expect(text.contains("X-Bad: a  Set-Cookie: evil\r\n"))
        #expect(!text.contains("Bad Name"))
    }

    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"), (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"), (4_102_444_799, "Thu, 31 Dec 2099 23:59:59 GMT"),
    ])
    func dates(_ seconds: Int, _ text: String) {
        #expect(HTTPDate.format(epochSeconds: seconds) == text)
    }

    @Test func defaultErrorIsProblemJSON() {
        let response = ServerHooks.problemDetails(status: 404, detail: "no \"such\" thing")
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(
            response.bodyText
                == #"{"type":"about:blank","title":"Not Found","status":404,"detail":"no \"such\" thing"}"#)
    }
}
