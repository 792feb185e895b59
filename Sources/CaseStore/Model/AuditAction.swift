/// What was done to a case, as the audit trail names it (the `audit.action` column, which a
/// CHECK constraint limits to exactly these values).
public enum AuditAction: String, Sendable, Equatable, CaseIterable {
    case create
    /// A case's data was answered (`GET /v1/cases/{id}`, its recorded evaluations).
    case read
    /// A case was answered as one item of a listing (one row per case returned).
    case list
    case update
    case delete
    /// A case was created or replaced from another format (FHIR).
    case `import`
    /// A case was answered in another format (FHIR).
    case export
    /// A stored case was evaluated (its evaluation is recorded in the same transaction).
    case evaluate
    /// A stored case was re-evaluated by the impact report (two packs compared; no evaluation recorded).
    case impact
}
