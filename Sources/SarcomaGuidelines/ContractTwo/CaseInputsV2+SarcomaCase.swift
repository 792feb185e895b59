extension CaseInputsV2 {
    /// The delta §1 members the case decoder put on `SarcomaCase`, read once so every family
    /// sees the same inputs as the pathway. The biomarker panel joins `tumor.ntrkFusion` (v1)
    /// to the tri-state tests of `tumor.biomarkers`.
    init(_ sarcomaCase: SarcomaCase) {
        let disease = sarcomaCase.disease
        let markers = sarcomaCase.tumor.biomarkers
        self.init(
            priorResection: disease?.priorResection.map(PriorResection.init),
            priorRadiotherapy: disease?.priorRadiotherapy,
            metastasesResectable: disease?.metastasesResectable, localDisease: disease?.localDisease,
            conversionNotFeasible: disease?.conversionNotFeasible,
            cumulativeDoxorubicinMgM2: disease?.cumulativeDoxorubicinMgM2,
            monthsSinceLastAnthracycline: disease?.monthsSinceLastAnthracycline,
            progressedOnAnthracycline: disease?.progressedOnAnthracycline,
            priorCardiotoxicTherapy: disease?.priorCardiotoxicTherapy,
            progressedOnAgents: disease?.progressedOnAgents ?? [],
            biomarkers: BiomarkerPanel(
                ntrkFusion: sarcomaCase.tumor.ntrkFusion, msiHigh: markers?.msiHigh,
                mmrDeficient: markers?.mmrDeficient, tmbMutPerMb: markers?.tmbMutPerMb,
                brafV600e: markers?.brafV600e, retFusion: markers?.retFusion, alkPositive: markers?.alkPositive,
                ini1Loss: markers?.ini1Loss, hlaA02Eligible: markers?.hlaA02Eligible,
                hlaA0205Present: markers?.hlaA0205Present, mageA4Positive: markers?.mageA4Positive))
    }
}

extension PriorResection {
    /// The decoded `disease.priorResection` in the form the §5 resection facts read.
    init(_ decoded: SarcomaCase.PriorResection) {
        let type: Kind =
            switch decoded.type {
            case .planned: .planned
            case .unplanned: .unplanned
            }
        let margin: Margin? = decoded.margin.map {
            switch $0 {
            case .r0: .r0
            case .r1: .r1
            case .r2: .r2
            }
        }
        self.init(
            type: type, margin: margin, closestMarginCm: decoded.closestMarginCm,
            fascialPlaneIntact: decoded.fascialPlaneIntact)
    }
}
