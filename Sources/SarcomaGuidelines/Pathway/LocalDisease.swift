/// `disease.localDisease` (delta §1): whether a primary or local recurrence is in place.
/// `absent` is a metastatic relapse after local control; omitted means `present`.
public enum LocalDisease: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case present
    case absent
}
