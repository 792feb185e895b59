/// MARGIN-REEXCISION's answer (`margins.reExcision`, clinical rules §5).
public enum ReExcisionAdvice: String, Sendable, VocabularyCode, CaseIterable {
    case advised
    case mdt
    case notApplicable = "not_applicable"
}
