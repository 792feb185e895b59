import Foundation
import Testing
@testable import SarcomaAPI

/// docs/configuration.md repeats the settings table; the code owns it. The block between
/// the `settings:begin` and `settings:end` markers must be exactly what `rendered` makes of
/// `ConfigurationKey.all`, so a setting cannot be added, renamed or re-defaulted without the
/// documentation following (a failure prints the block to paste).
@Suite("docs/configuration.md matches the settings")
struct ConfigurationDocsTests {
    static let document = ServiceFixture.root.appendingPathComponent("docs/configuration.md")

    static func rendered() -> String {
        var lines = ["| file key | flag | environment | default | meaning |", "|---|---|---|---|---|"]
        for key in ConfigurationKey.all {
            let value = key.defaultValue()
            lines.append(
                "| `\(key.name)` | `\(key.flag)` | `\(key.environmentVariable)` | "
                    + (value.isEmpty ? "—" : "`\(value)`") + " | \(key.summary) |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func theTableIsTheCodesList() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- settings:begin -->\n"), "docs/configuration.md lacks its markers")
        let end = try #require(text.range(of: "\n<!-- settings:end -->", range: begin.upperBound..<text.endIndex))
        let table = String(text[begin.upperBound..<end.lowerBound])
        #expect(table == Self.rendered(), "paste this between the markers:\n\(Self.rendered())")
    }
}
