import Foundation
import Testing

/// The import rules of architecture.md, checked on the source tree: Glibc and CSystemLinux
/// only in the HTTP server's socket folder, CSQLite only in CaseStore, and the engine free of I/O layers.
@Suite("Module boundaries")
struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func swiftFiles() -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        var files: [(String, String)] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = (try? String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)) ?? ""
            files.append((relative, text))
        }
        return files
    }

    static func imports(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let words = trimmed.split(separator: " ")
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { return nil }
            // `import X`, `@testable import X`, `public import X`, `import struct X.Y`
            guard
                words[..<index].allSatisfy({
                    $0.hasPrefix("@") || ["public", "internal", "private", "package"].contains($0)
                })
            else { return nil }
            let target = words[index + 1]
            let module =
                ["struct", "class", "enum", "func", "protocol", "typealias", "var", "let"].contains(target)
                    && index + 2 < words.count
                ? words[index + 2] : target
            return String(module.split(separator: ".").first ?? module)
        }
    }

    @Test func glibcOnlyInTheSocketLayer() {
        let files = Self.swiftFiles()
        #expect(!files.isEmpty)
        for file in files where Self.imports(file.text).contains("Glibc") {
            // The socket layer, the wall clock UTCTime reads (clock_gettime), the pthread lock.
            #expect(
                file.path.hasPrefix("HTTPServer/Socket/") || file.path.hasPrefix("UTCTime/")
                    || file.path.hasPrefix("Locking/"),
                "\(file.path) imports Glibc")
        }
    }

    @Test func linuxCallsOnlyInTheSocketLayer() {
        for file in Self.swiftFiles() where Self.imports(file.text).contains("CSystemLinux") {
            #expect(file.path.hasPrefix("HTTPServer/Socket/"), "\(file.path) imports CSystemLinux")
        }
    }

    @Test func sqliteOnlyInCaseStore() {
        for file in Self.swiftFiles() where Self.imports(file.text).contains("CSQLite") {
            #expect(file.path.hasPrefix("CaseStore/"), "\(file.path) imports CSQLite")
        }
    }

    @Test func dependenciesPointOneWay() {
        let ours: Set<String> = [
            "JSON", "SarcomaGuidelines", "HTTPServer", "CaseStore", "FHIRMapping", "CDSHooks",
            "Access", "SarcomaAPI", "CSQLite", "CSystemLinux", "UTCTime", "Locking",
        ]
        // What each module may import of ours (architecture.md: dependencies point one way).
        let allowed: [String: Set<String>] = [
            "JSON/": [],
            "UTCTime/": [],
            "Locking/": [],
            "SarcomaGuidelines/": ["JSON"],
            "HTTPServer/": ["CSystemLinux", "JSON", "Locking", "UTCTime"],
            "CaseStore/": ["CSQLite", "Locking", "UTCTime"],
            "FHIRMapping/": ["JSON", "SarcomaGuidelines", "UTCTime"],
            "CDSHooks/": ["JSON", "Locking", "SarcomaGuidelines", "FHIRMapping"],
            "Access/": ["JSON", "Locking"],
        ]
        // FHIR mapping is pure like the engine it feeds: no Foundation either.
        let pure: Set<String> = ["FHIRMapping/"]
        var forbidden: [String: Set<String>] = [:]
        for (folder, modules) in allowed {
            forbidden[folder] = ours.subtracting(modules).union(
                ["HTTPServer/", "UTCTime/", "Locking/"].contains(folder) ? [] : ["Glibc"]
            )
            .union(pure.contains(folder) ? ["Foundation", "FoundationEssentials"] : [])
        }
        for file in Self.swiftFiles() {
            for (folder, modules) in forbidden where file.path.hasPrefix(folder) {
                let bad = Set(Self.imports(file.text)).intersection(modules)
                #expect(bad.isEmpty, "\(file.path) imports \(bad.sorted())")
            }
        }
    }
}
