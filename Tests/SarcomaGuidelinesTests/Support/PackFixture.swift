import Foundation
@testable import SarcomaGuidelines

/// The repository's guideline pack (`Config/guidelines/`), loaded once for all engine tests.
enum PackFixture {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SarcomaGuidelinesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Config/guidelines")

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
