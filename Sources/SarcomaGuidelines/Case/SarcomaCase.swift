/// A soft tissue sarcoma case as the wire contract defines it (`api-contract.md`, "The case").
///
/// Every field except `tumor.site` is optional: what an evaluation needs but lacks is
/// reported (TX, a null stage group with its reason), never guessed. Defaults that AJCC or
/// the contract allow (omitted nodes = N0, ...) are applied at evaluation time only, each
/// with a warning, and never written into the stored case.
public struct SarcomaCase: Sendable, Equatable, Codable {
    public var externalId: String?
    public var patient: Patient?
    public var tumor: Tumor
    public var disease: Disease?
    public var pet: PET?

    public init(
        externalId: String? = nil, patient: Patient? = nil, tumor: Tumor,
        disease: Disease? = nil, pet: PET? = nil
    ) {
        self.externalId = externalId
        self.patient = patient
        self.tumor = tumor
        self.disease = disease
        self.pet = pet
    }

    public struct Patient: Sendable, Equatable, Codable {
        public var ageYears: Int?
        public var sex: Sex?
        /// ECOG performance status 0-4 (5 = dead is not a valid input).
        public var ecog: Int?
        public var ivTherapyEligible: Bool?
        public var anthracyclineCandidate: Bool?

        public init(
            ageYears: Int? = nil, sex: Sex? = nil, ecog: Int? = nil,
            ivTherapyEligible: Bool? = nil, anthracyclineCandidate: Bool? = nil
        ) {
            self.ageYears = ageYears
            self.sex = sex
            self.ecog = ecog
            self.ivTherapyEligible = ivTherapyEligible
            self.anthracyclineCandidate = anthracyclineCandidate
        }
    }

    public struct Tumor: Sendable, Equatable, Codable {
        public var site: Site
        /// Greatest dimension in centimetres; > 0 when given.
        public var sizeCm: Double?
        public var depth: Depth?
        public var histology: Histology?
        /// FNCLCC grade 1-3 as stated by the pathologist.
        public var grade: Int?
        public var fnclcc: FNCLCC?
        public var infiltrativeBorders: Bool?
        public var nodes: NodalStatus?
        public var metastasis: MetastasisStatus?
        public var ntrkFusion: Bool?
        /// Only with `metastasis == .m1`.
        public var metastaticSites: [MetastaticSite]?
        /// Site `head_and_neck` only (T4a/T4b findings).
        public var headNeckInvasion: [HeadNeckInvasion]?
        /// Site `visceral` only.
        public var visceralExtent: VisceralExtent?
        /// Site `visceral` only; >= 2 gives T4a/b/c.
        public var multifocalSites: Int?
        /// Contract delta §1; read by pack 2026.12-1 only (nil = none reported).
        public var biomarkers: Biomarkers?

        public init(
            site: Site, sizeCm: Double? = nil, depth: Depth? = nil,
            histology: Histology? = nil, grade: Int? = nil, fnclcc: FNCLCC? = nil,
            infiltrativeBorders: Bool? = nil, nodes: NodalStatus? = nil,
            metastasis: MetastasisStatus? = nil, ntrkFusion: Bool? = nil,
            metastaticSites: [MetastaticSite]? = nil,
            headNeckInvasion: [HeadNeckInvasion]? = nil,
            visceralExtent: VisceralExtent? = nil, multifocalSites: Int? = nil,
            biomarkers: Biomarkers? = nil
        ) {
            self.site = site
            self.sizeCm = sizeCm
            self.depth = depth
            self.histology = histology
            self.grade = grade
            self.fnclcc = fnclcc
            self.infiltrativeBorders = infiltrativeBorders
            self.nodes = nodes
            self.metastasis = metastasis
            self.ntrkFusion = ntrkFusion
            self.metastaticSites = metastaticSites
            self.headNeckInvasion = headNeckInvasion
            self.visceralExtent = visceralExtent
            self.multifocalSites = multifocalSites
            self.biomarkers = biomarkers
        }
    }

