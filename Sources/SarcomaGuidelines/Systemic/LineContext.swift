/// The line context of a systemic answer (clinical rules §8.1): first line, first line after
/// perioperative anthracycline exposure (FA, v1 D25), or a subsequent line. "post" rows are
/// eligible in FA and S, since FA disease has already met an anthracycline.
public enum LineContext: String, Sendable, VocabularyCode, CaseIterable {
    case first
    case firstAfterPerioperativeAnthracycline = "first_after_perioperative_anthracycline"
    case subsequent

    public var line: TherapyLine { self == .subsequent ? .subsequent : .first }
}
