/// Biopsy methods named by the API contract (`margins.biopsy.method`, rule BIOPSY-CORE).
public enum BiopsyMethod: String, Sendable, VocabularyCode, CaseIterable {
    case coreNeedle = "core_needle"
    case incisional
}