    /// The three FNCLCC components (rule GRADE-FNCLCC).
    public struct FNCLCC: Sendable, Equatable, Codable {
        /// Tumour differentiation score 1-3.
        public var differentiation: Int?
        public var mitosesPer10Hpf: Int?
        public var necrosisPercent: Double?

        public init(
            differentiation: Int? = nil, mitosesPer10Hpf: Int? = nil,
            necrosisPercent: Double? = nil
        ) {
            self.differentiation = differentiation
            self.mitosesPer10Hpf = mitosesPer10Hpf
            self.necrosisPercent = necrosisPercent
        }
    }

    public struct Disease: Sendable, Equatable, Codable {
        public var presentation: Presentation?
        public var resectable: Bool?
        public var priorSystemicLines: Int?
        public var priorAnthracycline: Bool?
        public var limbSparingPossible: Bool?
        // Contract delta §1 members, read by pack 2026.12-1 only; pack 2026.11-1 ignores them.
        public var localDisease: LocalDisease?
        public var metastasesResectable: Bool?
        public var conversionNotFeasible: Bool?
        public var priorRadiotherapy: Bool?
        public var progressedOnAnthracycline: Bool?
        /// Distinct codes, at most `CaseDecoder.maxProgressedOnAgents`; nil = none recorded.
        public var progressedOnAgents: [TherapyAgent]?
        /// Doxorubicin-equivalent mg/m², 0-2000.
        public var cumulativeDoxorubicinMgM2: Double?
        public var monthsSinceLastAnthracycline: Int?
        public var priorCardiotoxicTherapy: Bool?
        public var priorResection: PriorResection?

        public init(
            presentation: Presentation? = nil, resectable: Bool? = nil,
            priorSystemicLines: Int? = nil, priorAnthracycline: Bool? = nil,
            limbSparingPossible: Bool? = nil, localDisease: LocalDisease? = nil,
            metastasesResectable: Bool? = nil, conversionNotFeasible: Bool? = nil,
            priorRadiotherapy: Bool? = nil, progressedOnAnthracycline: Bool? = nil,
            progressedOnAgents: [TherapyAgent]? = nil, cumulativeDoxorubicinMgM2: Double? = nil,
            monthsSinceLastAnthracycline: Int? = nil, priorCardiotoxicTherapy: Bool? = nil,
            priorResection: PriorResection? = nil
        ) {
            self.presentation = presentation
            self.resectable = resectable
            self.priorSystemicLines = priorSystemicLines
            self.priorAnthracycline = priorAnthracycline
            self.limbSparingPossible = limbSparingPossible
            self.localDisease = localDisease
            self.metastasesResectable = metastasesResectable
            self.conversionNotFeasible = conversionNotFeasible
            self.priorRadiotherapy = priorRadiotherapy
            self.progressedOnAnthracycline = progressedOnAnthracycline
            self.progressedOnAgents = progressedOnAgents
            self.cumulativeDoxorubicinMgM2 = cumulativeDoxorubicinMgM2
            self.monthsSinceLastAnthracycline = monthsSinceLastAnthracycline
            self.priorCardiotoxicTherapy = priorCardiotoxicTherapy
            self.priorResection = priorResection
        }
    }

    /// FDG-PET maximum standardized uptake values (rule IMG-PET-RESPONSE); each > 0.
    public struct PET: Sendable, Equatable, Codable {
        public var suvMaxBaseline: Double?
        public var suvMaxPostTherapy: Double?

        public init(suvMaxBaseline: Double? = nil, suvMaxPostTherapy: Double? = nil) {
            self.suvMaxBaseline = suvMaxBaseline
            self.suvMaxPostTherapy = suvMaxPostTherapy
        }
    }
}

public enum Site: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case extremity, trunk, retroperitoneum
    case headAndNeck = "head_and_neck"
    case visceral
}

public enum Sex: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case female, male, other, unknown
}

public enum Depth: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case superficial, deep
}

public enum NodalStatus: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case n0 = "N0"
    case n1 = "N1"
}

public enum MetastasisStatus: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case m0 = "M0"
    case m1 = "M1"
}

public enum Presentation: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case primary, recurrent
}

