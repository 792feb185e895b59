import Access
import Foundation
import HTTPServer
import Testing
@testable import SarcomaAPI

/// The access gate in process: one token per role, every route tried with each.
@Suite("Access control: 401, 403 and public endpoints")
struct AccessControlTests {
    static let ehrToken = AccessToken.generate()
    static let clinicianToken = AccessToken.generate()
    static let adminToken = AccessToken.generate()
    static let unknownToken = AccessToken.generate()

    static func token(for role: AccessRole) -> String {
        switch role {
        case .ehr: ehrToken
        case .clinician: clinicianToken
        case .admin: adminToken
        }
    }

    static let tokensFile = """
        # test tokens
        ehr-gateway ehr \(AccessToken.digestHex(of: ehrToken))
        dr.jones clinician \(AccessToken.digestHex(of: clinicianToken))

        ops_1 admin \(AccessToken.digestHex(of: adminToken))
        """

    static let challenge = #"Bearer realm="sarcoma-guide""#

    static func concrete(_ template: String) -> String {
        template.replacingOccurrences(of: "{id}", with: "c-does-not-exist")
    }

    private func problem(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    private func expectUnauthorized(
        _ response: HTTPResponse, error: String?, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == 401, comment, sourceLocation: sourceLocation)
        let expected = error.map { "\(Self.challenge), error=\"\($0)\"" } ?? Self.challenge
        #expect(response.headers["WWW-Authenticate"] == expected, comment, sourceLocation: sourceLocation)
        #expect(response.headers["Content-Type"] == "application/problem+json", sourceLocation: sourceLocation)
        let body = problem(response)
        #expect(body["status"] as? Int == 401, sourceLocation: sourceLocation)
        #expect(body["type"] as? String == "urn:sarcoma-guide:problem:unauthorized", sourceLocation: sourceLocation)
        #expect(response.clientName == nil, sourceLocation: sourceLocation)
    }

