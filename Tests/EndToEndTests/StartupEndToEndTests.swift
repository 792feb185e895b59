import Foundation
import HTTPServer
import Testing

@Suite("Start-up refusals on the real binary")
struct StartupEndToEndTests {
    /// Each bad setting must stop start-up with a message that names the key.
    @Test(
        arguments: [
            (["--port", "eighty"], [:], "port"),
            (["--port", "70000"], [:], "port"),
            ([], ["SARCOMA_GUIDE_PORT": "abc"], "port"),
            ([], ["SARCOMA_GUIDE_TOKEN_FILE": "/tmp/x"], "SARCOMA_GUIDE_TOKEN_FILE"),
            (["--max-connections", "0"], [:], "maxConnections"),
            (["--host", "0.0.0.0"], [:], "0.0.0.0"),
            (["--guidelines", "/nonexistent/pack"], [:], "/nonexistent/pack"),
            (["--migrations", "/nonexistent/migrations"], [:], "migrations"),
        ] as [([String], [String: String], String)])
    func invalidConfigurationRefusesToStart(arguments: [String], environment: [String: String], named key: String)
        throws
    {
        do {
            _ = try ServiceProcess(arguments: arguments, environment: environment, timeout: 20)
            Issue.record("start-up with \(arguments) \(environment) must be refused")
        } catch let failure as ServiceProcess.StartFailure {
            #expect(failure.description.contains(key), "message should name \(key): \(failure.description)")
            #expect(!failure.description.contains("exit 0"))
        }
    }

    @Test func configFileIsReadAndFlagsWin() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).json")
        try Data(#"{"port": 1, "maxBodyBytes": 2048}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        // The file says port 1; the flag (--port 0 from ServiceProcess) wins.
        let service = try ServiceProcess(arguments: ["--config", file.path])
        let big = String(repeating: "x", count: 4_000)
        let response = try service.send("POST", "/v1/validate", body: "{\"externalId\": \"\(big)\"}")
        #expect(response.status == 413)
        #expect(service.stop() == 0)
    }

    @Test func unknownKeyInConfigFileIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).json")
        try Data(#"{"maxConections": 10}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try ServiceProcess(arguments: ["--config", file.path], timeout: 20)
            Issue.record("a config file with an unknown key must refuse start-up")
        } catch let failure as ServiceProcess.StartFailure {
            #expect(failure.description.contains("maxConections"))
        }
    }
}
