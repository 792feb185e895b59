/// NCCN categories of evidence and consensus. `nil` (no category) is a separate, honest
/// answer for options that are not NCCN listings.
public enum NCCNCategory: String, Sendable, VocabularyCode, CaseIterable, Comparable {
    case one = "1"
    case twoA = "2A"
    case twoB = "2B"

    /// Stronger first: 1 > 2A > 2B. Used to pick the weaker category when the histology that
    /// decides between two stated categories is unknown.
    public static func < (lhs: NCCNCategory, rhs: NCCNCategory) -> Bool {
        allCases.firstIndex(of: lhs)! > allCases.firstIndex(of: rhs)!
    }
}