    @Test func publicEndpointsNeedNoToken() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        for path in ["/health", "/ready", "/openapi.json"] {
            #expect(fixture.handle("GET", path).status == 200, "\(path)")
            #expect(fixture.handle("HEAD", path).status == 200, "HEAD \(path)")
            // A wrong token on a public endpoint is not looked at.
            #expect(
                fixture.handle("GET", path, headers: [("Authorization", "Bearer \(Self.unknownToken)")]).status == 200)
        }
    }

    @Test func missingTokenIs401WithAChallengeOnEveryProtectedRoute() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        for route in fixture.service.router.routes
        where ![.open, .cdsJWT].contains(
            AccessPolicy.standard.requirement(method: route.method, template: route.template))
        {
            // (CDS Hooks calls need a JWT, not a token: CDSHooksServiceTests.)
            let response = fixture.handle(route.method, Self.concrete(route.template), body: "{}")
            expectUnauthorized(response, error: nil, "\(route.method) \(route.template)")
        }
    }

    @Test func unknownTokenIs401InvalidToken() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        let response = fixture.handle("GET", "/v1/cases", headers: [("Authorization", "Bearer \(Self.unknownToken)")])
        expectUnauthorized(response, error: "invalid_token")
        // Right shape, one character off.
        var near = Array(Self.ehrToken)
        near[near.count - 1] = near[near.count - 1] == "A" ? "B" : "A"
        let nearMiss = fixture.handle("GET", "/v1/cases", headers: [("Authorization", "Bearer \(String(near))")])
        expectUnauthorized(nearMiss, error: "invalid_token")
    }

    @Test(
        arguments: [
            ([("Authorization", "Basic dXNlcjpwYXNzd29yZA==")], nil),
            ([("Authorization", "Digest username=\"x\"")], nil),
            ([("Authorization", "")], nil),
            ([("Authorization", "Bearer")], "invalid_request"),
            ([("Authorization", "Bearer ")], "invalid_request"),
            ([("Authorization", "Bearer    ")], "invalid_request"),
            ([("Authorization", "Bearer two words")], "invalid_request"),
            ([("Authorization", "Bearer sgt_\u{e9}t\u{e9}")], "invalid_request"),
            ([("Authorization", "Bearer =abc")], "invalid_request"),
            ([("Authorization", "Bearer \(ehrToken)"), ("Authorization", "Bearer \(ehrToken)")], "invalid_request"),
            ([("Authorization", "Bearer \(ehrToken)"), ("authorization", "Basic eDp5")], "invalid_request"),
        ] as [([(String, String)], String?)])
    func malformedOrForeignCredentialsAre401(headers: [(String, String)], error: String?) throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        let response = fixture.handle("GET", "/v1/cases", headers: headers)
        expectUnauthorized(response, error: error, "\(headers.map(\.0))")
        #expect(!response.bodyText.contains(Self.ehrToken))
    }

    @Test func theSchemeIsCaseInsensitiveAndSpacesAroundTheTokenAreTolerated() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        for value in ["bearer \(Self.ehrToken)", "BEARER \(Self.ehrToken)", "Bearer  \(Self.ehrToken) "] {
            let response = fixture.handle("GET", "/v1/cases", headers: [("Authorization", value)])
            #expect(response.status == 200)
            #expect(response.clientName == "ehr-gateway")
        }
    }

    /// Every registered route, with every role's token: allowed calls get past the gate
    /// (whatever the route then answers), refused ones get a 403 naming the role.
    @Test(arguments: AccessRole.allCases)
    func eachRoleGetsExactlyWhatThePolicyAllows(role: AccessRole) throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        let authorization = ("Authorization", "Bearer \(Self.token(for: role))")
        for route in fixture.service.router.routes {
            let requirement = AccessPolicy.standard.requirement(method: route.method, template: route.template)
            let response = fixture.handle(
                route.method, Self.concrete(route.template), headers: [authorization], body: "{}")
            let label = "\(role) \(route.method) \(route.template)"
            if requirement == .cdsJWT {
                // Tokens configured but no JWKS: CDS Hooks calls are refused, access token or not.
                #expect(response.status == 401, "\(label): \(response.status)")
                #expect(problem(response)["type"] as? String == "urn:sarcoma-guide:problem:cds-jwt-not-configured")
                continue
            } else if requirement.admits(role) {
                #expect(response.status != 401 && response.status != 403, "\(label): \(response.status)")
            } else {
                #expect(response.status == 403, "\(label): \(response.status)")
                #expect(
                    response.headers["WWW-Authenticate"] == #"Bearer realm="sarcoma-guide", error="insufficient_scope""#
                )
                let body = problem(response)
                #expect(body["type"] as? String == "urn:sarcoma-guide:problem:forbidden")
                #expect(body["role"] as? String == role.rawValue)
                #expect((body["detail"] as? String)?.contains("'\(role.rawValue)'") == true)
                #expect(!response.bodyText.contains(Self.token(for: role)))
            }
            if requirement != .open {
                #expect(response.clientName != nil, "\(label): the access log must name the client")
            }
        }
    }

    @Test func aClinicianReadsButDoesNotWrite() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        let ehr = [("Authorization", "Bearer \(Self.ehrToken)"), ("Content-Type", "application/json")]
        let clinician = [("Authorization", "Bearer \(Self.clinicianToken)"), ("Content-Type", "application/json")]
        let body = #"{"tumor": {"site": "trunk", "sizeCm": 4.0, "grade": 1}}"#
        let created = fixture.handle("POST", "/v1/cases", headers: ehr, body: body)
        #expect(created.status == 201)
        #expect(created.clientName == "ehr-gateway")
        let location = try #require(created.headers["Location"])
        let read = fixture.handle("GET", location, headers: clinician)
        #expect(read.status == 200)
        #expect(read.clientName == "dr.jones")
        let refused = fixture.handle("POST", "/v1/cases", headers: clinician, body: body)
        #expect(refused.status == 403)
        #expect(refused.clientName == "dr.jones")
        let detail = problem(refused)["detail"] as? String ?? ""
        #expect(detail.contains("clinician") && detail.contains("ehr or admin"), "\(detail)")
        #expect(problem(refused)["allowedRoles"] as? [String] == ["ehr", "admin"])
        #expect(fixture.handle("DELETE", location, headers: clinician).status == 403)
        #expect(fixture.handle("GET", "/metrics", headers: clinician).status == 403)
        #expect(
            fixture.handle("GET", "/metrics", headers: [("Authorization", "Bearer \(Self.adminToken)")]).status == 200)
    }

    /// Without a token nobody learns whether a case id exists; with one, a missing case is 404.
    @Test func existenceOfACaseIsBehindTheToken() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        #expect(fixture.handle("GET", "/v1/cases/c-does-not-exist").status == 401)
        #expect(
            fixture.handle("GET", "/v1/cases/c-does-not-exist", headers: [("Authorization", "Bearer \(Self.ehrToken)")])
                .status == 404)
    }

    @Test func problemsNeverCarryTokenMaterial() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        let secrets = [Self.ehrToken, Self.clinicianToken, Self.adminToken, Self.unknownToken]
        var forbidden = secrets
        forbidden += secrets.map { AccessToken.digestHex(of: $0) }
        forbidden += secrets.map { String($0.dropFirst(AccessToken.prefix.count)) }
        let attempts: [[(String, String)]] = [
            [("Authorization", "Bearer \(Self.unknownToken)")],
            [("Authorization", "Bearer \(Self.clinicianToken)")],
            [("Authorization", "Bearer \(Self.ehrToken) \(Self.adminToken)")],
            [("Authorization", "Bearer \(Self.ehrToken)\u{1}")],
            [("Authorization", "Basic \(Self.adminToken)")],
            [("Authorization", "Bearer \(Self.ehrToken)"), ("Authorization", "Bearer \(Self.adminToken)")],
        ]
        for headers in attempts {
            for (method, path) in [("POST", "/v1/cases"), ("GET", "/metrics")] {
                let response = fixture.handle(method, path, headers: headers, body: "{}")
                #expect(response.status == 401 || response.status == 403)
                let text =
                    response.bodyText + response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
                for secret in forbidden {
                    #expect(!text.contains(secret), "\(method) \(path) answer carries token material")
                }
            }
        }
    }

    @Test func withoutTokensEverythingIsServed() throws {
        let fixture = try ServiceFixture()
        #expect(fixture.service.accessTokens == nil)
        #expect(fixture.handle("GET", "/metrics").status == 200)
        #expect(fixture.handle("GET", "/v1/cases").status == 200)
        // A token sent anyway is ignored, not an error.
        #expect(
            fixture.handle("GET", "/v1/cases", headers: [("Authorization", "Bearer \(Self.unknownToken)")]).status
                == 200)
    }

    @Test func unknownPathsAndMethodsKeepTheir404And405() throws {
        let fixture = try ServiceFixture(tokensFile: Self.tokensFile)
        #expect(fixture.handle("GET", "/v1/nothing-here").status == 404)
        #expect(fixture.handle("PATCH", "/v1/cases").status == 405)
    }
}
