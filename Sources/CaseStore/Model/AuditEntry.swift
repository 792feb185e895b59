/// One audit row to record with `CaseStore.recordAudit` (reads, exports: anything that is not
/// itself a write of the store, whose audited variants record their own row).
public struct AuditEntry: Sendable, Equatable {
    public var action: AuditAction
    /// The case concerned; nil for an action on no particular case. Not checked against the
    /// `cases` table: the trail outlives deleted cases.
    public var caseId: String?
    /// The case version concerned, when there is one.
    public var caseVersion: Int?
    public var context: AuditContext

    public init(action: AuditAction, caseId: String?, caseVersion: Int?, context: AuditContext) {
        self.action = action
        self.caseId = caseId
        self.caseVersion = caseVersion
        self.context = context
    }
}
