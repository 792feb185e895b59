/// The family a rule id's prefix names, in the order `/v2/guidelines` lists them (the order
/// a case is decided in: scope first, presentation last).
public enum RuleFamily: String, Sendable, CaseIterable {
    case scope
    case consistency
    case grade
    case staging
    case biopsy
    case margins
    case imaging
    case perioperative
    case palliative
    case rendering

    static let prefixes: [(prefix: String, family: RuleFamily)] = [
        ("SCOPE-", .scope), ("CONS-", .consistency), ("GRADE-", .grade), ("STAGE-", .staging), ("BIOPSY-", .biopsy),
        ("MARGIN-", .margins), ("IMG-", .imaging), ("PERIOP-", .perioperative), ("PALL-", .palliative),
        ("REND-", .rendering),
    ]

    /// nil for an id outside every family (the pack refuses none today; the listing puts it last).
    public static func of(_ ruleId: String) -> RuleFamily? {
        prefixes.first { ruleId.hasPrefix($0.prefix) }?.family
    }

    static func rank(_ ruleId: String) -> Int {
        of(ruleId).flatMap { family in allCases.firstIndex(of: family) } ?? allCases.count
    }
}
