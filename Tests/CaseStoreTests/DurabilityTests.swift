import Foundation
import Locking
import Testing

@testable import CaseStore

/// Writes answered as successful survive SIGKILL of the process, and nothing is half-applied.
///
/// The test runs this very test binary again as a child, with `childWritesUntilKilled` enabled
/// by an environment variable: the child writes from several threads and prints the id of each
/// write once `create` returned. The parent kills it with SIGKILL mid-stream, then checks that
/// every printed case is in the database, whole.
@Suite("Durability")
struct DurabilityTests {
    static let databaseVariable = "CASESTORE_CRASH_CHILD_DATABASE"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[databaseVariable] != nil, "runs only as the crash child"))
    func childWritesUntilKilled() throws {
        let path = try #require(ProcessInfo.processInfo.environment[Self.databaseVariable])
        let store = try SQLiteCaseStore.open(
            CaseStoreConfiguration(path: path, migrationsDirectory: TemporaryDatabase.shippedMigrations))
        let output = LockedValue(FileHandle.standardOutput)
        _ = ThreadRun(8) { thread in
            for index in 0..<5_000 {  // bounded, should nobody kill the child
                guard let stored = try? store.create(Self.input(thread: thread, index: index)) else { continue }
                output.withLock { $0.write(Data("DURABLE \(stored.id) \(thread) \(index)\n".utf8)) }
            }
        }.wait()
    }

    #if os(Linux)
        @Test func answeredWritesSurviveSIGKILL() throws {
            let database = TemporaryDatabase()
            defer { database.remove() }
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "childWritesUntilKilled"]
            child.environment = ProcessInfo.processInfo.environment.merging([Self.databaseVariable: database.path]) {
                $1
            }
            let pipe = Pipe()
            child.standardOutput = pipe
            child.standardError = FileHandle.nullDevice
            try child.run()

            var answered: [(id: String, thread: Int, index: Int)] = []
            var pending = ""
            while answered.count < 300 {
                let data = pipe.fileHandleForReading.availableData
                guard !data.isEmpty else { break }  // the child ended early: checked below
                pending += String(decoding: data, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    let fields = pending[..<newline].split(separator: " ")
                    pending.removeSubrange(...newline)
                    if fields.count == 4, fields[0] == "DURABLE", let thread = Int(fields[2]),
                        let index = Int(fields[3])
                    {
                        answered.append((String(fields[1]), thread, index))
                    }
                }
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal)
            #expect(answered.count >= 300)

            let store = try database.open()
            defer { store.close() }
            for write in answered {
                let stored = try store.get(id: write.id)
                #expect(stored?.document == Self.input(thread: write.thread, index: write.index).document)
            }
            let integrity = try store.readValue("PRAGMA integrity_check") { $0.text(0) }
            #expect(integrity == "ok")
        }
    #endif

    static func input(thread: Int, index: Int) -> CaseInput {
        caseInput(externalId: "K-\(thread)-\(index)", size: Double(index % 30) + 0.5)
    }
}
