/// The pathways that carry systemic options (clinical rules §8): the palliative answer of
/// `advanced` and `best_supportive_care`, and the `systemicOptions[]` of the curative-intent
/// `conversion` and `oligometastatic` perioperative answers. The pathway itself is decided
/// by SCOPE-PATHWAY (§3.6), outside this family.
public enum SystemicPathway: String, Sendable, VocabularyCode, CaseIterable {
    case advanced
    case bestSupportiveCare = "best_supportive_care"
    case conversion
    case oligometastatic

    /// A palliative answer: categories can show (§0.3) and best supportive care is listed.
    public var isPalliative: Bool { self == .advanced || self == .bestSupportiveCare }

    /// The option `intent` (delta §3.2): the pathway intent.
    public var intent: String {
        switch self {
        case .advanced: "palliative"
        case .bestSupportiveCare: "supportive"
        case .conversion: "conversion"
        case .oligometastatic: "curative"
        }
    }
}
