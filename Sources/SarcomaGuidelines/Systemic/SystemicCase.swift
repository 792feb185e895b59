/// What the systemic family reads from a case (clinical rules §8), as plain values: the
/// pathway and scope decided elsewhere (§3), the patient's constraints, the anthracycline
/// history and the biomarkers. Optional members are "not given"; the evaluation applies each
/// default itself and announces it (D28), so a caller never has to invent a value.
public struct SystemicCase: Sendable, Equatable {
    public var pathway: SystemicPathway
    public var scope: TreatmentScope
    /// A histology code of `histology-classes.json`; nil = not given (v1 D21).
    public var histology: String?
    public var ageYears: Int?
    public var ecog: Int?
    /// Default true (`iv_therapy_eligible_defaulted`).
    public var ivTherapyEligible: Bool?
    /// Default true (`anthracycline_candidate_defaulted`).
    public var anthracyclineCandidate: Bool?
    /// Default 0 (`prior_systemic_lines_defaulted`).
    public var priorSystemicLines: Int?
    public var priorAnthracycline: Bool?
    public var cumulativeDoxorubicinMgM2: Double?
    public var monthsSinceLastAnthracycline: Int?
    public var progressedOnAnthracycline: Bool?
    public var priorCardiotoxicTherapy: Bool?
    public var progressedOnAgents: [TherapyAgent]
    public var biomarkers: BiomarkerPanel

    public init(
        pathway: SystemicPathway, scope: TreatmentScope = .adultSTS, histology: String?, ageYears: Int? = nil,
        ecog: Int? = nil, ivTherapyEligible: Bool? = nil, anthracyclineCandidate: Bool? = nil,
        priorSystemicLines: Int? = nil, priorAnthracycline: Bool? = nil, cumulativeDoxorubicinMgM2: Double? = nil,
        monthsSinceLastAnthracycline: Int? = nil, progressedOnAnthracycline: Bool? = nil,
        priorCardiotoxicTherapy: Bool? = nil, progressedOnAgents: [TherapyAgent] = [],
        biomarkers: BiomarkerPanel = BiomarkerPanel()
    ) {
        self.pathway = pathway
        self.scope = scope
        self.histology = histology
        self.ageYears = ageYears
        self.ecog = ecog
        self.ivTherapyEligible = ivTherapyEligible
        self.anthracyclineCandidate = anthracyclineCandidate
        self.priorSystemicLines = priorSystemicLines
        self.priorAnthracycline = priorAnthracycline
        self.cumulativeDoxorubicinMgM2 = cumulativeDoxorubicinMgM2
        self.monthsSinceLastAnthracycline = monthsSinceLastAnthracycline
        self.progressedOnAnthracycline = progressedOnAnthracycline
        self.priorCardiotoxicTherapy = priorCardiotoxicTherapy
        self.progressedOnAgents = progressedOnAgents
        self.biomarkers = biomarkers
    }
}
