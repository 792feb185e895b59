/// Line of palliative systemic therapy: first when no prior line, subsequent otherwise.
public enum TherapyLine: String, Sendable, CaseIterable {
    case first, subsequent
}
