/// The code system URIs the mapper reads and the exporter writes (FHIR R4 "Using Codes",
/// terminology.hl7.org). A coding in any other system is reported as ignored, never guessed.
public enum FHIRSystem {
    public static let snomed = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    public static let ucum = "http://unitsofmeasure.org"
    /// ICD-O-3 morphology (e.g. `8811/3`), as mCODE and terminology.hl7.org name it.
    public static let icdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3"
    public static let icd10 = "http://hl7.org/fhir/sid/icd-10"
    public static let icd10CM = "http://hl7.org/fhir/sid/icd-10-cm"
    /// AJCC's own codes, as the mCODE STU1 examples use them (`cT3`, `3C`).
    public static let ajcc = "http://cancerstaging.org"
    /// NCI Thesaurus, as mCODE uses it for the histologic grade observation code (C18000).
    public static let ncit = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl"
    /// Condition.verificationStatus (`confirmed`, `provisional`, `differential` ...).
    /// Condition.clinicalStatus (`active`, `recurrence`, `relapse`, `inactive`, `remission`, `resolved`).
    public static let clinicalStatus = "http://terminology.hl7.org/CodeSystem/condition-clinical"
    public static let verificationStatus = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
    public static let dataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
    public static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"

    /// Other names EHRs send for a system above, read as that system (an EHR quirk: OIDs
    /// from CDA-era interfaces). ICD-10-CM's OID is its identifier on terminology.hl7.org
    /// (CodeSystem icd10CM: `urn:oid:2.16.840.1.113883.6.90`).
    static let aliases: [String: String] = [
        "urn:oid:2.16.840.1.113883.6.90": icd10CM
    ]

    /// `system` under the name the tables use.
    static func canonical(_ system: String?) -> String? {
        system.map { aliases[$0] ?? $0 }
    }
}