public enum MetastaticSite: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case lung, liver, bone, brain
    case lymphNodeDistant = "lymph_node_distant"
    case peritoneum
    case softTissue = "soft_tissue"
    case other
}

public enum HeadNeckInvasion: String, Sendable, VocabularyCode, Codable, CaseIterable {
    // T4a findings
    case orbit
    case skullBaseOrDura = "skull_base_or_dura"
    case centralCompartmentViscera = "central_compartment_viscera"
    case facialSkeleton = "facial_skeleton"
    case pterygoidMuscles = "pterygoid_muscles"
    // T4b findings
    case brainParenchyma = "brain_parenchyma"
    case carotidEncasement = "carotid_encasement"
    case prevertebralMuscle = "prevertebral_muscle"
    case perineuralCNS = "perineural_cns"
}

public enum VisceralExtent: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case organConfined = "organ_confined"
    case serosa
    case beyondSerosa = "beyond_serosa"
    case anotherOrgan = "another_organ"
}

/// In-scope histology codes. Out-of-scope tumours (GIST, Kaposi, desmoid) are not cases
/// of this service: the decoder refuses them with a clear 422, so they never reach here.
public enum Histology: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case leiomyosarcoma
    case dedifferentiatedLiposarcoma = "dedifferentiated_liposarcoma"
    case myxoidLiposarcoma = "myxoid_liposarcoma"
    case pleomorphicLiposarcoma = "pleomorphic_liposarcoma"
    case wellDifferentiatedLiposarcoma = "well_differentiated_liposarcoma"
    case undifferentiatedPleomorphicSarcoma = "undifferentiated_pleomorphic_sarcoma"
    case myxofibrosarcoma
    case synovialSarcoma = "synovial_sarcoma"
    case malignantPeripheralNerveSheathTumor = "malignant_peripheral_nerve_sheath_tumor"
    case angiosarcoma
    case dermatofibrosarcomaProtuberans = "dermatofibrosarcoma_protuberans"
    case epithelioidSarcoma = "epithelioid_sarcoma"
    case alveolarSoftPartSarcoma = "alveolar_soft_part_sarcoma"
    case clearCellSarcoma = "clear_cell_sarcoma"
    case solitaryFibrousTumor = "solitary_fibrous_tumor"
    case extraskeletalMyxoidChondrosarcoma = "extraskeletal_myxoid_chondrosarcoma"
    case rhabdomyosarcoma
    case fibrosarcoma
    case otherSarcoma = "other_sarcoma"
    // Pack 2026.12-1 codes (contract delta §1); `/v1` evaluates each as `contractOneParent`.
    case pecoma
    case inflammatoryMyofibroblasticTumor = "inflammatory_myofibroblastic_tumor"
    case infantileFibrosarcoma = "infantile_fibrosarcoma"
    case pleomorphicRhabdomyosarcoma = "pleomorphic_rhabdomyosarcoma"

    /// The v1 code pack 2026.11-1 evaluates a newer code as (delta §0.3,
    /// `histology_mapped_for_pack`); nil for a v1 code.
    public var contractOneParent: Histology? {
        switch self {
        case .pleomorphicRhabdomyosarcoma: .rhabdomyosarcoma
        case .infantileFibrosarcoma: .fibrosarcoma
        case .pecoma, .inflammatoryMyofibroblasticTumor: .otherSarcoma
        default: nil
        }
    }

    /// Codes the contract names as out of scope, each answered with a clear 422.
    public static let outOfScopeCodes: [String: String] = [
        "gastrointestinal_stromal_tumor": "gastrointestinal stromal tumour (GIST)",
        "kaposi_sarcoma": "Kaposi sarcoma",
        "desmoid_tumor": "desmoid tumour (aggressive fibromatosis)",
    ]

    /// SCOPE-UTERINE (rules §3.1, delta §1): refused with its own detail, not the generic one.
    public static let uterineSarcomaCode = "uterine_sarcoma"
    public static let uterineSarcomaDetail =
        "uterine sarcomas are out of scope (FIGO / AJCC corpus uteri sarcoma staging; separate CAP protocol)"
}
