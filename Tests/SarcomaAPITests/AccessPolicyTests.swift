import Access
import Foundation
import HTTPServer
@testable import SarcomaAPI
import Testing

/// The endpoint x role table of api-contract.md ("Access (tokens and roles)"), written out
/// here independently of `AccessPolicy.standard`, route by route.
@Suite("Access policy: the contract's endpoint x role table")
struct AccessPolicyTests {
    /// nil = public.
    static let contract: [(method: String, template: String, roles: Set<AccessRole>?)] = {
        let readers: Set<AccessRole> = [.ehr, .clinician, .admin]
        let writers: Set<AccessRole> = [.ehr, .admin]
        let kinds = ["staging", "margins", "imaging", "perioperative", "palliative", "assessment"]
        var table: [(String, String, Set<AccessRole>?)] = [
            ("GET", "/health", nil),
            ("GET", "/ready", nil),
            ("GET", "/openapi.json", nil),
            ("GET", "/metrics", [.admin]),
            ("GET", "/v1/audit", [.admin]),
            ("POST", "/v1/validate", readers),
            ("GET", "/v1/guidelines", readers),
            ("GET", "/v1/cases", readers),
            ("GET", "/v1/cases/{id}", readers),
            ("GET", "/v1/cases/{id}/evaluations", readers),
            ("GET", "/v1/cases/{id}/fhir", readers),
            ("POST", "/v1/cases", writers),
            ("PUT", "/v1/cases/{id}", writers),
            ("DELETE", "/v1/cases/{id}", writers),
            ("POST", "/v1/fhir/import", writers),
        ]
        for kind in kinds {
            table.append(("POST", "/v1/\(kind)", readers))
            table.append(("GET", "/v1/cases/{id}/\(kind)", readers))
        }
        // Contract delta §0.4: /v2 evaluations take the roles of their v1 counterparts (all
        // five sections and the assessment). The storage paths have no /v2 alias: a public 404 naming the /v1 path.
        for kind in ["staging", "margins", "imaging", "perioperative", "palliative", "assessment"] {
            table.append(("POST", "/v2/\(kind)", readers))
            table.append(("GET", "/v2/cases/{id}/\(kind)", readers))
        }
        table.append(("GET", "/v2/cases/{id}/evaluations", readers))
        // Delta §0.2, §0.8: the pack listing for every role; the impact report re-reads every stored case, admin only.
        table.append(("GET", "/v2/guidelines", readers))
        table.append(("GET", "/v2/guidelines/impact", [.admin]))
        for (method, template) in [
            ("GET", "/v2/cases"), ("POST", "/v2/cases"), ("GET", "/v2/cases/{id}"), ("PUT", "/v2/cases/{id}"),
            ("DELETE", "/v2/cases/{id}"), ("POST", "/v2/validate"), ("POST", "/v2/fhir/import"),
        ] {
            table.append((method, template, nil))
        }
        return table.map { (method: $0.0, template: $0.1, roles: $0.2) }
    }()

    /// `/cds-services...`: "discovery public; calls need the EHR's signed JWT" (CORS
    /// preflights are public too: browsers send them without credentials).
    static let cdsHooks: [(method: String, template: String, requirement: AccessPolicy.Requirement)] = [
        ("GET", "/cds-services", .open),
        ("OPTIONS", "/cds-services", .open),
        ("OPTIONS", "/cds-services/{id}", .open),
        ("OPTIONS", "/cds-services/{id}/feedback", .open),
        ("POST", "/cds-services/{id}", .cdsJWT),
        ("POST", "/cds-services/{id}/feedback", .cdsJWT),
    ]

