import Foundation

/// The real binary started without waiting for `listening on` (start-up itself is tested).
final class StartingProcess {
    let process = Process()
    let directory: URL
    let database: URL
    private let stdoutURL: URL
    private let stderrURL: URL

    init(arguments: [String], passDatabase: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sarcoma-start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("cases.sqlite")
        stdoutURL = directory.appendingPathComponent("stdout.log")
        stderrURL = directory.appendingPathComponent("stderr.log")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let root = ServiceProcess.packageRoot
        process.executableURL = ServiceProcess.binary
        process.currentDirectoryURL = directory
        process.arguments =
            ["serve", "--port", "0"] + (passDatabase ? ["--database", database.path] : [])
            + [
                "--migrations", root.appendingPathComponent("Migrations").path,
                "--guidelines", root.appendingPathComponent("Config/guidelines").path,
                "--openapi", root.appendingPathComponent("Config/openapi.json").path,
            ] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SARCOMA_GUIDE_") }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var standardOutput: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Waits (up to 30 s) until stdout contains `text`.
    func waitFor(_ text: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if standardOutput.contains(text) { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw ServiceProcess.StartFailure(description: "no `\(text)` on stdout: \(standardOutput) \(standardError)")
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
