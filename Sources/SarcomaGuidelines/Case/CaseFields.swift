/// The member names of each object of the case, in the contract's order. The decoder
/// refuses anything else (a mistyped clinical field must never be silently ignored) and
/// the encoder writes members in exactly this order.
enum CaseFields {
    struct Section: Sendable {
        /// Where the object sits in a case (`/tumor/fnclcc`).
        let pointer: String
        /// How a person calls it in a message.
        let name: String
        let fields: [String]
        /// `fields` through `NearMatch.normalized`, worked out once.
        let normalizedFields: [String]

        init(pointer: String, name: String, fields: [String]) {
            self.pointer = pointer
            self.name = name
            self.fields = fields
            normalizedFields = fields.map(NearMatch.normalized)
        }
    }

    static let top = Section(
        pointer: "", name: "the case",
        fields: ["externalId", "patient", "tumor", "disease", "pet"])
    static let patient = Section(
        pointer: "/patient", name: "patient",
        fields: ["ageYears", "sex", "ecog", "ivTherapyEligible", "anthracyclineCandidate"])
    static let tumor = Section(
        pointer: "/tumor", name: "tumor",
        fields: [
            "site", "sizeCm", "depth", "histology", "grade", "fnclcc", "infiltrativeBorders", "nodes",
            "metastasis", "ntrkFusion", "metastaticSites", "headNeckInvasion", "visceralExtent",
            "multifocalSites", "biomarkers",
        ])
    static let fnclcc = Section(
        pointer: "/tumor/fnclcc", name: "tumor.fnclcc",
        fields: ["differentiation", "mitosesPer10Hpf", "necrosisPercent"])
    static let disease = Section(
        pointer: "/disease", name: "disease",
        fields: [
            "presentation", "resectable", "priorSystemicLines", "priorAnthracycline", "limbSparingPossible",
            "localDisease", "metastasesResectable", "conversionNotFeasible", "priorRadiotherapy",
            "progressedOnAnthracycline", "progressedOnAgents", "cumulativeDoxorubicinMgM2",
            "monthsSinceLastAnthracycline", "priorCardiotoxicTherapy", "priorResection",
        ])
    /// Contract delta §1; an unknown member gets its own detail (`CaseDecoder+Biomarkers.swift`).
    static let biomarkers = Section(
        pointer: "/tumor/biomarkers", name: "tumor.biomarkers",
        fields: [
            "msiHigh", "mmrDeficient", "tmbMutPerMb", "brafV600e", "retFusion", "alkPositive", "ini1Loss",
            "hlaA02Eligible", "hlaA0205Present", "mageA4Positive",
        ])
    static let priorResection = Section(
        pointer: "/disease/priorResection", name: "disease.priorResection",
        fields: ["type", "margin", "closestMarginCm", "fascialPlaneIntact"])
    static let pet = Section(pointer: "/pet", name: "pet", fields: ["suvMaxBaseline", "suvMaxPostTherapy"])

    static let all = [top, patient, tumor, fnclcc, biomarkers, disease, priorResection, pet]

    /// The section that has `field` (exactly, or spelled with other case or separators),
    /// for "it belongs in `tumor`" hints.
    static func home(of field: String, otherThan section: Section) -> (section: Section, field: String)? {
        guard let home = homes[NearMatch.normalized(field)], home.section.pointer != section.pointer else {
            return nil
        }
        return home
    }

    /// Every field by its normalized name (no two sections share one).
    private static let homes: [String: (section: Section, field: String)] = {
        var homes: [String: (section: Section, field: String)] = [:]
        for section in all {
            for (field, normalized) in zip(section.fields, section.normalizedFields) {
                homes[normalized] = (section, field)
            }
        }
        return homes
    }()
}
