import Foundation
import Testing
@testable import FHIRMapping

/// docs/fhir.md lists the ICD-O-3 morphology codes the mapper reads; the code owns the list
/// (`MorphologyCodes.icdO3`). The paragraph must name exactly those codes, and the codes
/// grouped under one histology there must map to one and the same value here.
@Suite("docs/fhir.md names the mapper's morphology codes")
struct MorphologyDocsTests {
    static let paragraph: String = {
        let document = FixtureFiles.root.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/fhir.md")
        let text = (try? String(contentsOf: document, encoding: .utf8)) ?? ""
        guard let start = text.range(of: "ICD-O-3 morphology -> `tumor.histology`:"),
            let end = text.range(of: "\n\n", range: start.upperBound..<text.endIndex)
        else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
    }()

    /// `9040/3-9043/3` stands for 9040/3, 9041/3, 9042/3 and 9043/3.
    static func codes(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(\d{4})/(\d)(?:-(\d{4})/\d)?"#)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).flatMap { match -> [String] in
            let first = Int(text[Range(match.range(at: 1), in: text)!])!
            let behaviour = String(text[Range(match.range(at: 2), in: text)!])
            let last = Range(match.range(at: 3), in: text).map { Int(text[$0])! } ?? first
            return (first...last).map { "\($0)/\(behaviour)" }
        }
    }

    @Test func theParagraphNamesEveryCodeAndNoOther() {
        #expect(!Self.paragraph.isEmpty, "docs/fhir.md lost its ICD-O-3 paragraph")
        let documented = Set(Self.codes(in: Self.paragraph))
        let mapped = Set(MorphologyCodes.icdO3.keys)
        #expect(mapped.subtracting(documented).sorted() == [], "mapped but not documented")
        #expect(documented.subtracting(mapped).sorted() == [], "documented but not mapped")
    }

    @Test func codesGroupedUnderOneHistologyMapAlike() {
        // The first sentence lists `codes name; codes name; ...` up to the SNOMED CT part.
        let list = Self.paragraph.components(separatedBy: "SNOMED CT").first ?? ""
        let groups = list.split(separator: ";").map { Self.codes(in: String($0)) }.filter { $0.count > 1 }
        #expect(groups.count == 9)  // leiomyosarcoma, myxoid and WD liposarcoma, UPS, synovial, MPNST, DFSP, SFT, RMS
        for group in groups {
            let values = group.compactMap { MorphologyCodes.icdO3[$0] }
            #expect(values.allSatisfy { $0 == values.first }, "\(group) map to different histologies")
        }
    }
}
