/// Palliative systemic options named by the API contract (`ipilimumab` only ever appears
/// under `investigational`).
public enum SystemicAgent: String, Sendable, VocabularyCode, CaseIterable {
    case doxorubicin, larotrectinib, entrectinib, pazopanib
    case pazopanibGemcitabine = "pazopanib_gemcitabine"
    case trabectedin, eribulin, regorafenib, pembrolizumab, nivolumab
    case clinicalTrial = "clinical_trial"
    case ipilimumab
}
