import Foundation
import HTTPServer
import Testing

/// `GET /v2/guidelines` (contract delta §7) and the impact report `GET /v2/guidelines/impact`
/// (delta §0.8) on the real binary. The expected changes are written from delta §8 and rules
/// §13, not from the service's output.
@Suite("Guideline listing and impact report on the real binary")
struct GuidelinesEndToEndTests {
    typealias Tokens = AccessEndToEndTests

    static func bearer(_ issued: Tokens.Issued) -> [(String, String)] { [("Authorization", "Bearer \(issued.token)")] }

    @Test("/v2/guidelines lists the default pack, any loaded pack by version, and 400 for an unknown one")
    func listing() throws {
        let service = try ServiceProcess()
        let current = try service.send("GET", "/v2/guidelines")
        #expect(current.status == 200)
        let body = current.object
        #expect(body.string("guidelineVersion") == "2026.12-1")
        #expect(body.int("contract") == 2)
        #expect(body.string("releasedAt") == "2026-12-07T00:00:00Z")
        let rules = body.array("rules")
        #expect(rules.count > 100)
        for rule in rules {
            let id = rule.string("id") ?? ""
            #expect(["kept", "changed", "new"].contains(rule.string("status") ?? ""), "\(id) status")
            #expect(["verified", "unverified"].contains(rule.string("verification") ?? ""), "\(id) verification")
            #expect(rule["sources"] is [String] && rule["changeNote"] != nil, "\(id) sources and changeNote")
        }
        #expect(rules.first { $0.string("id") == "PERIOP-STAGE2-RT" }?.string("status") == "new")
        #expect(
            body.array("retiredDecisions").map { $0.string("id") ?? "" }
                == ["D05", "D06", "D07", "D08", "D15", "D20", "D23", "D30"])
        #expect(body.array("readings").count == 26)
        #expect(body.array("openItems").count == 15)
        #expect(body.array("sources").first?.string("id") == "DECK")

        let old = try service.send("GET", "/v2/guidelines?guidelineVersion=2026.11-1").object
        #expect(old.string("guidelineVersion") == "2026.11-1")
        #expect(old.int("contract") == 1)
        #expect(old.array("rules").count == 37)
        #expect(old.array("rules").allSatisfy { $0.string("status") == "kept" })

        let unknown = try service.send("GET", "/v2/guidelines?guidelineVersion=2027.01-1")
        #expect(unknown.status == 400)
        #expect(unknown.object.string("detail")?.contains("loaded: 2026.11-1, 2026.12-1") == true)
        #expect(try service.send("GET", "/v2/guidelines?version=2026.12-1").status == 400, "unknown parameter")

