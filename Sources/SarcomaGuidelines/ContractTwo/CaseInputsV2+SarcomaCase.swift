extension CaseInputsV2 {
    /// The delta §1 members the case decoder put on `SarcomaCase.Disease`, read once so the
    /// margins, imaging and perioperative families see the same inputs as the pathway.
    init(_ sarcomaCase: SarcomaCase, biomarkers: BiomarkerPanel) {
        let disease = sarcomaCase.disease
        self.init(
            priorResection: disease?.priorResection.map(PriorResection.init),
            priorRadiotherapy: disease?.priorRadiotherapy,
            metastasesResectable: disease?.metastasesResectable, localDisease: disease?.localDisease,
            conversionNotFeasible: disease?.conversionNotFeasible,
            cumulativeDoxorubicinMgM2: disease?.cumulativeDoxorubicinMgM2,
            monthsSinceLastAnthracycline: disease?.monthsSinceLastAnthracycline,
            progressedOnAnthracycline: disease?.progressedOnAnthracycline,
            priorCardiotoxicTherapy: disease?.priorCardiotoxicTherapy,
            progressedOnAgents: disease?.progressedOnAgents ?? [], biomarkers: biomarkers)
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
