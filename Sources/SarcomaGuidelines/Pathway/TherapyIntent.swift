/// The intent of a pathway and of every option on it (clinical rules §3.6; delta §3.2).
public enum TherapyIntent: String, Sendable, VocabularyCode, CaseIterable {
    case curative
    case conversion
    case palliative
    case supportive
}
