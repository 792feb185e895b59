/// Amputation advice named by the API contract (`margins.amputation`, rule MARGIN-AMPUTATION).
public enum AmputationAdvice: String, Sendable, VocabularyCode, CaseIterable {
    case notIndicated = "not_indicated"
    case considerIfNoLimbSparingOption = "consider_if_no_limb_sparing_option"
}
