import SarcomaGuidelines

/// Body-site codes that justify a contract `tumor.site`. Only structures whose meaning
/// leaves no doubt about the AJCC site group are listed; an organ, a cavity or a region that
/// may be trunk wall or viscera (thorax, abdomen, pelvis) is not, and the import then asks
/// for the site rather than guess it.
enum SiteCodes {
    /// SNOMED CT body structures (Condition.bodySite). Codes as DICOM PS3.16's anatomic
    /// region context groups and published FHIR value sets list them. "Trunk structure"
    /// (22943007) is left out on purpose: the trunk region holds the retroperitoneum and the
    /// viscera too, while AJCC's "trunk" is the trunk wall, and the two stage N1 differently.
    static let snomed: [String: Site] = [
        "53120007": .extremity,  // Upper limb structure
        "61685007": .extremity,  // Lower limb structure
        "66019005": .extremity,  // Limb structure (DICOM "Extremity")
        "78904004": .trunk,  // Chest wall structure
        "82849001": .retroperitoneum,  // Retroperitoneal structure (DICOM "Retroperitoneum")
        "774007": .headAndNeck,  // Structure of head and/or neck
    ]

    /// What an ICD-10 / ICD-10-CM diagnosis code in Condition.code says: a soft tissue
    /// malignancy (C49, C48.0) with a site when the code names one unambiguously.
    enum Diagnosis: Sendable, Equatable {
        case softTissue(Site?)
        case outOfScope(name: String, contractCode: String?)
    }

    /// ICD-10 (WHO) and ICD-10-CM share these stems; ICD-10-CM adds laterality digits
    /// (C49.11, C49.22 ...) which inherit the stem's meaning.
    static func icd10(_ raw: String) -> Diagnosis? {
        let code = raw.uppercased().replacing(".", with: "")
        if code.hasPrefix("C49A") {
            return .outOfScope(
                name: "gastrointestinal stromal tumour (GIST)", contractCode: "gastrointestinal_stromal_tumor")
        }
        if code.hasPrefix("C46") { return .outOfScope(name: "Kaposi sarcoma", contractCode: "kaposi_sarcoma") }
        if code.hasPrefix("C40") || code.hasPrefix("C41") {
            return .outOfScope(
                name: "a malignant neoplasm of bone (bone sarcomas have their own guideline)", contractCode: nil)
        }
        if code == "C480" { return .softTissue(.retroperitoneum) }
        guard code.hasPrefix("C49"), code.count >= 4 else { return nil }
        switch code.dropFirst(3).first {
        case "0": return .softTissue(.headAndNeck)  // head, face and neck
        case "1", "2": return .softTissue(.extremity)  // upper limb incl. shoulder; lower limb incl. hip
        case "6": return .softTissue(.trunk)  // trunk, unspecified
        // C49.3 thorax, C49.4 abdomen, C49.5 pelvis, C49.8 overlapping, C49.9 unspecified:
        // a soft tissue sarcoma, but trunk wall or not is not said.
        default: return .softTissue(nil)
        }
    }
}
