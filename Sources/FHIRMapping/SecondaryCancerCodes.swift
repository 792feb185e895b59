/// Condition codes that state a metastasis, so a secondary cancer sent as a plain Condition
/// (without mCODE's SecondaryCancerCondition profile) is not left out and the case staged M0.
///
/// ICD-10 C78 and C79 (secondary malignant neoplasm of respiratory / digestive organs and of
/// other sites) state a distant metastasis: M1. ICD-10 C77 (secondary malignant neoplasm of
/// lymph nodes) states a nodal metastasis, but not whether the nodes are regional (N1) or
/// distant (M1 in AJCC 8), which depends on the primary site: it is never mapped alone, only
/// checked against the N and M categories. SNOMED CT 94225005 (secondary malignant neoplasm
/// of brain) is the code of mCODE's published SecondaryCancerCondition example (in the
/// fixtures); no other SNOMED CT code is listed, since nobody here could check one.
enum SecondaryCancerCodes {
    enum Spread: Sendable, Hashable {
        /// A distant metastasis: M1.
        case distant
        /// Lymph nodes, regional or distant.
        case nodes
    }

    static let snomedDistant: Set<String> = ["94225005"]

    /// What a coding states, or nil when it is not a secondary cancer code listed above.
    static func spread(_ coding: FHIRCoding) -> Spread? {
        guard let code = coding.code?.uppercased() else { return nil }
        switch coding.system {
        case FHIRSystem.icd10, FHIRSystem.icd10CM:
            if code.hasPrefix("C78") || code.hasPrefix("C79") { return .distant }
            if code.hasPrefix("C77") { return .nodes }
            return nil
        case FHIRSystem.snomed:
            return snomedDistant.contains(code) ? .distant : nil
        default:
            return nil
        }
    }
}
