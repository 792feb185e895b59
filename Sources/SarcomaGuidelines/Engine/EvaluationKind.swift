/// The evaluation endpoints: one per family of rules, and `assessment` for all five at once.
public enum EvaluationKind: String, Sendable, VocabularyCode, CaseIterable {
    case staging, margins, imaging, perioperative, palliative, assessment
}
