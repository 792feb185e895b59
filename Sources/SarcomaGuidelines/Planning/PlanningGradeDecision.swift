/// GRADE-HISTOLOGY's result for one case: the planning grade, whether FNCLCC applies, the
/// histology every v2 rule reads (a legacy ALT/WDLS with G2/G3 is read as dedifferentiated
/// liposarcoma, §3.2) and the warnings that say why the planning grade differs.
public struct PlanningGradeDecision: Sendable, Equatable {
    public var planningGrade: PlanningGrade
    /// `gradeApplicability` (delta §3.4): `not_applicable` for DFSP and the `NA` rows.
    public var gradeApplicable: Bool
    /// The histology code the v2 rules read; nil = not given.
    public var effectiveHistology: String?
    public var ruleIds: [String]
    public var warnings: [PlanWarning]

    public func warning(_ code: String) -> PlanWarning? { warnings.first { $0.code == code } }
}
