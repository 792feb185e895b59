import FHIRMapping
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
