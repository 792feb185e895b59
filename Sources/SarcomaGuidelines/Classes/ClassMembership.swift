/// Whether a case's histology belongs to a class (liposarcoma, L-type). Tri-state because a
/// histology that is not given may still be a liposarcoma (v1 D21): rules that withhold for a
/// class withhold when membership is `unknown`, rules that need the class do not fire.
public enum ClassMembership: String, Sendable, VocabularyCode, CaseIterable {
    case member
    case notMember = "not_member"
    case unknown

    /// The member may be (or is) in the class: withholdings apply.
    public var cannotBeExcluded: Bool { self != .notMember }
}
