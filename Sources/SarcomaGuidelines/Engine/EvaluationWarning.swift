import JSON
/// Something the answer assumed or ignored, announced so nobody mistakes a default for a
/// finding (`warnings: [{"code", "message"}]` in every response).
public struct EvaluationWarning: Sendable, Equatable, Hashable {
    public enum Code: String, Sendable, VocabularyCode, CaseIterable {
        /// `nodes` omitted: N0 (AJCC: unknown nodal status is N0).
        case nodesDefaultedN0 = "nodes_defaulted_n0"
        /// `metastasis` omitted: M0 (no evidence of distant disease).
        case metastasisDefaultedM0 = "metastasis_defaulted_m0"
        /// Neither grade nor complete FNCLCC components: GX, staged with the table's GX column.
        case gradeUnknown = "grade_unknown"
        /// GX counted as high grade for a work-up or risk decision.
        case gradeUnknownTreatedHigh = "grade_unknown_treated_high"
        /// Stated grade and FNCLCC components disagree (the API answers 422 before this).
        case gradeConflict = "grade_conflict"
        /// Some FNCLCC components given, not all: no score computed.
        case fnclccIncomplete = "fnclcc_incomplete"
        case fieldNotApplicable = "field_not_applicable"
        case resectableDefaulted = "resectable_defaulted"
        case priorSystemicLinesDefaulted = "prior_systemic_lines_defaulted"
        case ivTherapyEligibleDefaulted = "iv_therapy_eligible_defaulted"
        case anthracyclineCandidateDefaulted = "anthracycline_candidate_defaulted"
        case trabectedinWithoutPriorAnthracycline = "trabectedin_without_prior_anthracycline"
        case histologyUnknown = "histology_unknown"
        /// Advanced disease without a stated NTRK fusion status: NTRK inhibitors not listed.
        case ntrkStatusUnknown = "ntrk_status_unknown"
        case sizeUnknown = "size_unknown"
        case depthUnknown = "depth_unknown"
        /// Only one of the two SUVmax values given: no response computed.
        case petIncomplete = "pet_incomplete"
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    var json: JSONValue { ["code": .string(code.rawValue), "message": .string(message)] }
}
