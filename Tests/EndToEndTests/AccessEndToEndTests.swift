import Foundation
import HTTPServer
import Testing

/// Access control on the real binary, with tokens made by `sarcoma-guide token create`.
@Suite("Access tokens on the real binary")
struct AccessEndToEndTests {
    struct Issued {
        let name: String
        let token: String
        let line: String
    }

    struct CommandResult {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String]) throws -> CommandResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("token-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let err = directory.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = ServiceProcess.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SARCOMA_GUIDE_") }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    static func create(name: String, role: String) throws -> Issued {
        let result = try run(["token", "create", "--name", name, "--role", role])
        #expect(result.status == 0, "token create failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "expected the token and its line: \(lines.count) lines")
        return Issued(name: name, token: lines[0], line: lines[1])
    }

    /// A tokens file holding an ehr, a clinician and an admin token.
    static func tokensFile(_ issued: [Issued]) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)")
        let text = "# made by sarcoma-guide token create\n" + issued.map(\.line).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func tokenCreatePrintsATokenAndItsLine() throws {
        let issued = try Self.create(name: "ehr-gateway", role: "ehr")
        #expect(issued.token.hasPrefix("sgt_"))
        let fields = issued.line.split(separator: " ")
        #expect(fields.count == 3)
        #expect(fields.first == "ehr-gateway")
        #expect(fields.dropFirst().first == "ehr")
        #expect(fields.last?.count == 64)
        #expect(!issued.line.contains(issued.token))
        #expect(try Self.create(name: "ehr-gateway", role: "ehr").token != issued.token)
    }

    @Test(arguments: [
        ["--name", "two words", "--role", "ehr"],
        ["--name", "", "--role", "ehr"],
        ["--name", "sgt_x", "--role", "ehr"],
        ["--name", "ok", "--role", "nurse"],
        ["--name", "ok"],
    ])
    func tokenCreateRefusesBadNamesAndRoles(arguments: [String]) throws {
        let result = try Self.run(["token", "create"] + arguments)
        #expect(result.status != 0)
        #expect(!result.stdout.contains("sgt_"), "no token may be printed on a refusal")
    }

    @Test func rolesAreEnforcedAndTheLogNamesClientsNotTokens() throws {
        let ehr = try Self.create(name: "ehr-gateway", role: "ehr")
        let clinician = try Self.create(name: "dr.jones", role: "clinician")
        let admin = try Self.create(name: "ops", role: "admin")
        let file = try Self.tokensFile([ehr, clinician, admin])
        defer { try? FileManager.default.removeItem(at: file) }
        let service = try ServiceProcess(environment: ["SARCOMA_GUIDE_TOKENS_FILE": file.path])

        func bearer(_ issued: Issued) -> [(String, String)] { [("Authorization", "Bearer \(issued.token)")] }

        #expect(try service.send("GET", "/health").status == 200)

        let anonymous = try service.send("GET", "/v1/cases")
        #expect(anonymous.status == 401)
        #expect(anonymous.header("WWW-Authenticate") == #"Bearer realm="sarcoma-guide""#)
        #expect(anonymous.header("Content-Type") == "application/problem+json")
        #expect(anonymous.object.int("status") == 401)

        let wrong = try service.send("GET", "/v1/cases", headers: [("Authorization", "Bearer sgt_not-a-token")])
        #expect(wrong.status == 401)
        #expect(wrong.header("WWW-Authenticate") == #"Bearer realm="sarcoma-guide", error="invalid_token""#)

        let created = try service.send("POST", "/v1/cases", headers: bearer(ehr), body: Fixtures.contractCase())
        #expect(created.status == 201)
        let location = try #require(created.header("Location"))

        let read = try service.send("GET", location, headers: bearer(clinician))
        #expect(read.status == 200)
        #expect(try service.send("GET", location + "/staging", headers: bearer(clinician)).status == 200)

        let refused = try service.send(
            "POST", "/v1/cases", headers: bearer(clinician), body: Fixtures.contractCase(externalId: "EHR-2"))
        #expect(refused.status == 403)
        #expect(refused.object.string("role") == "clinician")
        #expect(refused.object.string("detail")?.contains("ehr or admin") == true)

        #expect(try service.send("GET", "/metrics", headers: bearer(ehr)).status == 403)
        #expect(try service.send("GET", "/metrics", headers: bearer(admin)).status == 200)
        #expect(service.stop() == 0)

        let log = service.standardOutput
        #expect(log.contains("access tokens required (3 configured: ehr 1, clinician 1, admin 1)"))
        #expect(log.contains("route=/v1/cases status=201"))
        #expect(log.contains("client=ehr-gateway"))
        #expect(log.contains("client=dr.jones"))
        #expect(log.contains("client=ops"))
        #expect(log.split(separator: "\n").contains { $0.contains("status=403") && $0.contains("client=dr.jones") })
        #expect(log.split(separator: "\n").contains { $0.contains("status=401") && $0.contains("client=-") })
        for issued in [ehr, clinician, admin] {
            let digest = String(issued.line.split(separator: " ").last ?? "")
            #expect(!log.contains(issued.token), "the access log carries a token")
            #expect(!log.contains(String(issued.token.dropFirst(4))))
            #expect(!log.contains(digest), "the access log carries a token hash")
            #expect(!service.standardError.contains(issued.token))
        }
        #expect(!log.contains("sgt_not-a-token"))
    }

    @Test func withoutTokensTheStartUpLineSaysLoopbackOnly() throws {
        let service = try ServiceProcess()
        #expect(try service.send("GET", "/metrics").status == 200)
        #expect(service.stop() == 0)
        #expect(service.standardOutput.contains("no access tokens configured: serving everything, loopback only"))
        #expect(service.standardOutput.contains("client=-"))
    }

    @Test func aNonLoopbackHostIsRefusedWithoutTokensAndAcceptedWithThem() throws {
        do {
            _ = try ServiceProcess(arguments: ["--host", "0.0.0.0"], timeout: 20)
            Issue.record("--host 0.0.0.0 without tokens must be refused")
        } catch let failure as ServiceProcess.StartFailure {
            #expect(failure.description.contains("refusing to listen on 0.0.0.0"))
        }

        let admin = try Self.create(name: "ops", role: "admin")
        let file = try Self.tokensFile([admin])
        defer { try? FileManager.default.removeItem(at: file) }
        let service = try ServiceProcess(arguments: ["--host", "0.0.0.0", "--tokens-file", file.path])
        // Connects to 127.0.0.1 only.
        #expect(try service.send("GET", "/health").status == 200)
        #expect(try service.send("GET", "/v1/cases").status == 401)
        #expect(
            try service.send("GET", "/v1/cases", headers: [("Authorization", "Bearer \(admin.token)")]).status == 200)
        #expect(service.stop() == 0)
        #expect(service.standardOutput.contains("listening on http://0.0.0.0:"))
    }

    @Test func aBadTokensFileRefusesStartUpNamingFileAndLine() throws {
        let ehr = try Self.create(name: "ehr-gateway", role: "ehr")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)")
        // Line 3 holds the token itself instead of its hash.
        try Data("# tokens\n\(ehr.line)\nmistake ehr \(ehr.token)\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try ServiceProcess(environment: ["SARCOMA_GUIDE_TOKENS_FILE": file.path], timeout: 20)
            Issue.record("a bad tokens file must refuse start-up")
        } catch let failure as ServiceProcess.StartFailure {
            #expect(failure.description.contains(file.path))
            #expect(failure.description.contains("line 3"))
            #expect(!failure.description.contains(ehr.token))
        }

        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)")
        try Data("# nothing yet\n".utf8).write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        do {
            _ = try ServiceProcess(arguments: ["--tokens-file", empty.path], timeout: 20)
            Issue.record("an empty tokens file must refuse start-up")
        } catch let failure as ServiceProcess.StartFailure {
            #expect(failure.description.contains("has no tokens"))
        }
    }
}
