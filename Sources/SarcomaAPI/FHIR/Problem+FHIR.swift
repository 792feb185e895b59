import FHIRMapping
import JSON
import SarcomaGuidelines

extension Problem {
    /// A payload that cannot become a case: 422 with every issue pointing into the Bundle,
    /// and the mapping so far (what was read, what was left out) to help fix the source.
    static func fhirImportRefused(_ issues: [FieldIssue], mapping: FHIRCaseMapping?) -> Problem {
        var problem = Problem.validation(issues)
        problem.title = "The FHIR payload cannot be imported"
        if issues.count > 1 { problem.detail = "\(issues.count) problems in the payload; see errors" }
        if let mapping {
            problem.extensions["mapped"] = FHIRImportReport.mapped(mapping)
            problem.extensions["ignored"] = FHIRImportReport.ignored(mapping)
        }
        return problem
    }
}

extension Problem {
    /// What an mCODE STU3 export needs and the store does not keep (it keeps no FHIR ids).
    enum FHIRExportReference {
        case patient, condition
    }

    /// An export that would lack `subject` or the stage group's `focus` (both required by the
    /// profiles it declares): a 400 that says which query parameter to send, never a
    /// Bundle that does not meet its own profiles.
    static func fhirExportNeeds(_ missing: FHIRExportReference) -> Problem {
        switch missing {
        case .patient:
            return Problem(
                status: 400, slug: "fhir-export-reference-required", title: "The export needs a FHIR reference",
                detail:
                    "the stored case keeps no FHIR patient id, and mCODE STU3 staging Observations need a subject: send ?patient=Patient/<id> (the EHR's id of the patient)"
            )
        case .condition:
            return Problem(
                status: 400, slug: "fhir-export-reference-required", title: "The export needs a FHIR reference",
                detail:
                    "the stored case has no externalId (the primary Condition's identifier, set by POST /v1/fhir/import or by the case body) and mCODE STU3 needs the stage group's focus, the primary cancer Condition: send ?condition=Condition/<id>"
            )
        }
    }
}
