/// The one pathway of a case (clinical rules §3.6, SCOPE-PATHWAY): which plan the answer is,
/// so an unresectable localized tumour is never sent to palliative therapy while amputation
/// is offered in the same answer (finding S2).
public enum CasePathway: String, Sendable, VocabularyCode, CaseIterable {
    case localizedResectable = "localized_resectable"
    case regionalNodal = "regional_nodal"
    case localRecurrence = "local_recurrence"
    case conversion
    case oligometastatic
    case advanced
    case bestSupportiveCare = "best_supportive_care"

    /// The intent column of the §3.6 table.
    public var intent: TherapyIntent {
        switch self {
        case .localizedResectable, .regionalNodal, .localRecurrence, .oligometastatic: .curative
        case .conversion: .conversion
        case .advanced: .palliative
        case .bestSupportiveCare: .supportive
        }
    }

    /// PALL-NOT-LOCALIZED (changed): the palliative section is indicated only on these pathways.
    public var palliativeIndicated: Bool { self == .advanced || self == .bestSupportiveCare }

    /// The pathway as the systemic family reads it; nil where no systemic options are listed.
    public var systemicPathway: SystemicPathway? {
        switch self {
        case .advanced: .advanced
        case .bestSupportiveCare: .bestSupportiveCare
        case .conversion: .conversion
        case .oligometastatic: .oligometastatic
        case .localizedResectable, .regionalNodal, .localRecurrence: nil
        }
    }

    /// The palliative `reason` when the section is not indicated (§3.6, PALL-NOT-LOCALIZED).
    public var notIndicatedReason: String? {
        switch self {
        case .localizedResectable:
            "localized resectable disease treated with curative intent: see the perioperative plan"
        case .regionalNodal: "regional nodal disease treated with curative intent: see the perioperative plan"
        case .localRecurrence: "resectable local recurrence treated with curative intent: see the perioperative plan"
        case .conversion: "curative-intent conversion: see the perioperative plan"
        case .oligometastatic:
            "oligometastatic disease treated with curative intent: see the perioperative plan and its systemic options"
        case .advanced, .bestSupportiveCare: nil
        }
    }
}
