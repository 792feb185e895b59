import CaseStore
import Foundation
import HTTPServer
@testable import SarcomaAPI
import SarcomaGuidelines
import TestSupport
import Testing

/// The CDS Hooks endpoints in-process: discovery, the two services' cards, JWT refusals as
/// problem+json, CORS and feedback storage.
@Suite("CDS Hooks service")
struct CDSHooksServiceTests {
    static let patientView = "/cds-services/sarcoma-patient-view"
    static let orderSelect = "/cds-services/sarcoma-order-select"
    static let sandboxOrigin = "https://sandbox.cds-hooks.org"
    /// The cards answer with the newest contract-2 pack (delta §0.7), not the /v1 pack.
    static let cardPack = "2026.12-1"
    let signer = JWTTestSigner.shared

    /// A service that checks JWTs signed by `JWTTestSigner` and allows the sandbox origin.
    func signedFixture(tokensFile: String? = nil) throws -> ServiceFixture {
        try ServiceFixture(tokensFile: tokensFile) { configuration, directory in
            let jwks = directory.appendingPathComponent("jwks.json")
            try Data(JWTTestSigner.shared.jwks.utf8).write(to: jwks)
            configuration.cdsJwksFile = jwks.path
            configuration.cdsIssuers = [JWTTestSigner.issuer]
            configuration.publicBaseUrl = JWTTestSigner.base
            configuration.corsOrigins = [Self.sandboxOrigin]
        }
    }

    func signedHeaders(_ path: String, alg: String = "ES384") -> [(String, String)] {
        [
            ("Authorization", "Bearer \(signer.token(JWTTestSigner.claims(path: path), alg: alg))"),
            ("Content-Type", "application/json"),
        ]
    }

    func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    func cards(_ response: HTTPResponse) -> [[String: Any]] {
        object(response)["cards"] as? [[String: Any]] ?? []
    }

    /// Every card as the spec and the issue ask: uuid, summary under 140 characters, a known
    /// indicator, the pack's label and version as source, a Markdown detail naming rules.
    func expectWellFormed(_ cards: [[String: Any]], version: String) {
        for card in cards {
            let summary = card["summary"] as? String ?? ""
            #expect(!summary.isEmpty && summary.count < 140, "\(summary)")
            #expect(["info", "warning", "critical"].contains(card["indicator"] as? String ?? ""))
            #expect(UUID(uuidString: card["uuid"] as? String ?? "") != nil)
            let label = (card["source"] as? [String: Any])?["label"] as? String ?? ""
            #expect(label.contains(version), "\(label)")
            #expect((card["detail"] as? String ?? "").isEmpty == false)
        }
    }

