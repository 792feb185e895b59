/// The biomarkers the systemic rules read (clinical rules §8.5), named as in the palliative
/// `biomarkerStatus` object. `tmbHigh` is derived from `tmbMutPerMb` (`>= 10.0`, §0.2).
public enum Biomarker: String, Sendable, VocabularyCode, CaseIterable {
    case ntrkFusion, msiHigh, mmrDeficient, tmbHigh, brafV600e, retFusion, alkPositive, ini1Loss
    case hlaA02Eligible, hlaA0205Present, mageA4Positive

    /// The reported value that can put a row into the options: a positive result, except for
    /// HLA-A*02:05P, a contraindication that must be reported absent.
    var qualifyingValue: Bool { self != .hlaA0205Present }
}

/// A biomarker's reported state in `biomarkerStatus`.
public enum BiomarkerStatus: String, Sendable, VocabularyCode, CaseIterable {
    case positive, negative, unknown
}
