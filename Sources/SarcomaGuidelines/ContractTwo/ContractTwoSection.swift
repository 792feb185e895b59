/// The `/v2` answers this engine can give today. A section joins the list when its rules
/// exist (margins, imaging and perioperative, rules §5-§7, are not here yet), so `/v2` never
/// serves a placeholder for a section it cannot compute.
public enum ContractTwoSection: String, Sendable, VocabularyCode, CaseIterable {
    case staging
    case palliative
}
