/// The contract delta §1 inputs that `SarcomaCase` does not carry yet. The v2 route layer
/// decodes them (and checks their 422s) and passes them here; every member is "not given"
/// when nil or empty, and each rule that reads a missing one applies its default and says so.
public struct CaseInputsV2: Sendable, Equatable {
    /// `/tumor/histology` when it is a code new in pack 2026.12-1 (`pecoma`,
    /// `inflammatory_myofibroblastic_tumor`, `infantile_fibrosarcoma`,
    /// `pleomorphic_rhabdomyosarcoma`), which `SarcomaCase.Histology` cannot hold; nil = use
    /// `tumor.histology`.
    public var histologyCode: String?
    public var priorResection: PriorResection?
    public var priorRadiotherapy: Bool?
    public var metastasesResectable: Bool?
    public var localDisease: LocalDisease?
    public var conversionNotFeasible: Bool?
    public var cumulativeDoxorubicinMgM2: Double?
    public var monthsSinceLastAnthracycline: Int?
    public var progressedOnAnthracycline: Bool?
    public var priorCardiotoxicTherapy: Bool?
    public var progressedOnAgents: [TherapyAgent]
    /// `tumor.biomarkers`; its `ntrkFusion` is taken from `tumor.ntrkFusion`.
    public var biomarkers: BiomarkerPanel

    public init(
        histologyCode: String? = nil, priorResection: PriorResection? = nil, priorRadiotherapy: Bool? = nil,
        metastasesResectable: Bool? = nil, localDisease: LocalDisease? = nil, conversionNotFeasible: Bool? = nil,
        cumulativeDoxorubicinMgM2: Double? = nil, monthsSinceLastAnthracycline: Int? = nil,
        progressedOnAnthracycline: Bool? = nil, priorCardiotoxicTherapy: Bool? = nil,
        progressedOnAgents: [TherapyAgent] = [], biomarkers: BiomarkerPanel = BiomarkerPanel()
    ) {
        self.histologyCode = histologyCode
        self.priorResection = priorResection
        self.priorRadiotherapy = priorRadiotherapy
        self.metastasesResectable = metastasesResectable
        self.localDisease = localDisease
        self.conversionNotFeasible = conversionNotFeasible
        self.cumulativeDoxorubicinMgM2 = cumulativeDoxorubicinMgM2
        self.monthsSinceLastAnthracycline = monthsSinceLastAnthracycline
        self.progressedOnAnthracycline = progressedOnAnthracycline
        self.priorCardiotoxicTherapy = priorCardiotoxicTherapy
        self.progressedOnAgents = progressedOnAgents
        self.biomarkers = biomarkers
    }
}
