import Crypto
import Foundation
import HTTPServer
import Testing
import _CryptoExtras

/// CDS Hooks on the real binary: JWKS file, issuers and public URL from flags; JWTs signed
/// here with keys generated here; the CDS Hooks spec's own (expired) example token.
@Suite("CDS Hooks on the real binary")
struct CDSHooksEndToEndTests {
    static let issuer = "https://ehr.e2e.example/"
    static let base = "https://sts.e2e.example"
    static let path = "/cds-services/sarcoma-patient-view"
    static let fixtures = ServiceProcess.packageRoot.appendingPathComponent("Tests/Fixtures/cds-hooks")

    /// Test keys (made per run, never stored) and their public JWKS.
    final class Keys: @unchecked Sendable {
        // @unchecked: immutable after init; swift-crypto's key types are not Sendable on Linux.
        let ec = P384.Signing.PrivateKey()
        let rsa = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

        func jwksFile() throws -> URL {
            let point = ec.publicKey.rawRepresentation
            let rsaNumbers = try rsa.publicKey.getKeyPrimitives()
            let keys: [[String: String]] = [
                ["kty": "EC", "crv": "P-384", "kid": "e2e-ec", "x": b64(point.prefix(48)), "y": b64(point.suffix(48))],
                ["kty": "RSA", "kid": "e2e-rsa", "n": b64(rsaNumbers.modulus), "e": b64(rsaNumbers.publicExponent)],
            ]
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("jwks-\(UUID().uuidString).json")
            try JSONSerialization.data(withJSONObject: ["keys": keys]).write(to: file)
            return file
        }

        /// `overriding` replaces claims after the defaults (e.g. an `exp` beyond Int's range).
        func token(alg: String, path: String, expiresIn: Int = 300, overriding: [String: Double] = [:]) throws -> String
        {
            let now = Int(Date().timeIntervalSince1970)
            let header = ["alg": alg, "typ": "JWT", "kid": alg == "ES384" ? "e2e-ec" : "e2e-rsa"]
            var claims: [String: Any] = [
                "iss": issuer, "sub": "e2e", "aud": base + path, "iat": now,
                "exp": now + expiresIn, "jti": UUID().uuidString,
            ]
            for (claim, value) in overriding { claims[claim] = value }
            let input =
                b64(try JSONSerialization.data(withJSONObject: header)) + "."
                + b64(try JSONSerialization.data(withJSONObject: claims))
            let digest = SHA384.hash(data: Array(input.utf8))
            let signature =
                alg == "ES384"
                ? try ec.signature(for: digest).rawRepresentation
                : try rsa.signature(for: digest, padding: .insecurePKCS1v1_5).rawRepresentation
            return input + "." + b64(signature)
        }
    }

