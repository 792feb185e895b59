import Foundation
import HTTPServer
import Testing

@Suite("Operations endpoints on the real binary")
struct OperationsEndToEndTests {
    @Test func healthReadyMetricsAndOpenAPI() throws {
        let service = try ServiceProcess()
        let health = try service.send("GET", "/health")
        #expect(health.status == 200)
        #expect(health.object.string("status") == "ok")
        #expect(health.header("X-Request-ID") != nil)

        let ready = try service.send("GET", "/ready")
        #expect(ready.status == 200)
        #expect((ready.object.int("schemaVersion") ?? 0) >= 2)

        let openapi = try service.send("GET", "/openapi.json")
        #expect(openapi.status == 200)
        #expect(openapi.object.string("openapi")?.hasPrefix("3.1") == true)

        let guidelines = try service.send("GET", "/v1/guidelines")
        #expect(guidelines.status == 200)
        #expect(guidelines.object.string("guidelineVersion")?.isEmpty == false)
        let ruleIds = guidelines.object.array("rules").compactMap { $0.string("id") }
        #expect(ruleIds.contains("STAGE-TE"))
        #expect(ruleIds.contains("MARGIN-MDT"))

        let metrics = try service.send("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(
            metrics.text.contains(#"sarcoma_guide_http_requests_total{method="GET",route="/health",status="200"} 1"#))
        #expect(metrics.text.contains("sarcoma_guide_http_request_duration_seconds_bucket"))
        #expect(metrics.text.contains("sarcoma_guide_open_connections"))
        #expect(service.stop() == 0)
    }

    /// Uptime monitors and load balancers append cache-busters; the ops endpoints ignore
    /// them, while an API endpoint still refuses a parameter it does not know (a typo).
    @Test func opsEndpointsIgnoreQueryParametersAndAPIEndpointsStayStrict() throws {
        let service = try ServiceProcess()
        let cases: [(method: String, path: String, body: String?, status: Int)] = [
            ("GET", "/health?ts=1733550000", nil, 200),
            ("GET", "/health?ts=1&ts=2&verbose", nil, 200),
            ("GET", "/ready?x=1", nil, 200),
            ("GET", "/metrics?format=prometheus&_=17", nil, 200),
            ("POST", "/v1/assessment?explian=true", Fixtures.contractCase(externalId: "Q-1"), 400),
            ("GET", "/v1/guidelines?ts=1", nil, 400),
            ("GET", "/openapi.json?ts=1", nil, 400),
        ]
        for item in cases {
            let response = try service.send(item.method, item.path, body: item.body)
            #expect(response.status == item.status, "\(item.method) \(item.path)")
            if item.status == 400 {
                #expect(response.header("Content-Type") == "application/problem+json", "\(item.path)")
            }
        }
        #expect(try service.send("GET", "/health?ts=1").object.string("status") == "ok")
        #expect(
            try service.send("POST", "/v1/assessment?explain=true", body: Fixtures.contractCase(externalId: "Q-2"))
                .status == 200)
        #expect(service.stop() == 0)
    }

    @Test func requestIDIsEchoedAndAccessLogHasNoPatientData() throws {
        let service = try ServiceProcess()
        let response = try service.send("GET", "/health", headers: [("X-Request-ID", "trace-abc-123")])
        #expect(response.header("X-Request-ID") == "trace-abc-123")
        let created = try service.send(
            "POST", "/v1/cases", body: Fixtures.contractCase(externalId: "SECRET-MRN-998877"))
        #expect(created.status == 201)
        #expect(service.stop() == 0)
        let log = service.standardOutput
        #expect(log.contains("request_id=trace-abc-123"))
        #expect(log.contains("route=/v1/cases status=201"))
        #expect(!log.contains("SECRET-MRN-998877"))
        #expect(!log.contains("myxofibrosarcoma"))
    }

    @Test func headAnswersHeadersOnly() throws {
        let service = try ServiceProcess()
        let response = try service.send("HEAD", "/health")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("Content-Length") == "15")
    }

    @Test func sigtermExitsZeroAndDataSurvivesRestart() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent(
            "restart-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        }
        let first = try ServiceProcess(database: database)
        let created = try first.send("POST", "/v1/cases", body: Fixtures.contractCase())
        #expect(created.status == 201)
        let id = try #require(created.object.string("id"))
        #expect(first.stop() == 0)
        #expect(first.standardOutput.contains("draining"))

        let second = try ServiceProcess(database: database)
        let read = try second.send("GET", "/v1/cases/\(id)")
        #expect(read.status == 200)
        #expect(read.object.string("externalId") == "EHR-000123")
        #expect(second.stop() == 0)
    }

    /// Request lines are buffered (up to about 0.2 s); a SIGTERM writes every one of them,
    /// before the `stopped` line, however quickly it follows the last answer.
    @Test func sigtermWritesEveryBufferedAccessLine() throws {
        let service = try ServiceProcess()
        let ids = (0..<20).map { "stop-line-\($0)" }
        for id in ids {
            #expect(try service.send("GET", "/health", headers: [("X-Request-ID", id)]).status == 200)
        }
        #expect(service.stop() == 0)
        let lines = service.standardOutput.split(separator: "\n").map(String.init)
        let requestLines = lines.filter { $0.contains("msg=request") }
        for id in ids {
            #expect(requestLines.filter { $0.contains(" request_id=\(id) ") }.count == 1, "no line for \(id)")
        }
        let stopped = try #require(lines.lastIndex { $0.hasSuffix(#"msg="stopped""#) })
        let lastRequest = try #require(lines.lastIndex { $0.contains(" request_id=stop-line-19 ") })
        #expect(lastRequest < stopped)
    }
}