    @Test func discoveryIsPublicAndListsBothServicesWithPrefetch() throws {
        let fixture = try ServiceFixture(tokensFile: "ehr ehr \(String(repeating: "a", count: 64))")
        let response = fixture.handle("GET", "/cds-services")
        #expect(response.status == 200)
        let services = object(response)["services"] as? [[String: Any]] ?? []
        #expect(services.map { $0["id"] as? String } == ["sarcoma-patient-view", "sarcoma-order-select"])
        #expect(services.map { $0["hook"] as? String } == ["patient-view", "order-select"])
        for service in services {
            let prefetch = service["prefetch"] as? [String: String] ?? [:]
            #expect(
                Set(prefetch.keys) == [
                    "patient", "conditions", "observations", "medicationRequests", "medicationStatements",
                ])
            #expect(prefetch["patient"] == "Patient/{{context.patientId}}")
            #expect(prefetch["observations"]?.contains("21907-1") == true)
            #expect(service["title"] is String && service["description"] is String)
        }
    }

    @Test(arguments: ["ES384", "RS384"])
    func aSignedPatientViewCallGetsGuidanceCards(alg: String) throws {
        let fixture = try signedFixture()
        let response = fixture.handle(
            "POST", Self.patientView, headers: signedHeaders(Self.patientView, alg: alg),
            body: CDSHooksRequests.patientView(prefetch: CDSHooksRequests.liposarcomaPrefetch()))
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.clientName == "\(JWTTestSigner.issuer)#test-client")
        let cards = cards(response)
        expectWellFormed(cards, version: Self.cardPack)
        let summaries = cards.compactMap { $0["summary"] as? String }
        // Pack 2026.12-1 (delta §9): the AJCC group on the stage card, the systemic card.
        #expect(summaries.contains { $0.contains("AJCC IV") }, "\(summaries)")
        // The record gives no prior lines: both lines are shown, none assumed.
        #expect(
            summaries.contains {
                $0.hasPrefix("Systemic, first line: ") && $0.hasSuffix("Line not in the record")
            }, "\(summaries)")
        #expect(summaries.contains { $0.hasPrefix("Imaging work-up") })
        #expect(summaries.contains { $0.hasPrefix("Surgical plan") })
        let details = cards.compactMap { $0["detail"] as? String }.joined(separator: "\n")
        #expect(details.contains("`STAGE-RETROPERITONEUM`") || details.contains("`STAGE-"), "rule ids in the detail")
        // Pack 2026.12-1: pazopanib withheld for liposarcoma with its reason code; categoryDisplay.
        #expect(details.contains("`PALL-PAZOPANIB-") && details.contains("liposarcoma_no_activity"), "\(details)")
        #expect(details.contains("NCCN category"))
        #expect(summaries.contains { $0.hasPrefix("Missing in the record") }, "\(summaries)")
        #expect(details.contains("NTRK"), "the biomarker tests not reported are named: \(details)")
    }

    /// Issue 4's audit trail: a CDS call evaluates the EHR's record, so it leaves one
    /// `evaluate` row naming the JWT's `iss#sub`; a call that reads no record leaves none.
    @Test func aServiceCallIsAuditedWithTheJWTCaller() throws {
        let fixture = try signedFixture()
        let before = try fixture.service.store.auditTrail(AuditQuery(limit: 100)).items.count
        let response = fixture.handle(
            "POST", Self.patientView, headers: signedHeaders(Self.patientView),
            body: CDSHooksRequests.patientView(prefetch: CDSHooksRequests.liposarcomaPrefetch()))
        #expect(response.status == 200, "\(response.bodyText)")
        let rows = try fixture.service.store.auditTrail(AuditQuery(limit: 100)).items
        try #require(rows.count == before + 1)
        let row = try #require(rows.last)
        #expect(row.action == .evaluate)
        #expect(row.actor == "\(JWTTestSigner.issuer)#test-client")
        #expect(row.caseId == nil)
        #expect(row.route == "/cds-services/{id}")

        let refused = fixture.handle(
            "POST", Self.patientView, headers: signedHeaders(Self.patientView),
            body: CDSHooksRequests.patientView(prefetch: nil))
        #expect(refused.status == 412)
        #expect(try fixture.service.store.auditTrail(AuditQuery(limit: 100)).items.count == before + 1)
    }

    /// IMG-PRIMARY-EXTREMITY-HN offers MRI or CT: the card says one of them is needed, not
    /// that either is optional.
    @Test func anImagingChoiceReadsAsOneOf() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.liposarcomaPrefetch()
        prefetch["conditions"] = CDSHooksRequests.bundle([
            CDSHooksRequests.condition(
                histology: "Myxofibrosarcoma", morphology: "8811/3", bodySite: "Lower limb structure",
                bodySiteCode: "61685007")
        ])
        // cM0 cN0 stated: no card is given on an assumed M0.
        prefetch["observations"] = CDSHooksRequests.localizedLiposarcomaPrefetch()["observations"]
        let response = fixture.handle("POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: prefetch))
        let imaging = try #require(
            cards(response).first { ($0["summary"] as? String)?.hasPrefix("Imaging work-up") == true })
        #expect((imaging["summary"] as? String)?.contains("primary: MRI or CT") == true, "\(imaging)")
        let detail = imaging["detail"] as? String ?? ""
        // Delta §8: MRI is now the preferred one of the two.
        #expect(
            detail.contains("- MRI (one of MRI or CT, preferred)") && detail.contains("- CT (one of MRI or CT)"),
            "\(detail)")
        #expect(!detail.contains("MRI (optional"))
    }

    @Test func missingSizeIsNamedOnTheMissingDataCard() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: CDSHooksRequests.patientView(prefetch: CDSHooksRequests.liposarcomaPrefetch(sizeCm: nil)))
        #expect(response.status == 200)
        let missing = cards(response).first { ($0["summary"] as? String)?.hasPrefix("Missing in the record") == true }
        #expect((missing?["summary"] as? String)?.contains("tumour size") == true)
        #expect(missing?["indicator"] as? String == "warning")
    }

    @Test func orderSelectWarnsAboutPazopanibInLiposarcomaWithReasonAndAlternatives() throws {
        let fixture = try signedFixture()
        let body = CDSHooksRequests.orderSelect(
            orders: [CDSHooksRequests.medicationRequest(id: "mr1", name: "Pazopanib 200 MG Oral Tablet [Votrient]")],
            prefetch: CDSHooksRequests.liposarcomaPrefetch())
        let response = fixture.handle("POST", Self.orderSelect, headers: signedHeaders(Self.orderSelect), body: body)
        #expect(response.status == 200, "\(response.bodyText)")
        let cards = cards(response)
        expectWellFormed(cards, version: Self.cardPack)
        #expect(cards.count == 1)
        let card = try #require(cards.first)
        #expect(card["indicator"] as? String == "warning")
        let summary = card["summary"] as? String ?? ""
        // Delta §9: the reason code and the ranked alternatives.
        #expect(summary.contains("liposarcoma") && summary.contains("Alternatives: 1. doxorubicin"), "\(summary)")
        let detail = card["detail"] as? String ?? ""
        #expect(
            detail.contains("`PALL-PAZOPANIB-") && detail.contains("not recommended")
                && detail.contains("clinical trial"), "\(detail)")
        // Withheld for the histology whatever the line: stated as fact, the line not assumed.
        #expect(
            detail.contains("whatever the line") && !detail.contains("Prior lines of systemic therapy not given"),
            "\(detail)")
    }

    @Test func orderSelectConfirmsAListedOptionAndNamesPazopanibWithGemcitabine() throws {
        let fixture = try ServiceFixture()
        let doxorubicin = fixture.handle(
            "POST", Self.orderSelect,
            body: CDSHooksRequests.orderSelect(
                orders: [
                    CDSHooksRequests.medicationRequest(id: "d1", name: "DOXOrubicin HCl 2 MG/ML Injectable Solution")
                ],
                prefetch: CDSHooksRequests.liposarcomaPrefetch()))
        // The record gives no line: a first-line option, not "the" option (CDSHooksUnknownLineTests).
        let confirmation = try #require(cards(doxorubicin).first)
        #expect(
            (confirmation["summary"] as? String)?.contains("Doxorubicin: first line: option (rank") == true,
            "\(confirmation)")

        let combination = fixture.handle(
            "POST", Self.orderSelect,
            body: CDSHooksRequests.orderSelect(
                orders: [
                    CDSHooksRequests.medicationRequest(id: "p1", name: "pazopanib"),
                    CDSHooksRequests.medicationRequest(id: "g1", name: "Gemcitabine 1000 MG Injection"),
                ],
                prefetch: CDSHooksRequests.liposarcomaPrefetch()))
        let warning = try #require(cards(combination).first)
        #expect(cards(combination).count == 1)
        #expect(warning["indicator"] as? String == "warning")
        // Not a first-line option, and withheld for liposarcoma in later lines (D04): an option
        // in no line, so "not recommended" as fact; gemcitabine is not checked on its own.
        #expect(
            (warning["summary"] as? String)?.hasPrefix(
                "Pazopanib + gemcitabine not recommended (liposarcoma no activity)")
                == true, "\(warning)")
    }

    @Test func orderSelectIgnoresUnselectedAndUnrelatedOrders() throws {
        let fixture = try ServiceFixture()
        // The CDS Hooks library's R4 example: a diet and amoxicillin; no prefetch needed, no cards.
        let library = try #require(
            try JSONSerialization.jsonObject(
                with: CDSHooksRequests.fixture("library-order-select-context-examples.json")) as? [String: Any])
        let context = try #require((library["R4"] as? [String: Any])?["context"])
        let libraryBody = CDSHooksRequests.json(["hook": "order-select", "hookInstance": "abc", "context": context])
        let response = fixture.handle("POST", Self.orderSelect, body: libraryBody)
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(cards(response).isEmpty)

        let unselected = fixture.handle(
            "POST", Self.orderSelect,
            body: CDSHooksRequests.orderSelect(
                orders: [CDSHooksRequests.medicationRequest(id: "p1", name: "pazopanib")],
                selections: ["MedicationRequest/other"],
                prefetch: CDSHooksRequests.liposarcomaPrefetch()))
        #expect(unselected.status == 200)
        #expect(cards(unselected).isEmpty)
    }

    @Test func theSpecPatientViewExampleGetsNoCardsForAPatientWithoutSarcoma() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: String(decoding: try CDSHooksRequests.fixture("spec-2.0.1-request-patient-view.json"), as: UTF8.self))
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.bodyText == #"{"cards":[]}"#)
    }

    /// The CDS Hooks library's patient-view contexts: without prefetch 412, with it cards.
    @Test func theLibraryPatientViewContextsAreAccepted() throws {
        let fixture = try ServiceFixture()
        let library = try #require(
            try JSONSerialization.jsonObject(
                with: CDSHooksRequests.fixture("library-patient-view-context-examples.json")) as? [String: Any])
        let examples = try #require(library["examples"] as? [[String: Any]])
        #expect(examples.count == 2)
        for example in examples {
            // The prefetch below is about Patient/p1: the context names the same patient, or
            // the wrong-patient guard (rightly) refuses the call.
            var context = try #require(example["context"] as? [String: Any])
            #expect(context["patientId"] is String)
            context["patientId"] = "p1"
            var body: [String: Any] = ["hook": "patient-view", "hookInstance": UUID().uuidString, "context": context]
            #expect(fixture.handle("POST", Self.patientView, body: CDSHooksRequests.json(body)).status == 412)
            body["prefetch"] = CDSHooksRequests.liposarcomaPrefetch()
            let response = fixture.handle("POST", Self.patientView, body: CDSHooksRequests.json(body))
            #expect(response.status == 200)
            #expect(cards(response).count >= 4)
        }
    }

    @Test func nothingUsableSentIs412ProblemJSON() throws {
        let fixture = try ServiceFixture()
        let response = fixture.handle(
            "POST", Self.patientView,
            body: String(
                decoding: try CDSHooksRequests.fixture("spec-2.0.1-request-with-extension.json"), as: UTF8.self))
        // The spec's example context has no patientId, which both hooks require: 400 first.
        #expect(response.status == 400)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(object(response)["type"] as? String == "urn:sarcoma-guide:problem:cds-request-invalid")
        let none = fixture.handle("POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: nil))
        #expect(none.status == 412)
        #expect(object(none)["type"] as? String == "urn:sarcoma-guide:problem:cds-prefetch-missing")
        let nulls = fixture.handle(
            "POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: ["patient": NSNull()]))
        #expect(nulls.status == 412)
    }

    /// 22 cm retroperitoneal is T4; a record reporting cT1 disputes the stage: no guidance
    /// card rests on it, the card names the contradiction (as the FHIR import's 422 does).
    @Test func aReportedTTheStagingContradictsGetsACardInsteadOfGuidance() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.liposarcomaPrefetch()
        var observations = (prefetch["observations"] as? [String: Any])?["entry"] as? [[String: Any]] ?? []
        observations.append([
            "resource": CDSHooksRequests.observation(
                loinc: "21905-5", display: "Primary tumor.clinical [Class] Cancer",
                value: ["valueCodeableConcept": ["coding": [["system": "http://cancerstaging.org", "code": "cT1"]]]])
        ])
        prefetch["observations"] = CDSHooksRequests.bundle(observations.compactMap { $0["resource"] as? [String: Any] })
        let response = fixture.handle("POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: prefetch))
        #expect(response.status == 200)
        let card = try #require(cards(response).first)
        #expect(cards(response).count == 1)
        #expect(card["indicator"] as? String == "warning")
        #expect((card["summary"] as? String)?.contains("reported-t-differs") == true, "\(card)")
    }

    /// A preliminary cM1 must not leave the engine to assume M0.
    @Test func aPreliminaryMetastasisGetsACardInsteadOfAnM0Stage() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.liposarcomaPrefetch()
        var observations = ((prefetch["observations"] as? [String: Any])?["entry"] as? [[String: Any]] ?? [])
            .compactMap { $0["resource"] as? [String: Any] }
        observations[0]["status"] = "preliminary"
        prefetch["observations"] = CDSHooksRequests.bundle(observations)
        let response = fixture.handle("POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: prefetch))
        #expect(response.status == 200)
        let card = try #require(cards(response).first)
        #expect(cards(response).count == 1)
        #expect((card["summary"] as? String)?.contains("'preliminary'") == true, "\(card)")
    }

    @Test func aSarcomaWithoutSiteGetsACardSayingWhatIsMissing() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.liposarcomaPrefetch()
        var condition = CDSHooksRequests.condition(
            histology: "Dedifferentiated liposarcoma", morphology: "8858/3",
            bodySite: "x", bodySiteCode: "0")
        condition["bodySite"] = nil
        prefetch["conditions"] = CDSHooksRequests.bundle([condition])
        let response = fixture.handle("POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: prefetch))
        #expect(response.status == 200)
        let card = try #require(cards(response).first)
        #expect(cards(response).count == 1)
        #expect(card["indicator"] as? String == "warning")
        #expect((card["summary"] as? String)?.contains("tumor.site") == true, "\(card)")
        #expect((card["detail"] as? String)?.contains("`/prefetch/conditions/entry/0/resource`") == true, "\(card)")
    }

    /// The same tumour coded on two encounters: the mapper cannot pick one, and that must
    /// be said, not answered with no cards (which reads as "no sarcoma").
    @Test func twoSarcomaConditionsGetACardNotSilence() throws {
        let fixture = try ServiceFixture()
        var prefetch = CDSHooksRequests.liposarcomaPrefetch()
        var second = CDSHooksRequests.condition(
            histology: "Dedifferentiated liposarcoma", morphology: "8858/3",
            bodySite: "Retroperitoneum", bodySiteCode: "82849001")
        second["id"] = "primary-again"
        prefetch["conditions"] = CDSHooksRequests.bundle([
            CDSHooksRequests.condition(
                histology: "Dedifferentiated liposarcoma", morphology: "8858/3", bodySite: "Retroperitoneum",
                bodySiteCode: "82849001"), second,
        ])
        for (path, body) in [
            (Self.patientView, CDSHooksRequests.patientView(prefetch: prefetch)),
            (
                Self.orderSelect,
                CDSHooksRequests.orderSelect(
                    orders: [CDSHooksRequests.medicationRequest(id: "d1", name: "doxorubicin")], prefetch: prefetch)
            ),
        ] {
            let response = fixture.handle("POST", path, body: body)
            #expect(response.status == 200)
            let all = cards(response)
            #expect(all.count == 1, "\(path): \(response.bodyText)")
            let card = try #require(all.first)
            #expect(card["indicator"] as? String == "warning")
            #expect(
                (card["summary"] as? String)?.hasPrefix("Sarcoma guidance unavailable: 2 primary cancer Conditions")
                    == true, "\(card)")
            #expect((card["detail"] as? String)?.contains("`/prefetch/conditions/entry/1/resource`") == true, "\(card)")
        }
        // A record with no sarcoma Condition at all stays silent.
        var other = CDSHooksRequests.condition(
            histology: "x", morphology: "8140/3", bodySite: "Breast", bodySiteCode: "76752008")
        other["code"] = [
            "coding": [["system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"]], "text": "Breast cancer",
        ]
        other["extension"] = nil
        prefetch["conditions"] = CDSHooksRequests.bundle([other])
        #expect(
            fixture.handle("POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: prefetch)).bodyText
                == #"{"cards":[]}"#)
    }

    @Test func badRequestsAreProblems() throws {
        let fixture = try ServiceFixture()
        let wrongHook = fixture.handle("POST", Self.orderSelect, body: CDSHooksRequests.patientView(prefetch: nil))
        #expect(wrongHook.status == 400)
        #expect(object(wrongHook)["type"] as? String == "urn:sarcoma-guide:problem:cds-request-invalid")
        #expect(fixture.handle("POST", Self.patientView, body: "{").status == 400)
        #expect(fixture.handle("POST", Self.patientView, body: "[]").status == 400)
        let unknown = fixture.handle("POST", "/cds-services/nope", body: CDSHooksRequests.patientView(prefetch: nil))
        #expect(unknown.status == 404)
        #expect(unknown.headers["Content-Type"] == "application/problem+json")
    }

    @Test func refusedJWTsAreProblemsWithTheirOwnTypesAndCORSHeaders() throws {
        let fixture = try signedFixture()
        let body = CDSHooksRequests.patientView(prefetch: CDSHooksRequests.liposarcomaPrefetch())
        let origin = ("Origin", Self.sandboxOrigin)
        var expired = JWTTestSigner.claims(path: Self.patientView, now: Date().timeIntervalSince1970 - 1_000)
        expired["jti"] = UUID().uuidString
        // Signed tokens with times beyond Int's range trapped the whole server.
        var farExpiry = JWTTestSigner.claims(path: Self.patientView)
        farExpiry["exp"] = 1e19
        var ancientIssue = JWTTestSigner.claims(path: Self.patientView)
        ancientIssue["iat"] = -1e19
        var wrongAudience = JWTTestSigner.claims(path: Self.patientView)
        wrongAudience["aud"] = JWTTestSigner.base + Self.orderSelect
        let replayed = signer.token(JWTTestSigner.claims(path: Self.patientView))
        #expect(
            fixture.handle("POST", Self.patientView, headers: [("Authorization", "Bearer \(replayed)")], body: body)
                .status == 200)
        let cases: [(String?, String)] = [
            (nil, "jwt-missing"),
            ("sgt_" + String(repeating: "A", count: 43), "jwt-malformed"),
            (signer.token(expired), "jwt-expired"),
            (signer.token(wrongAudience), "jwt-audience-mismatch"),
            (signer.token(farExpiry), "jwt-lifetime-too-long"),
            (signer.token(ancientIssue), "jwt-lifetime-too-long"),
            (signer.token(JWTTestSigner.claims(path: Self.patientView), alg: "none"), "jwt-algorithm-not-allowed"),
            (signer.token(JWTTestSigner.claims(path: Self.patientView), alg: "HS256"), "jwt-algorithm-not-allowed"),
            (signer.token(JWTTestSigner.claims(path: Self.patientView), kid: "unknown"), "jwt-unknown-key"),
            (replayed, "jwt-replayed"),
        ]
        for (token, slug) in cases {
            var headers = [origin]
            if let token { headers.append(("Authorization", "Bearer \(token)")) }
            let response = fixture.handle("POST", Self.patientView, headers: headers, body: body)
            #expect(response.status == 401, "\(slug)")
            #expect(object(response)["type"] as? String == "urn:sarcoma-guide:problem:\(slug)")
            #expect(response.headers["WWW-Authenticate"]?.hasPrefix(#"Bearer realm="sarcoma-guide""#) == true)
            #expect(
                response.headers["Access-Control-Allow-Origin"] == Self.sandboxOrigin,
                "browsers must be able to read the refusal")
            if let token { #expect(!response.bodyText.contains(token)) }
        }
    }

    @Test func withTokensButNoJWKSCallsAreRefusedAndDiscoveryStaysOpen() throws {
        let fixture = try ServiceFixture(tokensFile: "ehr ehr \(String(repeating: "a", count: 64))")
        let response = fixture.handle("POST", Self.patientView, body: CDSHooksRequests.patientView(prefetch: nil))
        #expect(response.status == 401)
        #expect(object(response)["type"] as? String == "urn:sarcoma-guide:problem:cds-jwt-not-configured")
        #expect(fixture.handle("GET", "/cds-services").status == 200)
    }

    @Test func corsPreflightAnswersConfiguredOriginsOnly() throws {
        let fixture = try signedFixture()
        let preflight = [
            ("Origin", Self.sandboxOrigin), ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "authorization,content-type"),
        ]
        for path in ["/cds-services", Self.patientView, Self.patientView + "/feedback"] {
            let response = fixture.handle("OPTIONS", path, headers: preflight)
            #expect(response.status == 204, "\(path)")
            #expect(response.headers["Access-Control-Allow-Origin"] == Self.sandboxOrigin)
            #expect(response.headers["Access-Control-Allow-Headers"]?.contains("Authorization") == true)
            #expect(response.headers["Access-Control-Allow-Headers"]?.contains("Content-Type") == true)
            #expect(response.headers["Access-Control-Allow-Methods"]?.contains("POST") == true)
            #expect(response.headers["Vary"] == "Origin")
        }
        let stranger = fixture.handle(
            "OPTIONS", Self.patientView,
            headers: [
                ("Origin", "https://evil.example"),
                ("Access-Control-Request-Method", "POST"),
            ])
        #expect(stranger.status == 204)
        #expect(stranger.headers["Access-Control-Allow-Origin"] == nil)
        let discovery = fixture.handle("GET", "/cds-services", headers: [("Origin", Self.sandboxOrigin)])
        #expect(discovery.headers["Access-Control-Allow-Origin"] == Self.sandboxOrigin)
        // Only the CDS Hooks routes take part in CORS.
        #expect(
            fixture.handle("GET", "/health", headers: [("Origin", Self.sandboxOrigin)]).headers[
                "Access-Control-Allow-Origin"] == nil)
        // Without corsOrigins, nothing.
        let plain = try ServiceFixture()
        #expect(
            plain.handle("OPTIONS", Self.patientView, headers: preflight).headers["Access-Control-Allow-Origin"] == nil)
    }

    /// The uuid of the first card of a fresh signed patient-view answer: feedback can only be
    /// about a card the service issued.
    func issuedCard(_ fixture: ServiceFixture, signed: Bool = true) throws -> String {
        let response = fixture.handle(
            "POST", Self.patientView, headers: signed ? signedHeaders(Self.patientView) : [],
            body: CDSHooksRequests.patientView(prefetch: CDSHooksRequests.liposarcomaPrefetch()))
        #expect(response.status == 200, "\(response.bodyText)")
        return try #require(cards(response).first?["uuid"] as? String)
    }

    @Test func feedbackIsStoredWithItsClient() throws {
        let fixture = try signedFixture()
        let path = Self.patientView + "/feedback"
        var issued: [String: String] = [:]
        for (name, specCard) in [
            ("spec-2.0.1-feedback-accepted.json", "4e0a3a1e-3283-4575-ab82-028d55fe2719"),
            ("spec-2.0.1-feedback-overridden-with-reason.json", "9368d37b-283f-44a0-93ea-547cebab93ed"),
        ] {
            let card = try issuedCard(fixture)
            issued[name] = card
            let body = String(decoding: try CDSHooksRequests.fixture(name), as: UTF8.self).replacingOccurrences(
                of: specCard, with: card)
            let response = fixture.handle("POST", path, headers: signedHeaders(path), body: body)
            #expect(response.status == 200, "\(name): \(response.bodyText)")
            #expect(response.bodyText == #"{"recorded":1}"#)
        }
        let overridden = try fixture.service.store.cdsFeedback(
            card: try #require(issued["spec-2.0.1-feedback-overridden-with-reason.json"]))
        #expect(overridden.count == 1)
        #expect(overridden.first?.outcome == "overridden")
        #expect(overridden.first?.serviceId == "sarcoma-patient-view")
        #expect(overridden.first?.client == "\(JWTTestSigner.issuer)#test-client")
        let storedItem = String(decoding: overridden.first?.item ?? [], as: UTF8.self)
        #expect(storedItem.contains("d7ecf885"))
        #expect(
            try fixture.service.store.cdsFeedback(card: try #require(issued["spec-2.0.1-feedback-accepted.json"]))
                .first?.outcome == "accepted")

        let invalid = fixture.handle(
            "POST", path, headers: signedHeaders(path),
            body: #"{"feedback": [{"card": "x", "outcome": "ignored"}]}"#)
        #expect(invalid.status == 422)
        #expect(object(invalid)["type"] as? String == "urn:sarcoma-guide:problem:cds-feedback-invalid")
        let unsigned = fixture.handle("POST", path, body: #"{"feedback": [{"card": "x", "outcome": "accepted"}]}"#)
        #expect(unsigned.status == 401)
        #expect(try fixture.service.store.cdsFeedback(card: "x").isEmpty, "nothing refused is stored")
    }

    /// Feedback's `card` must be the uuid of a card this service answered; anything else is
    /// a 422 of the type openapi.json declares (`CDSFeedbackProblem`), pointing at the field,
    /// and nothing of the batch is stored.
    @Test(arguments: [
        ("not a uuid", "x"),
        ("a uuid without hyphens", "4e0a3a1e32834575ab82028d55fe2719"),
        ("a uuid no card had", "4e0a3a1e-3283-4575-ab82-028d55fe2719"),
        ("a number", "42"),
    ])
    func feedbackOnACardThisServiceDidNotIssueIsRefused(name: String, card: String) throws {
        let fixture = try signedFixture()
        let path = Self.patientView + "/feedback"
        let issued = try issuedCard(fixture)
        let cardJSON = card == "42" ? "42" : "\"\(card)\""
        // The first item is fine: the refused second one keeps it out of the store too.
        let body =
            #"{"feedback": [{"card": "\#(issued)", "outcome": "accepted"}, {"card": \#(cardJSON), "outcome": "accepted"}]}"#
        let response = fixture.handle("POST", path, headers: signedHeaders(path), body: body)
        #expect(response.status == 422, "\(name): \(response.bodyText)")
        #expect(object(response)["type"] as? String == "urn:sarcoma-guide:problem:cds-feedback-invalid", "\(name)")
        let errors = object(response)["errors"] as? [[String: Any]] ?? []
        #expect(errors.first?["pointer"] as? String == "/feedback/1/card", "\(name): \(response.bodyText)")
        #expect(
            try fixture.service.store.cdsFeedback(card: issued).isEmpty, "\(name): nothing of a refused batch is stored"
        )
    }

    @Test func feedbackNamesTheCardInAnyCaseButOnlyToTheServiceThatIssuedIt() throws {
        let fixture = try signedFixture()
        let issued = try issuedCard(fixture)
        let feedback = Self.patientView + "/feedback"
        let upper = fixture.handle(
            "POST", feedback, headers: signedHeaders(feedback),
            body: #"{"feedback": [{"card": "\#(issued.uppercased())", "outcome": "accepted"}]}"#)
        #expect(upper.status == 200, "\(upper.bodyText)")
        let otherService = Self.orderSelect + "/feedback"
        let elsewhere = fixture.handle(
            "POST", otherService, headers: signedHeaders(otherService),
            body: #"{"feedback": [{"card": "\#(issued)", "outcome": "accepted"}]}"#)
        #expect(elsewhere.status == 422, "\(elsewhere.bodyText)")
        #expect((object(elsewhere)["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/feedback/0/card")
    }

    @Test func unsignedDevelopmentFeedbackIsRecordedAsLocal() throws {
        let fixture = try ServiceFixture()
        let card = try issuedCard(fixture, signed: false)
        let response = fixture.handle(
            "POST", Self.patientView + "/feedback",
            body: #"{"feedback": [{"card": "\#(card)", "outcome": "accepted"}]}"#)
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(try fixture.service.store.cdsFeedback(card: card).first?.client == AccessGate.localClientName)
    }

    @Test func halfAConfigurationRefusesToStart() throws {
        func start(_ change: @escaping (inout ServiceConfiguration, URL) throws -> Void) -> String? {
            do {
                _ = try ServiceFixture(configure: change)
                return nil
            } catch {
                return "\(error)"
            }
        }
        let writeJWKS: (URL) throws -> String = { directory in
            let path = directory.appendingPathComponent("jwks.json")
            try Data(JWTTestSigner.shared.jwks.utf8).write(to: path)
            return path.path
        }
        #expect(
            start { config, dir in
                config.cdsJwksFile = try writeJWKS(dir)
                config.publicBaseUrl = JWTTestSigner.base
            }?
            .contains("cdsIssuers") == true)
        #expect(
            start { config, dir in
                config.cdsJwksFile = try writeJWKS(dir)
                config.cdsIssuers = ["x"]
            }?
            .contains("publicBaseUrl") == true)
        #expect(start { config, _ in config.cdsIssuers = ["x"] }?.contains("cdsJwksFile") == true)
        #expect(
            start { config, dir in
                config.cdsJwksFile = dir.appendingPathComponent("missing.json").path
                config.cdsIssuers = ["x"]
                config.publicBaseUrl = JWTTestSigner.base
            }?.contains("JWKS file") == true)
    }
}
