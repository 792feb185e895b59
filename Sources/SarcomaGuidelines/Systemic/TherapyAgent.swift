/// Systemic agents and fixed options of contract v2 (delta §4.1): the v1 codes plus the
/// regimens of pack 2026.12-1. Combination codes join their components with `_`; which codes
/// are combinations, and of what, is pack data (`systemic.json`, `combinations`).
public enum TherapyAgent: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case doxorubicin, larotrectinib, entrectinib, pazopanib
    case pazopanibGemcitabine = "pazopanib_gemcitabine"
    case trabectedin, eribulin, regorafenib, pembrolizumab, nivolumab
    case clinicalTrial = "clinical_trial"
    case ipilimumab
    case doxorubicinIfosfamide = "doxorubicin_ifosfamide"
    case doxorubicinDacarbazine = "doxorubicin_dacarbazine"
    case doxorubicinTrabectedin = "doxorubicin_trabectedin"
    case gemcitabineDocetaxel = "gemcitabine_docetaxel"
    case dacarbazine, ifosfamide, repotrectinib, dostarlimab
    case dabrafenibTrametinib = "dabrafenib_trametinib"
    case selpercatinib, imatinib, tazemetostat, atezolizumab
    case axitinibPembrolizumab = "axitinib_pembrolizumab"
    case paclitaxel
    case nivolumabIpilimumab = "nivolumab_ipilimumab"
    case afamitresgeneAutoleucel = "afamitresgene_autoleucel"
    case palbociclib
    case temozolomideBevacizumab = "temozolomide_bevacizumab"
    case nabSirolimus = "nab_sirolimus"
    case crizotinib
    case bestSupportiveCare = "best_supportive_care"
    case pediatricProtocolReferral = "pediatric_protocol_referral"

    /// Options that are not a therapy a tumour progresses on (delta §1 `progressedOnAgents`).
    public var isFixedOption: Bool {
        self == .clinicalTrial || self == .bestSupportiveCare || self == .pediatricProtocolReferral
    }
}