    @Test func cdsHooksRoutesAsTheContractSays() {
        for row in Self.cdsHooks {
            #expect(AccessPolicy.standard.lists(method: row.method, template: row.template))
            #expect(
                AccessPolicy.standard.requirement(method: row.method, template: row.template) == row.requirement,
                "\(row.method) \(row.template)")
            for role in AccessRole.allCases where row.requirement == .cdsJWT {
                #expect(!row.requirement.admits(role), "an access token must not open \(row.template)")
            }
        }
    }

    @Test(arguments: AccessRole.allCases)
    func everyRouteAndRoleAsTheContractSays(role: AccessRole) {
        let policy = AccessPolicy.standard
        for row in Self.contract {
            let requirement = policy.requirement(method: row.method, template: row.template)
            #expect(
                policy.lists(method: row.method, template: row.template),
                "\(row.method) \(row.template) is not in the policy")
            if let roles = row.roles {
                #expect(requirement == .role(roles), "\(row.method) \(row.template)")
                #expect(requirement.admits(role) == roles.contains(role), "\(role) on \(row.method) \(row.template)")
            } else {
                #expect(requirement == .open, "\(row.method) \(row.template) must be public")
            }
        }
    }

    @Test func thePolicyHasNothingTheContractLacks() {
        let contract = Set(
            Self.contract.map { "\($0.method) \($0.template)" } + Self.cdsHooks.map { "\($0.method) \($0.template)" })
        let policy = Set(AccessPolicy.standard.rules.map { "\($0.method) \($0.template)" })
        #expect(
            policy == contract,
            "extra: \(policy.subtracting(contract).sorted()), missing: \(contract.subtracting(policy).sorted())")
    }

    @Test func everyRegisteredRouteHasAnExplicitRule() throws {
        let fixture = try ServiceFixture()
        #expect(!fixture.service.router.routes.isEmpty)
        for route in fixture.service.router.routes {
            #expect(
                AccessPolicy.standard.lists(method: route.method, template: route.template),
                "\(route.method) \(route.template) has no access rule (it would be admin-only)")
        }
    }

    @Test func anUnlistedRouteIsAdminOnly() {
        let requirement = AccessPolicy.standard.requirement(method: "GET", template: "/v1/something-new")
        #expect(requirement == .role([.admin]))
        #expect(AccessPolicy.standard.requirement(method: "PATCH", template: "/v1/cases/{id}") == .role([.admin]))
        #expect(!AccessPolicy.standard.lists(method: "GET", template: "/v1/something-new"))
    }

    /// The OpenAPI document marks exactly the public operations `security: []`, and every
    /// other operation answers 401 and 403.
    @Test func theOpenAPIDocumentAgreesWithThePolicy() throws {
        let data = try Data(contentsOf: ServiceFixture.root.appendingPathComponent("Config/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: Any])
        let bearer = try #require(schemes["bearerAuth"] as? [String: Any])
        #expect(bearer["type"] as? String == "http")
        #expect(bearer["scheme"] as? String == "bearer")
        let topLevel = try #require(document["security"] as? [[String: Any]])
        #expect(topLevel.contains { $0["bearerAuth"] != nil })

        let paths = try #require(document["paths"] as? [String: Any])
        for (path, item) in paths {
            for (method, value) in item as? [String: Any] ?? [:] {
                guard let operation = value as? [String: Any], operation["responses"] != nil else { continue }
                let requirement = AccessPolicy.standard.requirement(method: method.uppercased(), template: path)
                let security = operation["security"] as? [[String: Any]]
                let responses = operation["responses"] as? [String: Any] ?? [:]
                if requirement == .open {
                    #expect(security?.isEmpty == true, "\(method) \(path) is public: security must be []")
                } else if requirement == .cdsJWT {
                    #expect(
                        security?.contains { $0["cdsHooksJWT"] != nil } == true, "\(method) \(path) needs the EHR's JWT"
                    )
                    #expect(responses["401"] != nil, "\(method) \(path) lacks a 401 response")
                } else {
                    #expect(security?.isEmpty != true, "\(method) \(path) needs a token: it must not say security: []")
                    #expect(responses["401"] != nil, "\(method) \(path) lacks a 401 response")
                    #expect(responses["403"] != nil, "\(method) \(path) lacks a 403 response")
                }
            }
        }
    }
}
