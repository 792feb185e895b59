import Foundation
import HTTPServer
import Testing

/// Contract v2 on the real binary (contract delta §0): the §12 worked checks that need only
/// rules §3, §4 (planning grade) and §8, in JSON and text/plain; pack selection with
/// `?guidelineVersion=`; the new 422s; stored-case records of both contracts; and `/v1`
/// announcing its successor. Expected values are the rules' and the delta's.
@Suite("Contract v2 on the real binary")
struct ContractTwoEndToEndTests {
    /// A service of its own per test (stopped when the test's instance goes).
    func service() throws -> ServiceProcess { try ServiceProcess() }

    @Test("§12 palliative answers through POST /v2/palliative", arguments: WorkedCheck.all)
    func palliative(check: WorkedCheck) throws {
        let response = try service().send("POST", "/v2/palliative", body: check.body)
        #expect(response.status == 200, "\(response.text)")
        let answer = response.object
        #expect(answer.string("guidelineVersion") == "2026.12-1")
        #expect(answer.string("scope") == check.scope)
        #expect(answer.string("pathway") == check.pathway)
        #expect((answer["indicated"] as? Bool) == check.indicated)
        let codes = answer.array("warnings").compactMap { $0.string("code") }
        for code in check.warnings { #expect(codes.contains(code), "warning \(code) in \(codes)") }
        for code in check.absentWarnings { #expect(!codes.contains(code), "no warning \(code)") }
        #expect(Set(codes).count == codes.count, "one warning per code")
        guard check.indicated else {
            #expect(answer["line"] is NSNull)
            #expect(answer["lineContext"] is NSNull)
            #expect(answer.array("options").isEmpty)
            #expect(answer.array("notRecommended").isEmpty)
            #expect(answer.string("reason")?.isEmpty == false)
            return
        }
        #expect(answer.string("lineContext") == check.lineContext)
        #expect(answer.array("investigational").map { $0.string("agent") } == ["ipilimumab"])
        let options = answer.array("options")
        #expect(options.map { $0.string("agent") ?? "" } == check.options.map(\.agent))
        for (index, (option, expected)) in zip(options, check.options).enumerated() {
            let agent = expected.agent
            #expect(option.int("rank") == index + 1, "\(agent) rank")
            #expect((option["preferred"] as? Bool) == expected.preferred, "\(agent) preferred")
            if let rule = expected.rule { #expect(option.string("ruleId") == rule, "\(agent) ruleId") }
            if let category = expected.category {
                if category == "—" {
                    #expect(option["nccnCategory"] is NSNull, "\(agent) category")
                    #expect(option.string("categoryBasis") == "none", "\(agent) basis")
                } else {
                    #expect(option.string("nccnCategory") == category.replacingOccurrences(of: "*", with: ""))
                    #expect((option["categoryDefaulted"] as? Bool) == category.hasSuffix("*"), "\(agent) defaulted")
                    #expect(option.string("categoryBasis") == expected.basis, "\(agent) basis")
                }
            }
            #expect(option.string("categoryDisplay")?.isEmpty == false)
        }
        let withheld = answer.array("notRecommended")
        #expect(withheld.map { $0.string("agent") ?? "" } == check.notRecommended.map(\.agent))
        for (item, expected) in zip(withheld, check.notRecommended) {
            #expect(item.string("reasonCode") == expected.code, "\(expected.agent) reasonCode")
            #expect((item["otherReasonCodes"] as? [String]) == expected.others, "\(expected.agent) otherReasonCodes")
            #expect(item["nccnCategory"] is NSNull)
            #expect(item["categoryDisplay"] is NSNull)
        }
    }

    @Test(
        "§12 staging: AJCC group, planning grade and group, classification and displayTnm", arguments: StagingCheck.all)
    func staging(check: StagingCheck) throws {
        let service = try service()
        let answer = try service.send("POST", "/v2/staging", body: check.check.body).object
        #expect(["t", "n", "m", "grade"].map { answer.string($0) ?? "" } == check.tnm)
        #expect(answer.string("displayTnm") == check.displayTnm)
        #expect(answer.string("classification") == check.classification)
        #expect(answer.string("stageGroup") == check.stageGroup)
        #expect(answer.string("planningGrade") == check.planningGrade)
        #expect(answer.string("planningStageGroup") == check.planningStageGroup)
        #expect((answer["planningStageGroupReason"] is NSNull) == (check.planningStageGroup != nil))
        #expect(answer.string("gradeApplicability") == check.gradeApplicability)
        let codes = answer.array("warnings").compactMap { $0.string("code") }
        for code in check.warnings { #expect(codes.contains(code), "warning \(code) in \(codes)") }
        if check.stageGroup == nil {
            #expect(answer.string("stageGroupReason")?.hasPrefix("DFSP: FNCLCC grading does not apply") == true)
            #expect(!codes.contains("grade_unknown"), "no 'establish the grade' warning for DFSP")
        }
        let ruleIds = answer.array("recommendations").compactMap { $0.string("ruleId") }
        #expect(ruleIds.contains("STAGE-RECURRENCE") == (check.classification == "recurrence"))
        #expect(ruleIds.contains("STAGE-DFSP") == (check.stageGroup == nil))
        let text = try service.send(
            "POST", "/v2/staging", headers: [("Accept", "text/plain")], body: check.check.body
        ).text
        #expect(text.contains("\(check.displayTnm) -> " + (check.stageGroup.map { "stage \($0)" } ?? "no stage group")))
        let cited = text.split(separator: "[").dropFirst().flatMap {
            $0.prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(Set(cited).isSubset(of: ruleIds), "the text cites only the JSON's rule ids: \(cited)")
        let assessment = try service.send("POST", "/v2/assessment", body: check.check.body).object
        let section = try #require(assessment["staging"] as? [String: Any])
        let sorted = { (object: [String: Any]) in
            try JSONSerialization.data(withJSONObject: object, options: .sortedKeys)
        }
        #expect(try sorted(section) == sorted(answer), "the assessment's staging is /v2/staging's")
    }

    @Test("text/plain: options in rank order with preferred marked, reasons, combinations, only the JSON's rule ids")
    func plainText() throws {
        let service = try service()
        let p1 = WorkedCheck.all[0]
        let json = try service.send("POST", "/v2/palliative", body: p1.body).object
        let response = try service.send("POST", "/v2/palliative", headers: [("Accept", "text/plain")], body: p1.body)
        #expect(response.header("Content-Type")?.hasPrefix("text/plain") == true)
        // The lines wrap at 80 columns; the phrases are read with the wrapping undone.
        let text = ContractTwoSectionEndToEndTests.flat(response.text)
        #expect(text.contains("1. pazopanib: NCCN category 2A (defaulted: listed without a stated category)"))
        #expect(text.contains("3. clinical trial"))
        #expect(text.contains("4. best supportive care"))
        #expect(text.contains("doxorubicin + ifosfamide:"), "REND-COMBINATION")
        #expect(text.contains("(requires_iv)"))
        #expect(text.contains("guideline pack 2026.12-1"))
        let cited = Set(
            text.split(separator: "[").dropFirst().flatMap {
                $0.prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            })
        let inJSON = Set(
            (json.array("options") + json.array("notRecommended") + json.array("investigational")).flatMap {
                ($0["ruleIds"] as? [String] ?? []) + [$0.string("ruleId") ?? ""]
            } + ["SCOPE-PATHWAY"])
        #expect(cited.subtracting(inJSON).isEmpty, "cited but not in the JSON: \(cited.subtracting(inJSON))")

        let v2 = WorkedCheck.all.first { $0.name.hasPrefix("V-CHILD") }!
        let child = try service.send("POST", "/v2/palliative", headers: [("Accept", "text/plain")], body: v2.body).text
        #expect(child.contains("1. pediatric protocol referral (preferred)"))
        #expect(child.contains("2. best supportive care (preferred)"))
        let explained = try service.send(
            "POST", "/v2/palliative?explain=true", headers: [("Accept", "text/plain")], body: v2.body
        ).text
        #expect(explained.contains("Trace"))
        #expect(explained.contains("SCOPE-PATHWAY applied"))
    }

    @Test("?guidelineVersion= selects a loaded contract-2 pack; 2026.11-1 and unknown versions are 400")
    func packSelection() throws {
        let service = try service()
        let body = WorkedCheck.all[1].body
        let chosen = try service.send("POST", "/v2/palliative?guidelineVersion=2026.12-1", body: body)
        #expect(chosen.status == 200)
        #expect(chosen.object.string("guidelineVersion") == "2026.12-1")
        let old = try service.send("POST", "/v2/staging?guidelineVersion=2026.11-1", body: body)
        #expect(old.status == 400)
        #expect(old.object.string("detail") == "pack 2026.11-1 is answered by the /v1 endpoints only")
        let unknown = try service.send("POST", "/v2/palliative?guidelineVersion=2099.01-1", body: body)
        #expect(unknown.status == 400)
        #expect(unknown.object.string("detail")?.contains("loaded: 2026.12-1") == true)
        let v1 = try service.send("POST", "/v1/staging?guidelineVersion=2026.12-1", body: body)
        #expect(v1.status == 400, "v1: unknown query parameters are 400")
    }

    @Test("CONS-WDLS-GRADE and delta §1 conflicts are 422 on /v2 and case writes; /v1 evaluations keep v1's checks")
    func newValidationErrors() throws {
        let service = try service()
        let wdls = #"{"tumor": {"site": "extremity", "histology": "well_differentiated_liposarcoma", "grade": 3}}"#
        for path in ["/v2/staging", "/v2/palliative", "/v1/cases", "/v1/validate"] {
            let response = try service.send("POST", path, body: wdls)
            #expect(response.status == 422, "\(path)")
            let errors = response.object.array("errors")
            #expect(errors.map { $0.string("pointer") } == ["/tumor/grade"], "\(path)")
            #expect(
                errors.first?.string("detail")?.hasPrefix("well-differentiated liposarcoma (ALT/WDLS) is low grade")
                    == true)
        }
        #expect(try service.send("POST", "/v1/assessment", body: wdls).status == 200)

        let conflict = #"{"tumor": {"site": "trunk", "metastasis": "M0"}, "disease": {"localDisease": "absent"}}"#
        let refused = try service.send("POST", "/v1/cases", body: conflict)
        #expect(refused.status == 422)
        #expect(refused.object.array("errors").first?.string("pointer") == "/disease/localDisease")
        #expect(try service.send("POST", "/v2/palliative", body: conflict).status == 422)
        #expect(try service.send("POST", "/v1/palliative", body: conflict).status == 200)
        let uterine = try service.send(
            "POST", "/v2/staging", body: #"{"tumor": {"site": "visceral", "histology": "uterine_sarcoma"}}"#)
        #expect(uterine.status == 422)
        #expect(uterine.object.array("errors").first?.string("pointer") == "/tumor/histology")
    }

    @Test("stored cases: /v2 evaluations are recorded as contract v2; each contract's listing")
    func storedEvaluations() throws {
        let service = try service()
        let check = WorkedCheck.all[1]
        let created = try service.send("POST", "/v1/cases", body: check.body)
        #expect(created.status == 201)
        let id = try #require(created.object.string("id"))
        #expect(created.object.object("disease").isEmpty == false)

        let v2 = try service.send("GET", "/v2/cases/\(id)/palliative")
        #expect(v2.status == 200)
        #expect(v2.object.string("pathway") == "best_supportive_care")
        #expect(v2.object.object("evaluation").string("contractVersion") == "v2")
        let v1 = try service.send("GET", "/v1/cases/\(id)/palliative")
        #expect(v1.status == 200)
        #expect(v1.header("Link") == "</v2/cases/\(id)/palliative>; rel=\"successor-version\"")
        #expect(v1.object.object("evaluation")["contractVersion"] == nil)

        let v1List = try service.send("GET", "/v1/cases/\(id)/evaluations").object
        #expect(v1List.array("items").map { $0.string("guidelineVersion") } == ["2026.11-1"])
        #expect(v1List.int("newerContractRecords") == 1)
        let v2List = try service.send("GET", "/v2/cases/\(id)/evaluations").object
        #expect(Set(v2List.array("items").compactMap { $0.string("contractVersion") }) == ["v1", "v2"])

        let alias = try service.send("GET", "/v2/cases/\(id)")
        #expect(alias.status == 404)
        #expect(alias.object.string("detail")?.contains("/v1/cases/{id}") == true)
        #expect(try service.send("POST", "/v2/cases", body: check.body).status == 404)
    }

    @Test("V-V1: /v1 answers pack 2026.11-1, then superseded_pack last, with Deprecation, Sunset and Link")
    func v1AnnouncesItsSuccessor() throws {
        let service = try service()
        let c30 = WorkedCheck.all.first { $0.name.hasPrefix("C30") }!
        let response = try service.send("POST", "/v1/assessment", body: c30.body)
        #expect(response.status == 200)
        let answer = response.object
        #expect(answer.string("guidelineVersion") == "2026.11-1")
        let warnings = answer.array("warnings")
        #expect(warnings.last?.string("code") == "superseded_pack")
        #expect(
            warnings.last?.string("message")
                == "Guideline pack 2026.11-1 is superseded by 2026.12-1; current answers: /v2/assessment")
        let options = answer.object("perioperative").array("options")
        #expect(
            options.contains {
                $0.string("modality") == "postoperative_chemotherapy" && $0.string("nccnCategory") == "2B"
            })
        // 2026-12-07T00:00:00Z, pack 2026.12-1's releasedAt.
        #expect(response.header("Deprecation") == "@1796601600")
        #expect(response.header("Sunset") == "Fri, 31 Dec 2027 23:59:59 GMT")
        #expect(response.header("Link") == "</v2/assessment>; rel=\"successor-version\"")
        let text = try service.send("POST", "/v1/staging", headers: [("Accept", "text/plain")], body: c30.body).text
        #expect(
            text.hasSuffix("Guideline pack 2026.11-1 is superseded by 2026.12-1; current answers: /v2/staging\n"))
        let problem = try service.send("POST", "/v1/staging", body: "{")
        #expect(problem.status == 400)
        #expect(problem.header("Deprecation") == "@1796601600", "headers on every response of these routes")

        let mapped = try service.send(
            "POST", "/v1/staging",
            body: #"{"tumor": {"site": "trunk", "histology": "pecoma"}, "disease": {"priorRadiotherapy": true}}"#)
        #expect(mapped.status == 200)
        #expect(
            mapped.object.array("warnings").suffix(3).map { $0.string("code") }
                == ["input_not_used_by_pack", "histology_mapped_for_pack", "superseded_pack"])
    }

    @Test("v1Sunset and publicBaseUrl shape the headers; a sunset before the deprecation refuses to start")
    func successorSettings() throws {
        let body = WorkedCheck.all[1].body
        let service = try ServiceProcess(environment: [
            "SARCOMA_GUIDE_V1_SUNSET": "Sat, 01 Jan 2028 00:00:00 GMT",
            "SARCOMA_GUIDE_V1_DEPRECATION": "2026-12-08T12:00:00Z",
            "SARCOMA_GUIDE_PUBLIC_BASE_URL": "https://sts.example.org",
        ])
        let response = try service.send("POST", "/v1/palliative", body: body)
        #expect(response.header("Sunset") == "Sat, 01 Jan 2028 00:00:00 GMT")
        #expect(response.header("Deprecation") == "@1796731200")
        #expect(response.header("Link") == "<https://sts.example.org/v2/palliative>; rel=\"successor-version\"")
        #expect(throws: (any Error).self) {
            _ = try ServiceProcess(environment: ["SARCOMA_GUIDE_V1_SUNSET": "Mon, 30 Nov 2026 00:00:00 GMT"])
        }
        #expect(throws: (any Error).self) {
            _ = try ServiceProcess(environment: ["SARCOMA_GUIDE_V1_SUNSET": "31 Dec 2027"])
        }
    }
}
