/// The case members of contract delta §1 that the FHIR import has no mapping for in this
/// release (delta §9): the new `disease` members and the biomarkers. A Bundle element that may
/// carry one (a medication or procedure record, an Observation the mapper does not read) is
/// listed under `ignored` with a note naming them, so the EHR knows to enter them through the
/// case API rather than assume the import took them. Names only, never the element's content.
enum UnmappedCaseMembers {
    /// What a resource of each type may record that the case would need.
    static let byResourceType: [String: String] = [
        "MedicationStatement": anthracyclineHistory,
        "MedicationAdministration": anthracyclineHistory,
        "MedicationRequest": anthracyclineHistory,
        "Procedure":
            "a prior resection or radiotherapy (disease.priorResection, disease.priorRadiotherapy, "
            + "disease.localDisease)",
    ]

    static let anthracyclineHistory =
        "systemic therapy history (disease.priorAnthracycline, disease.cumulativeDoxorubicinMgM2, "
        + "disease.monthsSinceLastAnthracycline, disease.progressedOnAnthracycline, disease.progressedOnAgents, "
        + "disease.priorCardiotoxicTherapy)"

    static let biomarkers =
        "a biomarker result (tumor.biomarkers: msiHigh, mmrDeficient, tmbMutPerMb, brafV600e, retFusion, "
        + "alkPositive, ini1Loss, hlaA02Eligible, hlaA0205Present, mageA4Positive)"

    /// The sentence appended to an ignored element's reason.
    static func note(_ what: String) -> String {
        "; if it records \(what), enter that through the case API (PUT /v1/cases/{id}): the FHIR import has no "
            + "mapping for it in this release"
    }

    /// The note for a resource type the mapper does not read; nil when it can carry none of them.
    static func note(forResourceType type: String?) -> String? {
        type.flatMap { byResourceType[$0] }.map(note)
    }
}
