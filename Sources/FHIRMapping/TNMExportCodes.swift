/// The codes the staging export writes for clinical T, N, M and the stage group.
///
/// Observation.code carries the SNOMED CT observable (mCODE STU3 TNM*StagingTypeVS) and the
/// LOINC code mCODE STU3 still allows (TNM*StagingTypeMaxVS, "deprecated LOINC codes (which
/// are still allowed)"; the codes STU1 required), so STU1-style and LOINC-indexed EHRs read
/// them too. Source: HL7/fhir-mCODE-ig tag 3.0.0, input/fsh/VS_Staging_TNM.fsh.
enum TNMExportCodes {
    struct Code: Sendable {
        let code: String
        let display: String
    }

    /// Export kind -> (SNOMED CT observable, LOINC clinical code).
    static let observationCodes: [String: (snomed: Code, loinc: Code)] = [
        "t": (
            Code(code: "399504009", display: "cT category"),
            Code(code: "21905-5", display: "Primary tumor.clinical [Class] Cancer")
        ),
        "n": (
            Code(code: "399534004", display: "cN category"),
            Code(code: "21906-3", display: "Regional lymph nodes.clinical [Class] Cancer")
        ),
        "m": (
            Code(code: "399387003", display: "cM category"),
            Code(code: "21907-1", display: "Distant metastases.clinical [Class] Cancer")
        ),
        "stage-group": (
            Code(code: "399537006", display: "Clinical TNM stage grouping"),
            Code(code: "21908-9", display: "Stage group.clinical Cancer")
        ),
    ]

    /// Observation.method of T, N, M and the stage group (TNMStagingMethodVS).
    static let ajcc8Method = Code(
        code: "897275008",
        display:
            "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system (tumor staging)"
    )

    /// "American Joint Committee on Cancer cT1 (qualifier value)" ...: the codes mCODE's
    /// examples use (cT3, cN0, cM0 in the STU3/STU4 examples) and published value sets list;
    /// all are descendants of the "allowable value" concepts TNM*CategoryVS include.
    static let clinicalValues: [String: Code] = [
        "TX": Code(code: "1222604002", display: "American Joint Committee on Cancer cTX (qualifier value)"),
        "T1": Code(code: "1228889001", display: "American Joint Committee on Cancer cT1 (qualifier value)"),
        "T2": Code(code: "1228929004", display: "American Joint Committee on Cancer cT2 (qualifier value)"),
        "T3": Code(code: "1228938002", display: "American Joint Committee on Cancer cT3 (qualifier value)"),
        "T4": Code(code: "1228944003", display: "American Joint Committee on Cancer cT4 (qualifier value)"),
        "N0": Code(code: "1229967007", display: "American Joint Committee on Cancer cN0 (qualifier value)"),
        "N1": Code(code: "1229973008", display: "American Joint Committee on Cancer cN1 (qualifier value)"),
        "M0": Code(code: "1229901006", display: "American Joint Committee on Cancer cM0 (qualifier value)"),
        "M1": Code(code: "1229903009", display: "American Joint Committee on Cancer cM1 (qualifier value)"),
    ]
}
