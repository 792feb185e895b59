import Foundation
@testable import SarcomaGuidelines

/// The repository's v1 guideline pack (`Config/guidelines/2026.11-1/`), loaded once for all
/// engine tests; `root` is the folder of every pack version.
enum PackFixture {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SarcomaGuidelinesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Config/guidelines")

    static let directory: URL = root.appendingPathComponent("2026.11-1")

    /// Every `*.json` file of the pack folder, by file name.
    static func files(in folder: URL = directory) -> [String: [UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files: [String: [UInt8]] = [:]
        for name in names where name.hasSuffix(".json") {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                files[name] = [UInt8](data)
            }
        }
        return files
    }

    static let pack: GuidelinePack = {
        do { return try GuidelinePack.load(files: files()) } catch {
            fatalError("the repository's guideline pack does not load: \(error)")
        }
    }()

    static let engine = GuidelineEngine(pack: pack)
}
