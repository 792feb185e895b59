extension CaseInputsV2 {
    /// The delta §1 members the case decoder put on `SarcomaCase`, read once so every family
    /// sees the same inputs as the pathway.
    init(_ sarcomaCase: SarcomaCase) {
        let disease = sarcomaCase.disease
        self.init(
            priorResection: disease?.priorResection,
            priorRadiotherapy: disease?.priorRadiotherapy,
            metastasesResectable: disease?.metastasesResectable, localDisease: disease?.localDisease,
            conversionNotFeasible: disease?.conversionNotFeasible,
            cumulativeDoxorubicinMgM2: disease?.cumulativeDoxorubicinMgM2,
            monthsSinceLastAnthracycline: disease?.monthsSinceLastAnthracycline,
            progressedOnAnthracycline: disease?.progressedOnAnthracycline,
            priorCardiotoxicTherapy: disease?.priorCardiotoxicTherapy,
            progressedOnAgents: disease?.progressedOnAgents ?? [],
            biomarkers: BiomarkerPanel(reported: sarcomaCase.tumor.biomarkers, ntrkFusion: sarcomaCase.tumor.ntrkFusion)
        )
    }
}
