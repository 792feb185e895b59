/// The biomarker condition of a §8.3 row. A row is a candidate only when its requirement is
/// met; a histology-specific row is also a candidate when the marker is negative (or the
/// contraindication present), so that §8.4 can list it as not recommended with the reason.
public enum BiomarkerRequirement: String, Sendable, VocabularyCode, CaseIterable {
    case ntrkFusion = "ntrk_fusion"
    case msiHighOrMMRDeficient = "msi_high_or_mmr_deficient"
    case mmrDeficient = "mmr_deficient"
    case tmbHigh = "tmb_high"
    case brafV600e = "braf_v600e"
    case retFusion = "ret_fusion"
    case alkPositive = "alk_positive"
    /// Tazemetostat: `ini1Loss` not false (unknown is listed, and named in the warning).
    case ini1LossNotNegative = "ini1_loss_not_negative"
    /// Afamitresgene autoleucel: HLA-A*02 eligible, HLA-A*02:05P reported absent, MAGE-A4 positive.
    case hlaA02MageA4 = "hla_a02_mage_a4"

    /// The markers the requirement reads.
    public var markers: [Biomarker] {
        switch self {
        case .ntrkFusion: [.ntrkFusion]
        case .msiHighOrMMRDeficient: [.msiHigh, .mmrDeficient]
        case .mmrDeficient: [.mmrDeficient]
        case .tmbHigh: [.tmbHigh]
        case .brafV600e: [.brafV600e]
        case .retFusion: [.retFusion]
        case .alkPositive: [.alkPositive]
        case .ini1LossNotNegative: [.ini1Loss]
        case .hlaA02MageA4: [.hlaA02Eligible, .hlaA0205Present, .mageA4Positive]
        }
    }

    public func isMet(_ panel: BiomarkerPanel) -> Bool {
        switch self {
        case .msiHighOrMMRDeficient: panel.msiHigh == true || panel.mmrDeficient == true
        case .ini1LossNotNegative: panel.ini1Loss != false
        case .hlaA02MageA4:
            panel.hlaA02Eligible == true && panel.hlaA0205Present == false && panel.mageA4Positive == true
        default: markers.allSatisfy { panel[$0] == true }
        }
    }

    /// A stated negative result (not the contraindication).
    public func isNegative(_ panel: BiomarkerPanel) -> Bool {
        switch self {
        case .msiHighOrMMRDeficient: panel.msiHigh == false && panel.mmrDeficient == false
        case .hlaA02MageA4: panel.hlaA02Eligible == false || panel.mageA4Positive == false
        default: markers.allSatisfy { panel[$0] == false }
        }
    }

    /// A stated contraindication (HLA-A*02:05P present).
    public func isContraindicated(_ panel: BiomarkerPanel) -> Bool {
        self == .hlaA02MageA4 && panel.hlaA0205Present == true
    }

    /// `qualifyingBiomarker` of the option (§8.3): nil for tazemetostat, whose marker gates
    /// nothing when unknown.
    public func qualifyingBiomarker(_ panel: BiomarkerPanel) -> String? {
        switch self {
        case .msiHighOrMMRDeficient: panel.msiHigh == true ? "msi_high" : "mmr_deficient"
        case .ini1LossNotNegative: nil
        default: rawValue
        }
    }
}
