/// One row of the §2.2 class table: what the rules of pack 2026.12-1 read from a histology
/// code. The row for "histology not given" has `code == nil` and unknown class memberships.
public struct HistologyClassRow: Sendable, Equatable {
    /// An imaging add-on the histology brings (IMG-MLS, IMG-BRAIN, IMG-DFSP).
    public struct ImagingAddOn: Sendable, Equatable {
        public var ruleId: String
        public var required: Bool
    }

    /// The code now means something narrower than in pack 2026.11-1 (`rhabdomyosarcoma`):
    /// the warning and from which age (or with age not given) answers carry it.
    public struct CodeMeaning: Sendable, Equatable {
        public var warning: String
        public var fromAgeYears: Int
        public var whenAgeNotGiven: Bool
        public var text: String
    }

    public var code: String?
    public var newInPack: Bool
    public var lipogenic: ClassMembership
    public var lType: ClassMembership
    /// The margin rule that makes it infiltrative (MARGIN-INFILTRATIVE-2CM), with its note.
    public var infiltrativeRuleId: String?
    public var infiltrativeNote: String?
    public var gradePolicy: GradePolicy
    public var nodalRisk: Bool
    public var imagingAddOns: [ImagingAddOn]
    /// The histology-specific systemic rules §2.2 names (documentation; §8.3 holds the rows).
    public var systemicRules: [String]
    /// The scope the histology itself sets (§3.3 before the age rule).
    public var scope: TreatmentScope
    public var codeMeaning: CodeMeaning?

    /// Whether the histology is given: histology-specific systemic rows need it (D21 extended).
    public var isGiven: Bool { code != nil }
}
