/// The §0.3 settings in which a perioperative row shows its category (`perioperative.json`
/// `category.setting`). Outside its setting a row is `null` / `none` with the row's note.
public enum PerioperativeCategorySetting: String, Sendable, VocabularyCode, CaseIterable {
    /// localized_resectable; extremity or trunk; planning IIIA/IIIB (planning grade G2/G3).
    case primaryStage3 = "primary_stage3"
    /// localized_resectable; extremity or trunk; planning IB; a stated margin <= 1.0 cm or
    /// R1/R2; `fascialPlaneIntact == false` stated.
    case stage1bStatedCloseMargin = "stage1b_stated_close_margin"
    /// localized_resectable; extremity; `sizeCm > 8`; planning grade G2/G3.
    case primaryLargeHighGrade = "primary_large_high_grade"

    /// Whether this case is inside the setting.
    func covers(_ facts: CaseFactsV2) -> Bool {
        guard facts.casePathway == .localizedResectable else { return false }
        let extremityOrTrunk = facts.site == .extremity || facts.site == .trunk
        switch self {
        case .primaryStage3:
            return extremityOrTrunk && facts.planningGrade.isHigh
                && (facts.planningStageGroup == .iiia || facts.planningStageGroup == .iiib)
        case .stage1bStatedCloseMargin:
            guard extremityOrTrunk, facts.planningStageGroup == .ib, let resection = facts.resection else {
                return false
            }
            return resection.statedCloseOrPositive && resection.resection.fascialPlaneIntact == false
        case .primaryLargeHighGrade:
            guard facts.site == .extremity, let size = facts.sizeCm else { return false }
            return size > PerioperativeEvaluatorV2.highRiskAboveCm && facts.planningGrade.isHigh
        }
    }
}
