import Access
import SarcomaGuidelines

/// Who may call what, by route template: the endpoint x role table of api-contract.md
/// ("Access (tokens and roles)"), written out one route at a time so a reviewer can read
/// it against the contract. A route that is not listed is open to admin only (fail
/// closed); a test checks that every registered route is listed.
///
/// Role rules are only enforced when access tokens are configured (without tokens every
/// call is served, and the service only listens on loopback); CDS Hooks JWT rules are
/// enforced whenever a JWKS is configured (see `JWTAuthentication`).
public struct AccessPolicy: Sendable {
    /// What a call on one route needs.
    public enum Requirement: Sendable, Equatable {
        /// No token needed (health checks, the OpenAPI document).
        case open
        /// A token whose role is one of these.
        case role(Set<AccessRole>)
        /// The calling EHR's signed JWT (CDS Hooks 2.0.1, "Trusting CDS Clients"), checked
        /// by `JWTVerifier`; no access token admits it.
        case cdsJWT

        public func admits(_ role: AccessRole) -> Bool {
            switch self {
            case .open: true
            case .role(let roles): roles.contains(role)
            case .cdsJWT: false
            }
        }
    }

    /// One line of the table: the method as registered (HEAD is served by GET routes and
    /// follows them) and the route template exactly as registered.
    public struct Rule: Sendable, Equatable {
        public let method: String
        public let template: String
        public let requirement: Requirement
    }

    public let rules: [Rule]
    private let index: [String: Requirement]

    /// What an unlisted route needs.
    public static let unlisted = Requirement.role([.admin])

    init(rules: [Rule]) {
        var index: [String: Requirement] = [:]
        for rule in rules {
            precondition(
                index["\(rule.method) \(rule.template)"] == nil,
                "access rule \(rule.method) \(rule.template) given twice")
            index["\(rule.method) \(rule.template)"] = rule.requirement
        }
        self.rules = rules
        self.index = index
    }

    /// The requirement for a route as registered; unlisted routes are admin-only.
    public func requirement(method: String, template: String) -> Requirement {
        index["\(method) \(template)"] ?? Self.unlisted
    }

    /// Whether the table names this route (rather than falling back to admin-only).
    public func lists(method: String, template: String) -> Bool {
        index["\(method) \(template)"] != nil
    }

    /// The contract's table.
    public static let standard: AccessPolicy = {
        let anyone = Requirement.open
        let adminOnly = Requirement.role([.admin])
        let readers = Requirement.role([.ehr, .clinician, .admin])
        let writers = Requirement.role([.ehr, .admin])
        var rules: [Rule] = []
        func allow(_ method: String, _ template: String, _ requirement: Requirement) {
            rules.append(Rule(method: method, template: template, requirement: requirement))
        }

        // Public: probes and the API description.
        allow("GET", "/health", anyone)
        allow("GET", "/ready", anyone)
        allow("GET", "/openapi.json", anyone)

        // Operations and the audit trail: admin only.
        allow("GET", "/metrics", adminOnly)
        allow("GET", "/v1/audit", adminOnly)
        allow("GET", "/v2/guidelines/impact", adminOnly)  // re-evaluates every stored case (delta §0.8)

        // Checking and evaluating a case sent in the body, and the rule catalogue: every role.
        allow("POST", "/v1/validate", readers)
        for kind in EvaluationKind.allCases {
            allow("POST", "/v1/\(kind.rawValue)", readers)
        }
        allow("GET", "/v1/guidelines", readers)
        allow("GET", "/v2/guidelines", readers)
        for section in ContractTwoSection.allCases {
            allow("POST", "/v2/\(section.rawValue)", readers)
        }
        allow("POST", "/v2/assessment", readers)

        // Reading stored cases and their evaluations: every role.
        allow("GET", "/v1/cases", readers)
        allow("GET", "/v1/cases/{id}", readers)
        for kind in EvaluationKind.allCases {
            allow("GET", "/v1/cases/{id}/\(kind.rawValue)", readers)
        }
        allow("GET", "/v1/cases/{id}/evaluations", readers)
        for section in ContractTwoSection.allCases {
            allow("GET", "/v2/cases/{id}/\(section.rawValue)", readers)
        }
        allow("GET", "/v2/cases/{id}/assessment", readers)
        allow("GET", "/v2/cases/{id}/evaluations", readers)
        // Case storage has no /v2 alias (delta §0.4): a 404 naming the /v1 path, to anyone.
        for alias in ContractTwoRoutes.storageAliases { allow(alias.method, alias.template, anyone) }
        allow("GET", "/v1/cases/{id}/fhir", readers)  // FHIR (mCODE) export of the staging

        // Changing stored cases: the EHR integration and admins, not clinicians.
        allow("POST", "/v1/cases", writers)
        allow("PUT", "/v1/cases/{id}", writers)
        allow("DELETE", "/v1/cases/{id}", writers)
        allow("POST", "/v1/fhir/import", writers)  // FHIR (mCODE) Bundle -> stored case

        // CDS Hooks: discovery and CORS preflights are public (the spec and browsers send
        // them without credentials); service calls and feedback carry the EHR's signed JWT.
        allow("GET", "/cds-services", anyone)
        allow("OPTIONS", "/cds-services", anyone)
        allow("OPTIONS", "/cds-services/{id}", anyone)
        allow("OPTIONS", "/cds-services/{id}/feedback", anyone)
        allow("POST", "/cds-services/{id}", .cdsJWT)
        allow("POST", "/cds-services/{id}/feedback", .cdsJWT)

        return AccessPolicy(rules: rules)
    }()
}