        let text = try service.send("GET", "/v2/guidelines", headers: [("Accept", "text/plain")])
        #expect(text.status == 200)
        #expect(text.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(text.text.hasPrefix("Guideline pack 2026.12-1 (sarcoma-guide STS pack), contract 2"))
        #expect(text.text.contains("  PERIOP-STAGE2-RT  new, verified\n"))
    }

    @Test("/v1/guidelines keeps its v1 body and announces /v2/guidelines as its successor")
    func v1Guidelines() throws {
        let service = try ServiceProcess()
        let response = try service.send("GET", "/v1/guidelines")
        #expect(response.status == 200)
        #expect(response.object.string("guidelineVersion") == "2026.11-1")
        #expect(
            response.object.keys.sorted()
                == [
                    "ajccEdition", "decisions", "files", "guidelineVersion", "label", "packId", "rules", "siteGroups",
                    "sources",
                ])
        #expect(response.header("Deprecation") == "@1796601600", "2026-12-07T00:00:00Z, the 2026.12-1 release")
        #expect(response.header("Sunset") == "Fri, 31 Dec 2027 23:59:59 GMT")
        #expect(response.header("Link") == #"</v2/guidelines>; rel="successor-version""#)
    }

    /// A stored case and what delta §8 / rules §13 say changes for it from 2026.11-1 to 2026.12-1.
    struct Expected {
        let externalId: String
        let body: String
        /// (section, list, code, reasonCode or nil, a rule id the change must name)
        let items: [(section: String, list: String, code: String, reason: String?, rule: String)]
        /// (section, member, to value, a rule id the change must name); `to` nil means JSON null.
        let values: [(section: String, member: String, to: String?, rule: String)]
    }

    static let cases: [Expected] = [
        // Stage II (T1 G3): surgery + pre/postoperative RT, no chemotherapy (PERIOP-STAGE2-RT, PERIOP-POSTOP-CHEMO).
        Expected(
            externalId: "IMP-SYN-II",
            body: #"""
                {"externalId": "IMP-SYN-II", "patient": {"ageYears": 34, "sex": "female", "ecog": 0},
                 "tumor": {"site": "extremity", "sizeCm": 4.5, "depth": "deep", "histology": "synovial_sarcoma",
                           "grade": 3, "nodes": "N0", "metastasis": "M0"},
                 "disease": {"presentation": "primary", "resectable": true}}
                """#,
            items: [
                ("perioperative", "added", "postoperative_rt", nil, "PERIOP-STAGE2-RT"),
                ("perioperative", "added", "preoperative_rt", nil, "PERIOP-STAGE2-RT"),
                ("perioperative", "removed", "postoperative_chemotherapy", nil, "PERIOP-POSTOP-CHEMO"),
            ],
            values: [("perioperative", "pathway", "localized_resectable", "SCOPE-PATHWAY")]),
        // ALT/WDLS extremity, GX: chest radiograph (planning G1) instead of chest CT (IMG-CHEST-XR).
        Expected(
            externalId: "IMP-ALT",
            body: #"""
                {"externalId": "IMP-ALT", "patient": {"ageYears": 55, "ecog": 1},
                 "tumor": {"site": "extremity", "sizeCm": 15, "depth": "deep",
                           "histology": "well_differentiated_liposarcoma", "nodes": "N0", "metastasis": "M0"},
                 "disease": {"presentation": "primary", "resectable": true}}
                """#,
            items: [
                ("imaging", "metastaticWorkup.added", "chest_radiograph", nil, "IMG-CHEST-XR"),
                ("imaging", "metastaticWorkup.removed", "chest_ct", nil, "IMG-CHEST"),
            ],
            values: []),
        // Leiomyosarcoma, subsequent line: pembrolizumab withheld (PALL-PD1), nivolumab withheld in
        // post lines, best supportive care appended (PALL-BSC).
        Expected(
            externalId: "IMP-LMS",
            body: #"""
                {"externalId": "IMP-LMS", "patient": {"ageYears": 60, "ecog": 1},
                 "tumor": {"site": "extremity", "sizeCm": 9, "depth": "deep", "histology": "leiomyosarcoma",
                           "grade": 3, "nodes": "N0", "metastasis": "M1"},
                 "disease": {"presentation": "primary", "priorSystemicLines": 1}}
                """#,
            items: [
                ("palliative", "withheld", "pembrolizumab", "histology_no_activity", "PALL-PD1"),
                ("palliative", "withheld", "nivolumab", "insufficient_activity", "PALL-PD1"),
                ("palliative", "added", "best_supportive_care", nil, "PALL-BSC"),
            ],
            values: [("perioperative", "pathway", "advanced", "SCOPE-PATHWAY")]),
        // Retroperitoneum: en bloc compartmental, marginCm null; preoperative RT not routine.
        Expected(
            externalId: "IMP-RP",
            body: #"""
                {"externalId": "IMP-RP", "patient": {"ageYears": 58, "ecog": 1},
                 "tumor": {"site": "retroperitoneum", "sizeCm": 14, "histology": "dedifferentiated_liposarcoma",
                           "grade": 3, "nodes": "N0", "metastasis": "M0"},
                 "disease": {"presentation": "primary", "resectable": true}}
                """#,
            items: [("perioperative", "withheld", "preoperative_rt", "not_routine_retroperitoneum", "PERIOP-RP")],
            values: [
                ("margins", "strategy", "en_bloc_compartmental", "MARGIN-RP-EN-BLOC"),
                ("margins", "marginCm", nil, "MARGIN-RP-EN-BLOC"),
            ]),
        // M0, not resectable: conversion pathway, palliative not indicated, options in systemicOptions.
        Expected(
            externalId: "IMP-CONVERSION",
            body: #"""
                {"externalId": "IMP-CONVERSION", "patient": {"ageYears": 47, "ecog": 1},
                 "tumor": {"site": "extremity", "sizeCm": 11, "depth": "deep",
                           "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3, "nodes": "N0",
                           "metastasis": "M0"},
                 "disease": {"presentation": "primary", "resectable": false}}
                """#,
            items: [],
            values: [
                ("perioperative", "pathway", "conversion", "SCOPE-PATHWAY"),
                ("palliative", "indicated", "false", "PALL-NOT-LOCALIZED"),
            ]),
        // ECOG 4, M1: best supportive care only; doxorubicin withheld for performance status.
        Expected(
            externalId: "IMP-ECOG4",
            body: #"""
                {"externalId": "IMP-ECOG4", "patient": {"ageYears": 68, "ecog": 4},
                 "tumor": {"site": "extremity", "sizeCm": 10, "depth": "deep",
                           "histology": "undifferentiated_pleomorphic_sarcoma", "grade": 3, "nodes": "N0",
                           "metastasis": "M1"},
                 "disease": {"presentation": "primary"}}
                """#,
            items: [
                ("palliative", "withheld", "doxorubicin", "performance_status", "PALL-BSC"),
                ("palliative", "withheld", "clinical_trial", "performance_status", "PALL-BSC"),
            ],
            values: [("perioperative", "pathway", "best_supportive_care", "SCOPE-PATHWAY")]),
        // DFSP: no AJCC stage group; Mohs/PDEMA with marginCm null.
        Expected(
            externalId: "IMP-DFSP",
            body: #"""
                {"externalId": "IMP-DFSP", "patient": {"ageYears": 40, "ecog": 0},
                 "tumor": {"site": "trunk", "sizeCm": 4, "depth": "superficial",
                           "histology": "dermatofibrosarcoma_protuberans", "nodes": "N0", "metastasis": "M0"},
                 "disease": {"presentation": "primary", "resectable": true}}
                """#,
            items: [],
            values: [
                ("staging", "stageGroup", nil, "STAGE-DFSP"),
                ("margins", "strategy", "mohs_or_pdema", "MARGIN-DFSP-PDEMA"),
                ("perioperative", "scope", "dfsp", "SCOPE-"),
            ]),
    ]

    /// The value at a dotted path of a change object (`metastaticWorkup.added`).
    static func list(_ section: [String: Any], _ path: String) -> [[String: Any]] {
        let parts = path.split(separator: ".").map(String.init)
        var node: [String: Any] = section
        for part in parts.dropLast() { node = node.object(part) }
        return node.array(parts.last ?? "")
    }

    /// A string or boolean change value as text (the expectations compare codes and `indicated`).
    static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let bool = value as? Bool { return bool ? "true" : "false" }
        return nil
    }

    @Test("Impact 2026.11-1 → 2026.12-1 pages through the stored cases, lists the rules' changes and audits each read")
    func impactReport() throws {
        let ehr = try Tokens.create(name: "ehr-gateway", role: "ehr")
        let clinician = try Tokens.create(name: "dr.jones", role: "clinician")
        let admin = try Tokens.create(name: "ops", role: "admin")
        let file = try Tokens.tokensFile([ehr, clinician, admin])
        defer { try? FileManager.default.removeItem(at: file) }
        let service = try ServiceProcess(environment: ["SARCOMA_GUIDE_TOKENS_FILE": file.path])

        var ids: [String] = []
        for expected in Self.cases {
            let created = try service.send("POST", "/v1/cases", headers: Self.bearer(ehr), body: expected.body)
            try #require(created.status == 201, "\(expected.externalId): \(created.text)")
            ids.append(try #require(created.object.string("id")))
        }
        let query = "/v2/guidelines/impact?from=2026.11-1&to=2026.12-1&limit=2"
        #expect(try service.send("GET", query, headers: Self.bearer(clinician)).status == 403)
        #expect(try service.send("GET", query, headers: Self.bearer(ehr)).status == 403)

        var items: [[String: Any]] = []
        var cursor: String?
        var pages = 0
        repeat {
            let path = query + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try service.send("GET", path, headers: Self.bearer(admin))
            try #require(page.status == 200, "\(page.text)")
            let body = page.object
            #expect(body.string("from") == "2026.11-1")
            #expect(body.string("to") == "2026.12-1")
            #expect(body.array("items").count <= 2)
            items += body.array("items")
            cursor = body.string("nextCursor")
            pages += 1
        } while cursor != nil && pages < 10
        #expect(pages == 4, "7 cases, 2 per page")
        #expect(items.map { $0.string("caseId") ?? "" } == ids, "the stable case order")

        for (item, expected) in zip(items, Self.cases) {
            let name = expected.externalId
            #expect(item.string("externalId") == name)
            #expect(item.int("caseVersion") == 1)
            #expect((item["changed"] as? Bool) == true, "\(name) changed")
            let changes = item.object("changes")
            for want in expected.items {
                let entries = Self.list(changes.object(want.section), want.list)
                let entry = entries.first { ($0["modality"] ?? $0["agent"]) as? String == want.code }
                #expect(entry != nil, "\(name): \(want.section).\(want.list) has \(want.code)")
                if let reason = want.reason { #expect(entry?.string("reasonCode") == reason, "\(name) \(want.code)") }
                let rules = entry?["ruleIds"] as? [String] ?? []
                #expect(rules.contains { $0.hasPrefix(want.rule) }, "\(name) \(want.code) names \(want.rule): \(rules)")
            }
            for want in expected.values {
                let change = changes.object(want.section).object(want.member)
                #expect(!change.isEmpty, "\(name): \(want.section).\(want.member) changed")
                if let to = want.to {
                    #expect(Self.text(change["to"]) == to, "\(name) \(want.member) to \(to)")
                } else {
                    #expect(change["to"] is NSNull, "\(name) \(want.member) to null")
                }
                let rules = change["ruleIds"] as? [String] ?? []
                #expect(
                    rules.contains { $0.hasPrefix(want.rule) }, "\(name) \(want.member) names \(want.rule): \(rules)")
            }
        }
        let conversion = items[4].object("changes").object("palliative").object("systemicOptions")
        #expect((conversion["to"] as? [String])?.isEmpty == false, "conversion: the options moved to systemicOptions")

        // Each case read was audited as `impact` (once per page that answered it); no evaluation was recorded.
        for id in ids {
            let trail = try service.send("GET", "/v1/audit?caseId=\(id)", headers: Self.bearer(admin)).object
            let impact = trail.array("items").filter { $0.string("action") == "impact" }
            #expect(impact.count == 1, "\(id): one impact row")
            #expect(impact.first?.string("actor") == "ops")
            #expect(impact.first?.string("route") == "/v2/guidelines/impact")
            let records = try service.send("GET", "/v2/cases/\(id)/evaluations", headers: Self.bearer(admin)).object
            #expect(records.array("items").isEmpty, "\(id): the report records no evaluation")
        }

        // The same pack twice: nothing changes.
        let same = try service.send(
            "GET", "/v2/guidelines/impact?from=2026.12-1&to=2026.12-1&limit=50", headers: Self.bearer(admin)
        ).object
        #expect(same.array("items").count == 7)
        #expect(same.array("items").allSatisfy { ($0["changed"] as? Bool) == false && $0.object("changes").isEmpty })
    }

    @Test(
        "Bad impact parameters are a 400 naming the parameter",
        arguments: [
            ("to=2026.12-1", "'from'"), ("from=2026.11-1", "'to'"), ("from=2026.11-1&to=2030.01-1", "'to'"),
            ("from=latest&to=2026.12-1", "'from'"), ("from=2026.11-1&to=2026.12-1&limit=0", "'limit'"),
            ("from=2026.11-1&to=2026.12-1&limit=51", "'limit'"),
            ("from=2026.11-1&to=2026.12-1&cursor=nope", "'cursor'"),
            ("from=2026.11-1&to=2026.12-1&cursor=", "'cursor'"),
        ])
    func badParameters(query: String, parameter: String) throws {
        let response = try ServiceProcess().send("GET", "/v2/guidelines/impact?\(query)")
        #expect(response.status == 400, "\(query)")
        #expect(response.object.string("detail")?.contains(parameter) == true, "\(response.text)")
    }
}
