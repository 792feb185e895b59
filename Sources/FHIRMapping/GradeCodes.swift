/// Histologic grade as mCODE sends it (profile HistologicGrade: Observation.code NCIT
/// C18000, value from HistologicGradeVS). Only codes that name the AJCC 8 / FNCLCC grade
/// G1-G3 map to `tumor.grade`; "low / intermediate / high grade" and the ICD-O
/// differentiation grades are not FNCLCC grades (a two-tier "high" is G2 or G3, and
/// national maps read "intermediate" as G2 or G3), so they are reported as ignored.
enum GradeCodes {
    /// Observation.code values of a histologic grade observation.
    static let observationCodes: [(system: String, code: String)] = [
        (FHIRSystem.ncit, "C18000"),  // Histologic Grade (mCODE STU2+)
        (FHIRSystem.loinc, "21858-6"),  // Grade Cancer
        (FHIRSystem.loinc, "33732-9"),  // Histology grade [Identifier] in Cancer specimen
    ]

    /// SNOMED CT "American Joint Committee on Cancer grade G1/G2/G3 (qualifier value)", as
    /// several independent published FHIR artefacts (value sets, questionnaires, mappings)
    /// list them. (One questionnaire writes G1 as 1228848002; every other source, a value
    /// set among them, has 1228848004, which is used.) For soft tissue sarcoma AJCC 8's
    /// G1-G3 is the FNCLCC grade.
    static let snomedGrades: [String: Int] = [
        "1228848004": 1,
        "1228850007": 2,
        "1228851006": 3,
    ]

    /// Observation.method of the exported grade: the grading system, not the staging system
    /// (mCODE STU4 HistologicGradingSystemVS: SNOMED CT is-a 277457005 "Histological grading
    /// systems"). 426757001 "French Federation of Cancer Centers Sarcoma Group grading system
    /// (staging scale)", as two independent published artefacts list it (a pathology data
    /// group fixing it for FNCLCC grading, and a summary of HistologicGradingSystemVS's codes).
    static let fnclccMethod = (
        code: "426757001", display: "French Federation of Cancer Centers Sarcoma Group grading system (staging scale)"
    )

    /// Codes recognized as grades that do not give an FNCLCC grade, with the reason.
    static let snomedNotFNCLCC: [String: String] = [
        "1155708003": "'low histologic grade' does not say which FNCLCC grade (G1, or G1-G2 in other schemes)",
        "1286893008": "'intermediate histologic grade' is not an FNCLCC grade (some schemes read it as G2 or G3)",
        "1155707008": "'high histologic grade' is G2 or G3 in FNCLCC terms: ambiguous",
        "1155705000": "GX: grade cannot be assessed",
        "373375007": "a differentiation grade (well differentiated) is not the FNCLCC grade",
        "373377004": "a differentiation grade (moderately differentiated) is not the FNCLCC grade",
        "373373000": "a differentiation grade (poorly differentiated) is not the FNCLCC grade",
        "373374006": "a differentiation grade (undifferentiated) is not the FNCLCC grade",
    ]
}
