import Testing
@testable import SarcomaGuidelines

@Suite("NearMatch: did-you-mean suggestions")
struct NearMatchTests {
    static let fields = ["site", "sizeCm", "depth", "histology", "grade", "nodes", "metastasis"]

    static let cases: [(String, [String], String?)] = [
        ("sizecm", fields, "sizeCm"),
        ("SIZE_CM", fields, "sizeCm"),
        ("size-cm", fields, "sizeCm"),
        ("size", fields, "sizeCm"),  // unique prefix
        ("histolgy", fields, "histology"),  // one deletion
        ("hsitology", fields, "histology"),  // one swap
        ("grdae", fields, "grade"),
        ("metastases", fields, "metastasis"),
        ("xyz", fields, nil),
        ("N2", ["N0", "N1"], nil),  // a tie is no suggestion
        ("n1", ["N0", "N1"], "N1"),
        ("suvMax", ["suvMaxBaseline", "suvMaxPostTherapy"], nil),  // ambiguous prefix
        ("", fields, nil),
    ]

    @Test("suggestions", arguments: cases)
    func suggestion(input: String, candidates: [String], expected: String?) {
        #expect(NearMatch.suggestion(for: input, among: candidates) == expected)
    }

    static let distances: [(String, String, Int)] = [
        ("", "", 0), ("a", "", 1), ("", "abc", 3), ("kitten", "sitting", 3), ("ab", "ba", 1),
        ("id", "pet", 3), ("liposarcoma", "fibrosarcoma", 3), ("ca", "abc", 3),
    ]

    @Test("optimal string alignment distance", arguments: distances)
    func distance(a: String, b: String, expected: Int) {
        #expect(NearMatch.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == expected)
    }
}
