/// The `/v2` answers this engine can give today. A section joins the list when its rules
/// exist, so `/v2` never serves a placeholder for a section it cannot compute.
public enum ContractTwoSection: String, Sendable, VocabularyCode, CaseIterable {
    case staging
    case margins
    case imaging
    case perioperative
    case palliative
}
