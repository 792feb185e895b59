/// Where an NCCN category came from (clinical rules §0.1). `none` is the only basis of a null
/// category; the pack validator refuses a category on `none` and `none` with a category.
public enum CategoryBasis: String, Sendable, VocabularyCode, CaseIterable {
    case sourceDeck = "source_deck"
    case nccn
    case nccnSecondary = "nccn_secondary"
    case none
}