    static func b64(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func problemType(_ text: String) -> String? {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any])?["type"] as? String
    }

    /// A liposarcoma patient's prefetch (enough for a stage and palliative options).
    static func patientViewBody() -> String {
        let body: [String: Any] = [
            "hook": "patient-view", "hookInstance": UUID().uuidString,
            "context": ["userId": "Practitioner/1", "patientId": "p1"],
            "prefetch": [
                "patient": ["resourceType": "Patient", "id": "p1"],
                "conditions": [
                    "resourceType": "Bundle", "type": "searchset",
                    "entry": [
                        [
                            "resource": [
                                "resourceType": "Condition", "id": "c1",
                                "extension": [
                                    [
                                        "url":
                                            "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                                        "valueCodeableConcept": [
                                            "coding": [
                                                [
                                                    "system": "http://terminology.hl7.org/CodeSystem/icd-o-3",
                                                    "code": "8858/3",
                                                ]
                                            ]
                                        ],
                                    ]
                                ],
                                "code": [
                                    "text": "Dedifferentiated liposarcoma",
                                    "coding": [
                                        [
                                            "system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": "8858/3",
                                            "display": "Dedifferentiated liposarcoma",
                                        ]
                                    ],
                                ],
                                "bodySite": [
                                    [
                                        "text": "Retroperitoneum",
                                        "coding": [
                                            [
                                                "system": "http://snomed.info/sct", "code": "82849001",
                                                "display": "Retroperitoneum",
                                            ]
                                        ],
                                    ]
                                ],
                            ]
                        ]
                    ],
                ],
                "observations": [
                    "resourceType": "Bundle", "type": "searchset",
                    "entry": [
                        [
                            "resource": [
                                "resourceType": "Observation", "id": "m", "status": "final",
                                "code": ["coding": [["system": "http://loinc.org", "code": "21907-1"]]],
                                "valueCodeableConcept": [
                                    "coding": [["system": "http://cancerstaging.org", "code": "cM1"]], "text": "M1",
                                ],
                            ]
                        ]
                    ],
                ],
            ],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: body), as: UTF8.self)
    }

    static let keys = Keys()

    func signedService(extra: [String] = []) throws -> ServiceProcess {
        try ServiceProcess(
            arguments: [
                "--cds-jwks-file", Self.keys.jwksFile().path, "--cds-issuers", Self.issuer,
                "--public-base-url", Self.base, "--cors-origins", "https://sandbox.cds-hooks.org",
            ] + extra)
    }

    @Test func theSpecExampleTokenIsRefusedForExpiryWithItsKeyConfigured() throws {
        let example = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("spec-2.0.1-jwt-example.json")))
                as? [String: Any])
        let jwks = FileManager.default.temporaryDirectory.appendingPathComponent("spec-jwks-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: try #require(example["jwks_public"])).write(to: jwks)
        let authorization = try #require(example["authorization_header"] as? String)
        let service = try ServiceProcess(arguments: [
            "--cds-jwks-file", jwks.path, "--cds-issuers", "https://fhir-ehr.example.com/",
            "--public-base-url", "https://cds.example.org",
        ])
        let response = try service.send(
            "POST", Self.path, headers: [("Authorization", authorization)], body: Self.patientViewBody())
        #expect(response.status == 401)
        #expect(Self.problemType(response.text) == "urn:sarcoma-guide:problem:jwt-expired", "\(response.text)")
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(service.standardOutput.contains("CDS Hooks calls need a signed JWT (1 key(s), 1 issuer(s))"))
        #expect(service.stop() == 0)
    }

    @Test func signedCallsAndFeedbackAreServedAndLoggedByIssuer() throws {
        let service = try signedService()
        var issuedCard: String?
        for alg in ["ES384", "RS384"] {
            let token = try Self.keys.token(alg: alg, path: Self.path)
            let response = try service.send(
                "POST", Self.path, headers: [("Authorization", "Bearer \(token)")], body: Self.patientViewBody())
            #expect(response.status == 200, "\(alg): \(response.text)")
            let cards =
                ((try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any])?["cards"]
                as? [[String: Any]]
            #expect(
                cards?.contains { ($0["summary"] as? String)?.contains("AJCC IV") == true } == true, "\(response.text)"
            )
            issuedCard = cards?.first?["uuid"] as? String
            // The same token again is a replay.
            let again = try service.send(
                "POST", Self.path, headers: [("Authorization", "Bearer \(token)")], body: Self.patientViewBody())
            #expect(Self.problemType(again.text) == "urn:sarcoma-guide:problem:jwt-replayed")
        }
        let feedbackPath = Self.path + "/feedback"
        // Feedback names a card this service answered (the spec example's uuid is not one).
        let feedback = String(
            decoding: try Data(contentsOf: Self.fixtures.appendingPathComponent("spec-2.0.1-feedback-accepted.json")),
            as: UTF8.self
        )
        .replacingOccurrences(of: "4e0a3a1e-3283-4575-ab82-028d55fe2719", with: try #require(issuedCard))
        let stored = try service.send(
            "POST", feedbackPath,
            headers: [("Authorization", "Bearer \(try Self.keys.token(alg: "ES384", path: feedbackPath))")],
            body: feedback)
        #expect(stored.status == 200, "\(stored.text)")
        let expired = try service.send(
            "POST", Self.path,
            headers: [
                ("Authorization", "Bearer \(try Self.keys.token(alg: "ES384", path: Self.path, expiresIn: -600))")
            ],
            body: Self.patientViewBody())
        #expect(Self.problemType(expired.text) == "urn:sarcoma-guide:problem:jwt-expired")
        // A validly signed 30-year token: CDS Hooks tokens live at most 5 minutes.
        let longLived = try service.send(
            "POST", Self.path,
            headers: [
                (
                    "Authorization",
                    "Bearer \(try Self.keys.token(alg: "ES384", path: Self.path, expiresIn: 30 * 365 * 86_400))"
                )
            ],
            body: Self.patientViewBody())
        #expect(longLived.status == 401)
        #expect(Self.problemType(longLived.text) == "urn:sarcoma-guide:problem:jwt-lifetime-too-long")
        // Validly signed times beyond Int's range trapped the whole process (signal 4): each is
        // a 401, and the server goes on (its clean exit below says it did not crash).
        for overriding in [["exp": 1e19], ["iat": -1e19], ["exp": 1e308], ["exp": 1.5]] {
            let extreme = try service.send(
                "POST", Self.path,
                headers: [
                    (
                        "Authorization",
                        "Bearer \(try Self.keys.token(alg: "ES384", path: Self.path, overriding: overriding))"
                    )
                ],
                body: Self.patientViewBody())
            #expect(extreme.status == 401, "\(overriding)")
            #expect(
                Self.problemType(extreme.text)?.hasPrefix("urn:sarcoma-guide:problem:jwt-") == true,
                "\(overriding): \(extreme.text)")
        }
        let wrongAudience = try service.send(
            "POST", Self.path,
            headers: [("Authorization", "Bearer \(try Self.keys.token(alg: "ES384", path: feedbackPath))")],
            body: Self.patientViewBody())
        #expect(Self.problemType(wrongAudience.text) == "urn:sarcoma-guide:problem:jwt-audience-mismatch")
        #expect(service.stop() == 0)
        let log = service.standardOutput
        #expect(log.contains("route=/cds-services/{id} status=200"))
        #expect(log.contains("client=\(Self.issuer)#e2e"))
        #expect(!log.contains("eyJ"), "no token in the log")
    }

    @Test func discoveryAndPreflightArePublic() throws {
        let service = try signedService()
        let discovery = try service.send("GET", "/cds-services", headers: [("Origin", "https://sandbox.cds-hooks.org")])
        #expect(discovery.status == 200)
        #expect(discovery.text.contains("\"sarcoma-order-select\""))
        #expect(discovery.headers["Access-Control-Allow-Origin"] == "https://sandbox.cds-hooks.org")
        let preflight = try service.send(
            "OPTIONS", Self.path,
            headers: [
                ("Origin", "https://sandbox.cds-hooks.org"), ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "authorization, content-type"),
            ])
        #expect(preflight.status == 204)
        #expect(preflight.headers["Access-Control-Allow-Headers"]?.contains("Authorization") == true)
        #expect(service.stop() == 0)
    }

    @Test func withoutJWKSLoopbackDevelopmentServesUnsignedCalls() throws {
        let service = try ServiceProcess()
        let response = try service.send("POST", Self.path, body: Self.patientViewBody())
        #expect(response.status == 200, "\(response.text)")
        #expect(service.standardOutput.contains("CDS Hooks calls accepted without a JWT"))
        #expect(service.stop() == 0)
    }

    @Test func aJWKSWithoutPublicBaseUrlRefusesToStart() throws {
        do {
            _ = try ServiceProcess(
                arguments: ["--cds-jwks-file", Self.keys.jwksFile().path, "--cds-issuers", Self.issuer], timeout: 20)
            Issue.record("a JWKS without publicBaseUrl must refuse start-up")
        } catch let failure as ServiceProcess.StartFailure {
            #expect(failure.description.contains("publicBaseUrl"), "\(failure.description)")
        }
    }
}
