/// The §8.3 rank group: preferred options sort biomarker-qualified first, then
/// histology-specific, then general (§8.8); fixed options sort by their own keys.
public enum RankGroup: String, Sendable, VocabularyCode, CaseIterable {
    case biomarker, histology, general, fixed
}
