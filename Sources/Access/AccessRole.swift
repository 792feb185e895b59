/// What a token's holder is to the service (api-contract.md, "Access (tokens and roles)"):
/// an EHR integration reads and writes cases, a clinician reads and evaluates, an admin
/// may do everything, including operations endpoints.
public enum AccessRole: String, Sendable, CaseIterable, Comparable {
    case ehr
    case clinician
    case admin

    /// "ehr, clinician or admin".
    public static var spelledOut: String { list(Set(allCases)) }

    /// The roles in table order, joined for a message: "ehr or admin".
    package static func list(_ roles: Set<AccessRole>) -> String {
        let names = roles.sorted().map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "nobody" }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }

    public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
