import Foundation
import Testing
@testable import SarcomaGuidelines

/// Packs side by side (contract delta §0.2): every version folder of `Config/guidelines/`
/// loads, `/v1` keeps pack 2026.11-1, and a folder that does not match its pack is refused.
@Suite("Guideline library")
struct GuidelineLibraryTests {
    /// Every version folder of the repository, by folder name.
    static func repositoryFolders() -> [String: [String: [UInt8]]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackFixture.root.path)) ?? []
        var folders: [String: [String: [UInt8]]] = [:]
        for name in names { folders[name] = PackFixture.files(in: PackFixture.root.appendingPathComponent(name)) }
        return folders
    }

    func refusal(_ folders: [String: [String: [UInt8]]]) -> GuidelinePackError? {
        do {
            _ = try GuidelineLibrary.load(folders: folders)
            return nil
        } catch { return error }
    }

    @Test("The repository holds packs 2026.11-1 (contract 1) and 2026.12-1 (contract 2)")
    func repositoryLoads() throws {
        let library = try GuidelineLibrary.load(folders: Self.repositoryFolders())
        #expect(library.versions == ["2026.11-1", "2026.12-1"])
        #expect(library.v1Pack.version == "2026.11-1")
        #expect(library.newestContractTwo?.version == "2026.12-1")
        #expect(library.newestContractTwo?.releasedAt == "2026-12-07T00:00:00Z")
        #expect(library.contractTwoPack(version: "2026.11-1") == nil)
        #expect(library.contractOnePack(version: "2026.12-1") == nil)
    }

    @Test("The v1 pack of the library answers exactly as the folder's pack loaded alone")
    func v1AnswersUnchanged() throws {
        let library = try GuidelineLibrary.load(folders: Self.repositoryFolders())
        #expect(library.v1Pack.json == PackFixture.pack.json)
    }

    @Test("A folder named otherwise than its pack's version is refused, naming both")
    func folderVersionMismatch() {
        var folders = Self.repositoryFolders()
        folders["2026.10-1"] = folders.removeValue(forKey: "2026.11-1")
        let error = refusal(folders)
        #expect(error?.file == "2026.10-1/pack.json")
        #expect(error?.reason.contains("2026.11-1") == true)
    }

    @Test("A folder name that is not a version is refused")
    func badFolderName() {
        var folders = Self.repositoryFolders()
        folders["latest"] = folders["2026.12-1"]
        #expect(refusal(folders)?.file == "latest")
    }

    @Test("A corrupt contract-2 pack refuses the whole library, naming folder and file")
    func corruptContractTwo() {
        var folders = Self.repositoryFolders()
        folders["2026.12-1"]?["systemic.json"] = Array("{".utf8)
        #expect(refusal(folders)?.file == "2026.12-1/systemic.json")
        folders = Self.repositoryFolders()
        folders["2026.12-1"]?["margins.json"] = Array("{}".utf8)
        #expect(refusal(folders)?.file == "2026.12-1/margins.json")
    }

    @Test("Without a contract-1 pack the /v1 endpoints would have no pack: refused")
    func needsContractOne() {
        var folders = Self.repositoryFolders()
        folders.removeValue(forKey: "2026.11-1")
        #expect(refusal(folders)?.reason.contains("contract-1") == true)
        #expect(refusal([:]) != nil)
    }

    @Test(
        "Versions order by number, not by text",
        arguments: [
            ("2026.9-1", "2026.11-1", true), ("2026.11-1", "2026.11-2", true), ("2026.12-1", "2026.11-1", false),
            ("2027.1-1", "2026.12-9", false),
        ])
    func versionOrder(left: String, right: String, precedes: Bool) {
        #expect(PackVersion.precedes(left, right) == precedes)
    }
}
