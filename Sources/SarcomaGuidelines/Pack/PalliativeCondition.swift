/// The few case conditions a palliative option can require (`palliative.json`, `requires`).
/// A closed list on purpose: the pack is a decision table, not a rule language.
enum PalliativeCondition: String, Sendable, VocabularyCode, CaseIterable {
    /// NTRK gene fusion-positive tumour (PALL-NTRK).
    case ntrkFusion = "ntrk_fusion"
    /// Can receive IV therapy and is an anthracycline candidate (PALL-ANTHRACYCLINE-FIRST).
    case ivAndAnthracyclineEligible = "iv_and_anthracycline_eligible"
    /// Ineligible for IV therapy or not an anthracycline candidate (PALL-PAZOPANIB-FIRST).
    case ivOrAnthracyclineIneligible = "iv_or_anthracycline_ineligible"
}
