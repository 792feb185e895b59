/// Line of palliative systemic therapy: first when no prior line, subsequent otherwise.
public enum TherapyLine: String, Sendable, VocabularyCode, CaseIterable {
    case first, subsequent
}
