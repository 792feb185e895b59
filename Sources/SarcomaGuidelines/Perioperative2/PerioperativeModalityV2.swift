/// Perioperative `modality` of contract v2 (delta §4.2): the v1 modalities plus the options of
/// the new pathways (§7.2-§7.5) and the pediatric referral.
public enum PerioperativeModalityV2: String, Sendable, VocabularyCode, CaseIterable {
    case surgery
    case postoperativeRT = "postoperative_rt"
    case preoperativeRT = "preoperative_rt"
    case postoperativeChemotherapy = "postoperative_chemotherapy"
    case preoperativeChemotherapy = "preoperative_chemotherapy"
    case preoperativeChemoradiation = "preoperative_chemoradiation"
    case regionalLymphadenectomy = "regional_lymphadenectomy"
    case reExcision = "re_excision"
    case isolatedLimbPerfusion = "isolated_limb_perfusion"
    case definitiveRT = "definitive_rt"
    case amputation
    case preoperativeSystemicTherapy = "preoperative_systemic_therapy"
    case systemicTherapy = "systemic_therapy"
    case metastasectomy
    case stereotacticBodyRT = "stereotactic_body_rt"
    case pediatricProtocolReferral = "pediatric_protocol_referral"

    /// Delta §3.2 `route`.
    public var route: TherapyRoute {
        switch self {
        case .postoperativeChemotherapy, .preoperativeChemotherapy, .preoperativeChemoradiation: .intravenous
        case .preoperativeSystemicTherapy, .systemicTherapy, .pediatricProtocolReferral: .none
        default: .procedure
        }
    }

    /// The chemotherapy modalities §7.0 rule 4 withholds for IV, ECOG and ASPS.
    var isChemotherapy: Bool { route == .intravenous }

    /// The RT modalities withheld after prior RT to the region (M13, M14).
    var isRadiotherapy: Bool {
        [.postoperativeRT, .preoperativeRT, .preoperativeChemoradiation, .definitiveRT].contains(self)
    }

    /// Kept after a prior resection only when a re-excision is listed (§7.0 rule 3).
    var isPreoperative: Bool {
        [.preoperativeRT, .preoperativeChemotherapy, .preoperativeChemoradiation].contains(self)
    }
}
