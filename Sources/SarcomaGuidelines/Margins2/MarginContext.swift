/// MARGIN-CONTEXT (clinical rules §5): which resection the margin plan is for, by pathway.
public enum MarginContext: String, Sendable, VocabularyCode, CaseIterable {
    case plannedResection = "planned_resection"
    case afterConversion = "after_conversion"
    case oligometastaticPrimary = "oligometastatic_primary"
    case ifPrimaryResected = "if_primary_resected"

    init(_ pathway: CasePathway) {
        switch pathway {
        case .localizedResectable, .regionalNodal, .localRecurrence: self = .plannedResection
        case .conversion: self = .afterConversion
        case .oligometastatic: self = .oligometastaticPrimary
        case .advanced, .bestSupportiveCare: self = .ifPrimaryResected
        }
    }

    /// The sentence the MARGIN-CONTEXT recommendation shows.
    var sentence: String {
        switch self {
        case .plannedResection: "The margin plan applies to the planned resection."
        case .afterConversion: "The margin plan applies to the resection after successful conversion therapy."
        case .oligometastaticPrimary:
            "The margin plan applies to the resection of the primary in oligometastatic disease."
        case .ifPrimaryResected: "The margin plan applies only if the primary is ever resected."
        }
    }
}
