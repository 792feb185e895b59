extension BiomarkerPanel {
    /// The panel of a case: the ten tri-state tests of `tumor.biomarkers` (delta §1) joined to
    /// `tumor.ntrkFusion`, which stays where contract v1 put it. The case keeps the wire shape
    /// (no NTRK inside `biomarkers`); this is the one place the two are read together.
    init(reported markers: SarcomaCase.Biomarkers?, ntrkFusion: Bool?) {
        self.init(
            ntrkFusion: ntrkFusion, msiHigh: markers?.msiHigh, mmrDeficient: markers?.mmrDeficient,
            tmbMutPerMb: markers?.tmbMutPerMb, brafV600e: markers?.brafV600e, retFusion: markers?.retFusion,
            alkPositive: markers?.alkPositive, ini1Loss: markers?.ini1Loss, hlaA02Eligible: markers?.hlaA02Eligible,
            hlaA0205Present: markers?.hlaA0205Present, mageA4Positive: markers?.mageA4Positive)
    }
}
