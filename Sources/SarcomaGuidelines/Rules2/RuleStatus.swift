/// A rule's status against pack 2026.11-1 (clinical rules §13; `/v2/guidelines` `status`).
public enum RuleStatus: String, Sendable, VocabularyCode, CaseIterable {
    case kept
    case changed
    case new
}
