/// The strongest support of an option in its setting (clinical rules §0.1), in the rank order
/// the option sort uses (§8.8): `allCases` is strongest first.
public enum EvidenceType: String, Sendable, VocabularyCode, CaseIterable {
    case fdaApproval = "fda_approval"
    case randomizedPhase3 = "randomized_phase3"
    case fdaAcceleratedApproval = "fda_accelerated_approval"
    case randomizedPhase2 = "randomized_phase2"
    case singleArmTrial = "single_arm_trial"
    case retrospective
    case guidelineStatement = "guideline_statement"
    case comparatorArm = "comparator_arm"
    case packPolicy = "pack_policy"

    /// 0 = strongest.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    /// The REND-CATEGORY evidence label (§9).
    public var label: String {
        switch self {
        case .fdaApproval: "FDA approval"
        case .randomizedPhase3: "randomized phase 3 trial"
        case .fdaAcceleratedApproval: "FDA accelerated approval"
        case .randomizedPhase2: "randomized phase 2 trial"
        case .singleArmTrial: "single-arm trial"
        case .retrospective: "retrospective study"
        case .guidelineStatement: "guideline statement"
        case .comparatorArm: "control arm of randomized trials"
        case .packPolicy: "pack policy"
        }
    }
}
