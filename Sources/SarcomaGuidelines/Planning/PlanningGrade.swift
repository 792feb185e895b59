/// The grade the v2 plan uses (clinical rules §4, GRADE-HISTOLOGY), beside the AJCC grade the
/// staging reports: a synovial sarcoma without a grade is planned as G3 while its AJCC group
/// stays that of the GX column (findings S4, W3, C39).
public enum PlanningGrade: String, Sendable, VocabularyCode, CaseIterable {
    case g1 = "G1"
    case g2 = "G2"
    case g3 = "G3"
    case gx = "GX"
    case notApplicable = "not_applicable"

    init(_ grade: GradeCategory) {
        switch grade {
        case .g1: self = .g1
        case .g2: self = .g2
        case .g3: self = .g3
        case .gx: self = .gx
        }
    }

    /// `planningHigh` (§4 terms): G2 or G3.
    public var isHigh: Bool { self == .g2 || self == .g3 }

    /// `countsHigh` (§4 terms): high, or unknown/not applicable (the v1 GX-as-high rule, with
    /// `grade_unknown_treated_high`); never for DFSP, whose planning grade is not a risk grade.
    public func countsHigh(isDFSP: Bool) -> Bool {
        !isDFSP && (isHigh || self == .gx || self == .notApplicable)
    }

    /// The AJCC grade column the planning stage group reads; nil when there is no group.
    var stagingGrade: GradeCategory? {
        switch self {
        case .g1: .g1
        case .g2: .g2
        case .g3: .g3
        case .gx, .notApplicable: nil
        }
    }
}
