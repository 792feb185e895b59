/// The versioned canonicals of the mCODE profiles the staging export declares, each with
/// the IG release that defines it (HL7/fhir-mCODE-ig, read with git):
///
/// - TNM profiles: mCODE STU3, package hl7.fhir.us.mcode 3.0.0 (tag `3.0.0`, commit
///   80f81feb3357b149a235505083eabfae1985ef88; input/fsh/SD_Staging_TNM.fsh and SD_Staging.fsh).
///   STU3 makes `method` 1..1 and the stage group's `focus` 1..1 (FHIR-37575).
/// - Histologic grade: STU3 has no grade profile (its example grade is a plain US Core lab
///   Observation), so the grade declares mCODE STU4's HistologicGrade, package 4.0.0
///   (commit 543477b5, input/fsh/SD_Histology.fsh): a US Core laboratory Observation with
///   code NCIT C18000, subject 1..1 and `method` from HistologicGradingSystemVS.
///
/// Each canonical carries the version of the release it comes from (`|3.0.0`, `|4.0.0`), so
/// a validator loads the profile the resource was written against.
enum MCODEProfiles {
    static let base = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
    static let stu3 = "3.0.0"
    static let stu4 = "4.0.0"

    /// Export kind (`t`, `n`, `m`, `stage-group`, `grade`) -> versioned canonical.
    static let canonicals: [String: String] = [
        "t": base + "mcode-tnm-primary-tumor-category|" + stu3,
        "n": base + "mcode-tnm-regional-nodes-category|" + stu3,
        "m": base + "mcode-tnm-distant-metastases-category|" + stu3,
        "stage-group": base + "mcode-tnm-stage-group|" + stu3,
        "grade": base + "mcode-histologic-grade|" + stu4,
    ]

    /// mCODE STU4 RelatedCondition extension (SD_Extensions.fsh): how HistologicGrade names
    /// its Condition (it has no `focus`).
    static let relatedCondition = base + "mcode-related-condition"
}
