import Foundation
import HTTPServer
import Testing

/// The §12 worked checks for margins, imaging, perioperative therapy and the whole assessment
/// on the real binary, in JSON and text/plain (rules §9): each row's members as §12 writes
/// them, each section endpoint answering what the assessment places, and every rule id the
/// text shows present in the JSON of the same answer (REND-TRACE), with and without
/// `?explain=true`.
@Suite("Contract v2 sections on the real binary")
struct ContractTwoSectionEndToEndTests {
    static let sections = ["staging", "margins", "imaging", "perioperative", "palliative"]
    /// A rule id as the pack spells them (family prefix, then hyphenated parts).
    static let ruleFamilies = ["STAGE", "GRADE", "BIOPSY", "MARGIN", "IMG", "PERIOP", "PALL", "SCOPE", "CONS", "REND"]

    @Test("§12 through POST /v2/assessment (JSON)", arguments: SectionCheck.all)
    func assessment(check: SectionCheck) throws {
        let response = try ServiceProcess().send("POST", "/v2/assessment", body: check.body)
        #expect(response.status == 200, "\(response.text)")
        Self.verify(response.object, check)
    }

    @Test("§12 in text/plain: each section endpoint and the assessment", arguments: SectionCheck.all)
    func plainText(check: SectionCheck) throws {
        let service = try ServiceProcess()
        let answer = try service.send("POST", "/v2/assessment", body: check.body).object
        let plain = [("Accept", "text/plain")]
        for section in ["margins", "imaging", "perioperative"] {
            let json = try service.send("POST", "/v2/\(section)", body: check.body).object
            #expect(
                Self.withoutVersion(json) == Self.withoutVersion(answer.object(section)),
                "/v2/\(section) answers what the assessment places")
            for explain in [false, true] {
                let query = explain ? "?explain=true" : ""
                let text = try service.send("POST", "/v2/\(section)\(query)", headers: plain, body: check.body)
                #expect(text.status == 200)
                #expect(text.header("Content-Type")?.hasPrefix("text/plain") == true)
                let body =
                    explain ? try service.send("POST", "/v2/\(section)?explain=true", body: check.body).object : json
                Self.verifyText(text.text, json: body, check: check, where: "/v2/\(section)\(query)")
                if explain { #expect(text.text.contains("Trace"), "REND-EXPLAIN: \(section)") }
            }
        }
        let text = try service.send("POST", "/v2/assessment", headers: plain, body: check.body).text
        Self.verifyText(text, json: answer, check: check, where: "/v2/assessment")
        for section in ["Staging", "Margins", "Imaging", "Perioperative", "Palliative"] {
            #expect(text.contains("== \(section) =="), "assessment text has the \(section) section")
        }
        let labels = text.split(separator: "\n").filter { $0.hasPrefix("Warnings ") }
        #expect(labels.count == (answer.array("warnings").isEmpty ? 0 : 1), "the warnings once, not per section")
        #expect(text.components(separatedBy: "guideline pack 2026.12-1").count == 2, "the pack line once")
        for phrase in check.textContains { #expect(Self.flat(text).contains(phrase), "text says \(phrase)") }
        let explained = try service.send("POST", "/v2/assessment?explain=true", headers: plain, body: check.body).text
        let explainedJSON = try service.send("POST", "/v2/assessment?explain=true", body: check.body).object
        Self.verifyText(explained, json: explainedJSON, check: check, where: "/v2/assessment?explain=true")
        #expect(explained.contains("Trace"))
    }

    @Test("a stored case: GET /v2/cases/{id}/assessment is recorded and answers as the stateless call")
    func storedAssessment() throws {
        let service = try ServiceProcess()
        let check = SectionCheck.all.first { $0.name.hasPrefix("C37b") }!
        let created = try service.send("POST", "/v1/cases", body: check.body)
        #expect(created.status == 201, "\(created.text)")
        let id = try #require(created.object.string("id"))
        let stored = try service.send("GET", "/v2/cases/\(id)/assessment")
        #expect(stored.status == 200, "\(stored.text)")
        #expect(stored.header("X-Evaluation-ID")?.isEmpty == false)
        let answer = stored.object
        #expect(answer.object("evaluation").string("contractVersion") == "v2")
        Self.verify(answer, check)
        let text = try service.send("GET", "/v2/cases/\(id)/assessment", headers: [("Accept", "text/plain")])
        #expect(text.status == 200)
        Self.verifyText(text.text, json: answer, check: check, where: "GET /v2/cases/{id}/assessment")
        let items = try service.send("GET", "/v2/cases/\(id)/evaluations").object.array("items")
        #expect(items.contains { $0.string("endpoint") == "assessment" && $0.string("contractVersion") == "v2" })
    }

    @Test("?guidelineVersion=2026.12-1 on /v2/assessment answers with that pack")
    func selectedPack() throws {
        let check = SectionCheck.all.first { $0.name.hasPrefix("C05") }!
        let response = try ServiceProcess().send("POST", "/v2/assessment?guidelineVersion=2026.12-1", body: check.body)
        #expect(response.status == 200)
        let answer = response.object
        #expect(answer.string("guidelineVersion") == "2026.12-1")
        for section in Self.sections {
            #expect(answer.object(section).string("guidelineVersion") == "2026.12-1", "\(section)")
        }
        Self.verify(answer, check)
    }

    @Test("C25: a stated G3 ALT/WDLS is 422 on /v2/assessment (CONS-WDLS-GRADE)")
    func wdlsGrade() throws {
        let body = #"{"tumor": {"site": "extremity", "histology": "well_differentiated_liposarcoma", "grade": 3}}"#
        let response = try ServiceProcess().send("POST", "/v2/assessment", body: body)
        #expect(response.status == 422)
        #expect(response.object.array("errors").map { $0.string("pointer") } == ["/tumor/grade"])
    }

    // MARK: - JSON

    static func verify(_ answer: [String: Any], _ check: SectionCheck) {
        let name = check.name
        #expect(answer.string("guidelineVersion") == "2026.12-1", "\(name)")
        #expect(answer.string("scope") == check.input.scope, "\(name) scope")
        #expect(answer.string("pathway") == check.input.pathway, "\(name) pathway")
        if let intent = check.intent { #expect(answer.string("intent") == intent, "\(name) intent") }
        let codes = answer.array("warnings").compactMap { $0.string("code") }
        for code in check.warnings { #expect(codes.contains(code), "\(name): warning \(code) in \(codes)") }

        let staging = answer.object("staging")
        for (key, value) in check.staging { expect(staging[key], value, "\(name) staging.\(key)") }

        let margins = answer.object("margins")
        for (key, value) in check.margins { expect(margins[key], value, "\(name) margins.\(key)") }
        if let ids = check.marginRuleIds { #expect((margins["marginRuleIds"] as? [String]) == ids, "\(name)") }
        if let slnb = check.sentinelNodeBiopsy {
            #expect(margins.object("biopsy").string("sentinelNodeBiopsy") == slnb, "\(name) sentinelNodeBiopsy")
        }

        let imaging = answer.object("imaging")
        let studies = imaging.array("primary") + imaging.array("metastaticWorkup")
        for study in check.studies {
            let found = studies.first { $0.string("modality") == study.modality }
            #expect(found != nil, "\(name): imaging \(study.modality)")
            if let found {
                #expect((found["required"] as? Bool) == study.required, "\(name) \(study.modality) required")
                #expect((found["preferred"] as? Bool) == study.preferred, "\(name) \(study.modality) preferred")
            }
        }
        for modality in check.absentStudies {
            #expect(!studies.contains { $0.string("modality") == modality }, "\(name): no \(modality)")
        }
        if let pet = check.pet { #expect(imaging.string("pet") == pet, "\(name) pet") }

        verifyPerioperative(answer.object("perioperative"), check)

        let palliative = answer.object("palliative")
        let indicated = check.input.indicated
        #expect((palliative["indicated"] as? Bool) == indicated, "\(name) palliative.indicated")
        if !indicated {
            #expect(palliative["line"] is NSNull, "\(name) palliative.line")
            #expect(palliative.array("options").isEmpty, "\(name) palliative.options")
            #expect(palliative.array("notRecommended").isEmpty, "\(name) palliative.notRecommended")
        }
        for agent in check.nowhere {
            let listed =
                palliative.array("options") + answer.object("perioperative").array("systemicOptions")
            #expect(!listed.contains { $0.string("agent") == agent }, "\(name): no \(agent) anywhere")
        }
    }

    static func verifyPerioperative(_ section: [String: Any], _ check: SectionCheck) {
        let name = check.name
        for (key, value) in check.perioperative { expect(section[key], value, "\(name) perioperative.\(key)") }
        let options = section.array("options")
        if let expected = check.options {
            #expect(options.map { $0.string("modality") ?? "" } == expected.map(\.modality), "\(name) options")
            for (index, (option, want)) in zip(options, expected).enumerated() {
                let label = "\(name) \(want.modality)"
                #expect(option.int("rank") == index + 1, "\(label) rank")
                #expect((option["preferred"] as? Bool) == want.preferred, "\(label) preferred")
                let ruleIds = option["ruleIds"] as? [String] ?? []
                if want.firstRule, let first = want.rules.first {
                    #expect(option.string("ruleId") == first, "\(label) ruleId")
                }
                for rule in want.rules { #expect(ruleIds.contains(rule), "\(label) ruleIds \(ruleIds) has \(rule)") }
                if want.wrapsRules { #expect(ruleIds.count > want.rules.count, "\(label) ruleIds \(ruleIds)") }
                expectCategory(option, want.category, basis: want.basis, label)
                // delta §3.1: `categorySource` is the register id, then its address.
                if let source = want.source {
                    #expect(option.string("categorySource")?.hasPrefix(source + " ") == true, "\(label) source")
                }
                if let appliesTo = want.appliesTo {
                    #expect(option.string("appliesTo") == appliesTo, "\(label) appliesTo")
                } else if check.input.pathway == "oligometastatic" || check.input.pathway == "regional_nodal" {
                    #expect(option["appliesTo"] is NSNull, "\(label) appliesTo null")
                }
                #expect(option.string("categoryDisplay")?.isEmpty == false, "\(label) categoryDisplay")
            }
        }
        let withheld = section.array("notRecommended")
        #expect(withheld.map { $0.string("modality") ?? "" } == check.notRecommended.map(\.code), "\(name)")
        for (item, want) in zip(withheld, check.notRecommended) {
            #expect(item.string("reasonCode") == want.reasonCode, "\(name) \(want.code) reasonCode")
            #expect((item["otherReasonCodes"] as? [String]) == want.others, "\(name) \(want.code) others")
            #expect(item["nccnCategory"] is NSNull)
            #expect(item.string("reason")?.isEmpty == false)
        }
        if let highRisk = check.highRisk {
            #expect((section["highRisk"] as? Bool) == highRisk, "\(name) highRisk")
        }
        if let category = check.highRiskCategory {
            let recommendation = section.array("recommendations").first {
                $0.string("ruleId") == "PERIOP-LARGE-HIGHGRADE"
            }
            #expect(recommendation != nil, "\(name): the highRisk recommendation")
            if let recommendation {
                expectCategory(recommendation, category, basis: check.highRiskBasis ?? "none", "\(name) highRisk")
            }
        }
        if let phrase = check.reasonContains {
            #expect(section.string("reason")?.contains(phrase) == true, "\(name) reason: \(section["reason"] ?? "")")
        }
        let systemic = section.array("systemicOptions")
        #expect(systemic.map { $0.string("agent") ?? "" } == check.systemicOptions.map(\.agent), "\(name) systemic")
        for (option, want) in zip(systemic, check.systemicOptions) {
            #expect((option["preferred"] as? Bool) == want.preferred, "\(name) \(want.agent) preferred")
            if let rule = want.rule { #expect(option.string("ruleId") == rule, "\(name) \(want.agent) ruleId") }
            #expect(option["nccnCategory"] is NSNull, "\(name) \(want.agent): systemicOptions carry no category")
        }
        let systemicWithheld = section.array("systemicNotRecommended")
        #expect(
            systemicWithheld.map { $0.string("agent") ?? "" } == check.systemicNotRecommended.map(\.code),
            "\(name) systemicNotRecommended")
        for (item, want) in zip(systemicWithheld, check.systemicNotRecommended) {
            #expect(item.string("reasonCode") == want.reasonCode, "\(name) \(want.code) reasonCode")
        }
        if let lineContext = check.lineContext { #expect(section.string("lineContext") == lineContext, "\(name)") }
    }

    static func expectCategory(_ item: [String: Any], _ category: String, basis: String, _ label: String) {
        if category == "—" {
            #expect(item["nccnCategory"] is NSNull, "\(label) category null")
            #expect(item.string("categoryBasis") == "none", "\(label) basis none")
        } else {
            #expect(item.string("nccnCategory") == category.replacingOccurrences(of: "*", with: ""), "\(label)")
            #expect((item["categoryDefaulted"] as? Bool) == category.hasSuffix("*"), "\(label) defaulted")
            #expect(item.string("categoryBasis") == basis, "\(label) basis")
        }
    }

    static func expect(_ actual: Any?, _ expected: SectionCheck.Value, _ label: String) {
        switch expected {
        case .null: #expect(actual is NSNull, "\(label): \(actual ?? "absent") is not null")
        case .string(let text): #expect(actual as? String == text, "\(label): \(actual ?? "absent")")
        case .number(let number):
            #expect((actual as? NSNumber)?.doubleValue == number, "\(label): \(actual ?? "absent")")
        }
    }

    static func withoutVersion(_ object: [String: Any]) -> NSDictionary {
        var object = object
        object["guidelineVersion"] = nil
        return object as NSDictionary
    }

    // MARK: - Text

    /// REND-TRACE, REND-ORDER, REND-REASONS, REND-COMBINATION and the 80-column layout.
    static func verifyText(_ text: String, json: [String: Any], check: SectionCheck, where place: String) {
        let explained = place.contains("explain=true")
        let label = "\(check.name) \(place)"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 80, "\(label): line over 80 columns: \(line)")
            #expect(line.allSatisfy { $0.isASCII }, "\(label): ASCII only: \(line)")
        }
        let inJSON = ruleIds(in: json)
        let shown = shownRuleIds(text)
        #expect(shown.subtracting(inJSON).isEmpty, "\(label): cited but not in the JSON: \(shown.subtracting(inJSON))")
        // Without the trace, not even named (the trace names every rule considered, as its JSON does).
        for rule in check.textAbsentRules where !explained { #expect(!shown.contains(rule), "\(label): \(rule) shown") }
        #expect(text.contains("guideline pack 2026.12-1"), "\(label): the pack")
        let flat = flat(text)
        let perioperative = json["options"] != nil ? json : json.object("perioperative")
        guard perioperative["options"] != nil, json["strategy"] == nil, json["primary"] == nil else { return }
        // Options in rank order, preferred marked; every withheld modality with its reason code.
        var cursor = flat.startIndex
        for option in perioperative.array("options") {
            let rank = option.int("rank") ?? 0
            let mark = (option["preferred"] as? Bool) == true ? " (preferred)" : ""
            let words = modalityWords(option.string("modality") ?? "")
            let needle = "\(rank). \(words)\(mark)"
            if let found = flat.range(of: needle, range: cursor..<flat.endIndex) {
                cursor = found.upperBound
            } else {
                Issue.record("\(label): \(needle) missing or out of rank order")
            }
            if let display = option.string("categoryDisplay") {
                #expect(flat.contains(ascii(display)), "\(label): categoryDisplay \(display)")
            }
        }
        for item in perioperative.array("notRecommended") {
            let words = modalityWords(item.string("modality") ?? "")
            let code = item.string("reasonCode") ?? ""
            #expect(flat.contains("\(words): "), "\(label): withheld \(words)")
            #expect(flat.contains("(\(code)"), "\(label): reason code \(code)")
        }
        for item in perioperative.array("systemicNotRecommended") {
            #expect(flat.contains("(\(item.string("reasonCode") ?? "")"), "\(label): systemic reason")
        }
    }

    /// The renderer's ASCII spelling of the characters the pack's texts use.
    static func ascii(_ text: String) -> String {
        [("\u{2264}", "<="), ("\u{2265}", ">="), ("\u{2013}", "-"), ("\u{2014}", "-"), ("\u{00B2}", "2")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// The text with its wrapping undone (label column and line breaks removed).
    static func flat(_ text: String) -> String {
        text.split(separator: "\n").map { $0.count > 11 ? String($0.dropFirst(11)) : "" }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    static let modalityNames: [String: String] = [
        "postoperative_rt": "postoperative RT", "preoperative_rt": "preoperative RT", "re_excision": "re-excision",
        "definitive_rt": "definitive RT", "stereotactic_body_rt": "stereotactic body RT",
    ]

    static func modalityWords(_ code: String) -> String {
        modalityNames[code] ?? code.replacingOccurrences(of: "_", with: " ")
    }

    /// Every rule id in the text: cited in brackets, named in a trace line or in prose.
    static func shownRuleIds(_ text: String) -> Set<String> {
        let pattern = "\\b(" + ruleFamilies.joined(separator: "|") + ")(-[A-Z0-9]+)+\\b"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return Set(
            regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }

    /// Every string of a `ruleId`, `ruleIds` or `marginRuleIds` member, at any depth.
    static func ruleIds(in value: Any, key: String? = nil) -> Set<String> {
        switch value {
        case let object as [String: Any]:
            return object.reduce(into: Set<String>()) { $0.formUnion(ruleIds(in: $1.value, key: $1.key)) }
        case let items as [Any]:
            return items.reduce(into: Set<String>()) { $0.formUnion(ruleIds(in: $1, key: key)) }
        case let text as String:
            return ["ruleId", "ruleIds", "marginRuleIds"].contains(key ?? "") ? [text] : []
        default: return []
        }
    }
}
