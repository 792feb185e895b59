import Foundation
import HTTPServer

/// The real `sarcoma-guide` binary started on `--port 0` with a fresh temporary database,
/// as CI and integrators run it. Reads the `listening on` line to learn the port.
final class ServiceProcess: @unchecked Sendable {
    // @unchecked: all stored properties are set in init and only read afterwards; the
    // Process object is only touched from the test that owns this instance.
    let process: Process
    let port: Int
    let directory: URL
    let stdoutURL: URL
    let stderrURL: URL

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable: next to the test bundle, or `E2E_BINARY` when set.
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["E2E_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("sarcoma-guide"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sarcoma-guide"))
        candidates.append(
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "sarcoma-guide"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/sarcoma-guide"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts the service; `arguments` are added after the defaults (later flags win).
    /// `databaseURL` (a `postgresql://` URL) wins over `database` (a SQLite file).
    init(
        arguments extra: [String] = [], environment extraEnvironment: [String: String] = [:],
        database: URL? = nil, databaseURL: String? = nil, timeout: TimeInterval = 30
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sarcoma-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutURL = directory.appendingPathComponent("stdout.log")
        stderrURL = directory.appendingPathComponent("stderr.log")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)

        let root = Self.packageRoot
        process = Process()
        process.executableURL = Self.binary
        process.currentDirectoryURL = directory
        process.arguments =
            [
                "serve", "--port", "0",
                "--database", databaseURL ?? (database ?? directory.appendingPathComponent("cases.sqlite")).path,
                "--migrations", root.appendingPathComponent("Migrations").path,
                "--guidelines", root.appendingPathComponent("Config/guidelines").path,
                "--openapi", root.appendingPathComponent("Config/openapi.json").path,
            ] + extra
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SARCOMA_GUIDE_") }
        environment.merge(extraEnvironment) { $1 }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let deadline = Date().addingTimeInterval(timeout)
        var found: Int?
        while Date() < deadline {
            let output = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://") }),
                let portText = line.split(separator: ":").last, let value = Int(portText)
            {
                found = value
                break
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let errors = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
            throw StartFailure(description: "the service did not start (exit \(process.terminationStatus)): \(errors)")
        }
        port = found
    }

    var client: LoopbackClient { LoopbackClient(host: "127.0.0.1", port: port, timeout: 10) }

    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: String? = nil) throws
        -> ClientResponse
    {
        var allHeaders = headers
        if body != nil, !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            allHeaders.append(("Content-Type", "application/json"))
        }
        return try client.send(method, path, headers: allHeaders, body: Array((body ?? "").utf8))
    }

    var standardOutput: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status (the service drains and exits 0).
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
