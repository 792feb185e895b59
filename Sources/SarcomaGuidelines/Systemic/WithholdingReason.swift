/// Why an agent is not recommended (delta §4.6), with the §8.2 step that gives the reason: a
/// withheld agent's `reasonCode` is its earliest step's reason, later ones follow in step order.
public enum WithholdingReason: String, Sendable, VocabularyCode, CaseIterable {
    case performanceStatus = "performance_status"
    case belowLabelAge = "below_label_age"
    case requiresIV = "requires_iv"
    case liposarcomaNoActivity = "liposarcoma_no_activity"
    case histologyNoActivity = "histology_no_activity"
    case insufficientActivity = "insufficient_activity"
    case histologySpecificStandardFirst = "histology_specific_standard_first"
    case biomarkerNegative = "biomarker_negative"
    case labelContraindication = "label_contraindication"
    case lineNotLabelled = "line_not_labelled"
    case priorProgression = "prior_progression"
    case notAnthracyclineCandidate = "not_anthracycline_candidate"
    case anthracyclineRefractory = "anthracycline_refractory"
    case anthracyclineCumulativeCeiling = "anthracycline_cumulative_ceiling"
    case trialFitness = "trial_fitness"

    /// The §8.2 step number.
    public var step: Int {
        switch self {
        case .performanceStatus: 3
        case .belowLabelAge: 4
        case .requiresIV: 5
        case .liposarcomaNoActivity, .histologyNoActivity, .insufficientActivity, .histologySpecificStandardFirst,
            .biomarkerNegative, .labelContraindication, .lineNotLabelled:
            6
        case .priorProgression: 7
        case .notAnthracyclineCandidate, .anthracyclineRefractory, .anthracyclineCumulativeCeiling: 8
        case .trialFitness: 9
        }
    }

    /// Reasons the histology withholding table (§8.4) may give.
    public var isHistologyStep: Bool { step == 6 }
}
