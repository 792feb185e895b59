import Foundation
import HTTPServer
import Testing

@Suite("Bad input on the real binary: always a clear problem, never a 500")
struct BadInputEndToEndTests {
    @Test(
        arguments: [
            ("{\"tumor\": {\"site\": \"trunk\"", 400, nil),
            ("not json", 400, nil),
            ("[]", 422, ""),
            ("42", 422, ""),
            ("{}", 422, "/tumor"),
            ("{\"tumor\": {}}", 422, "/tumor/site"),
            ("{\"tumor\": {\"site\": \"trunk\", \"sizecm\": 3}}", 422, "/tumor/sizecm"),
            ("{\"tumor\": {\"site\": \"trunk\", \"sizeCm\": 0}}", 422, "/tumor/sizeCm"),
            ("{\"tumor\": {\"site\": \"trunk\", \"sizeCm\": -2}}", 422, "/tumor/sizeCm"),
            ("{\"tumor\": {\"site\": \"trunk\", \"grade\": \"3\"}}", 422, "/tumor/grade"),
            ("{\"tumor\": {\"site\": \"bone\"}}", 422, "/tumor/site"),
            (
                "{\"tumor\": {\"site\": \"trunk\", \"histology\": \"gastrointestinal_stromal_tumor\"}}", 422,
                "/tumor/histology"
            ),
            ("{\"tumor\": {\"site\": \"trunk\", \"histology\": \"desmoid_tumor\"}}", 422, "/tumor/histology"),
            ("{\"tumor\": {\"site\": \"trunk\", \"metastaticSites\": [\"lung\"]}}", 422, "/tumor/metastasis"),
            (
                "{\"tumor\": {\"site\": \"trunk\", \"grade\": 1, \"fnclcc\": {\"differentiation\": 3, \"mitosesPer10Hpf\": 25, \"necrosisPercent\": 60}}}",
                422, "/tumor/grade"
            ),
            ("{\"tumor\": {\"site\": \"trunk\"}, \"pet\": {\"suvMaxBaseline\": 0}}", 422, "/pet/suvMaxBaseline"),
        ] as [(String, Int, String?)])
    func invalidCasesAreRefusedWithAPointer(body: String, status: Int, pointer: String?) throws {
        let service = try ServiceProcess()
        for path in ["/v1/validate", "/v1/cases", "/v1/staging"] {
            let response = try service.send("POST", path, body: body)
            #expect(response.status == status, "\(path) \(body)")
            #expect(response.header("Content-Type") == "application/problem+json")
            let problem = response.object
            #expect(problem.int("status") == status)
            #expect(problem.string("type") != nil && problem.string("title") != nil && problem.string("detail") != nil)
            if let pointer {
                #expect(
                    problem.array("errors").contains { $0.string("pointer") == pointer },
                    "\(path) \(body) -> \(response.text)")
            }
        }
        #expect(try service.send("GET", "/v1/cases").object.array("items").isEmpty, "nothing stored")
    }

    @Test func wrongMediaTypeIs415() throws {
        let service = try ServiceProcess()
        let response = try service.send(
            "POST", "/v1/cases", headers: [("Content-Type", "text/xml")], body: Fixtures.minimalCase())
        #expect(response.status == 415)
        #expect(response.header("Content-Type") == "application/problem+json")
    }

    @Test func unknownRouteAndWrongMethod() throws {
        let service = try ServiceProcess()
        let missing = try service.send("GET", "/v1/nothing-here")
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        let wrong = try service.send("DELETE", "/v1/staging")
        #expect(wrong.status == 405)
        #expect(wrong.header("Allow")?.contains("POST") == true)
        #expect(wrong.header("Content-Type") == "application/problem+json")
    }

    @Test func oversizedAndSmuggledRequests() throws {
        let service = try ServiceProcess(arguments: ["--max-body-bytes", "4096"])
        func raw(_ text: String) throws -> String {
            String(
                decoding: try LoopbackClient.sendRaw(
                    host: "127.0.0.1", port: service.port, bytes: Array(text.utf8), timeout: 5), as: UTF8.self)
        }
        let big = try raw(
            "POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"
        )
        #expect(big.hasPrefix("HTTP/1.1 413"))
        let longURL = try raw(
            "GET /v1/cases?externalId=\(String(repeating: "a", count: 10_000)) HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(longURL.hasPrefix("HTTP/1.1 414"))
        let manyHeaders = (0..<200).map { "X-Filler-\($0): y\r\n" }.joined()
        let headers = try raw("GET /health HTTP/1.1\r\nHost: x\r\n\(manyHeaders)\r\n")
        #expect(headers.hasPrefix("HTTP/1.1 431"))
        let conflicting = try raw(
            "POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}")
        #expect(conflicting.hasPrefix("HTTP/1.1 400"))
        let both = try raw(
            "POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(both.hasPrefix("HTTP/1.1 400"))
        let garbage = try raw("HELLO\r\n\r\n")
        #expect(garbage.hasPrefix("HTTP/1.1 400"))
        for answer in [big, longURL, headers, conflicting, both, garbage] {
            #expect(answer.contains("application/problem+json"))
        }
        #expect(try service.send("GET", "/health").status == 200, "still serving")
    }
}
