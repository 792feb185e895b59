import Foundation
import HTTPServer
import Testing

/// Expected values come from `docs/clinical/clinical-rules-2026.11-1.md` applied to the contract's example case:
/// extremity, 12.5 cm (T3: > 10 to <= 15), N0, M0, FNCLCC 3 + 3 (22 mitoses) + 1 (30 %
/// necrosis) = 7 -> G3, so stage IIIB (STAGE-TE); myxofibrosarcoma -> 2 cm margin
/// (MARGIN-INFILTRATIVE-2CM); SUVmax 11 -> 5.5 is a 50.0 % reduction (IMG-PET-RESPONSE).
@Suite("Evaluation endpoints on the real binary")
struct EvaluationEndToEndTests {
    @Test func statelessEvaluationsFollowTheRules() throws {
        let service = try ServiceProcess()
        let body = Fixtures.contractCase()

        let staging = try service.send("POST", "/v1/staging", body: body).object
        #expect(staging.string("t") == "T3")
        #expect(staging.string("n") == "N0")
        #expect(staging.string("m") == "M0")
        #expect(staging.string("grade") == "G3")
        #expect(staging.string("stageGroup") == "IIIB")
        #expect(staging["stageGroupReason"] is NSNull)
        #expect(staging.int("ajccEdition") == 8)
        #expect(staging.int("fnclccScore") == 7)
        #expect(staging.string("guidelineVersion")?.isEmpty == false)
        #expect(staging["warnings"] is [Any])

        let margins = try service.send("POST", "/v1/margins", body: body).object
        #expect(margins.int("marginCm") == 2)
        #expect(margins.string("strategy") == "wide_en_bloc")
        let marginRules = margins.array("recommendations").compactMap { $0.string("ruleId") }
        #expect(marginRules.contains("MARGIN-MDT"))
        #expect(marginRules.contains("MARGIN-INFILTRATIVE-2CM"))

        let imaging = try service.send("POST", "/v1/imaging", body: body).object
        #expect(imaging.string("primaryChoice") == "one_of")
        #expect(imaging.array("metastaticWorkup").contains { $0.string("modality") == "chest_ct" })
        let response = imaging.object("petResponse")
        #expect((response["suvMaxReductionPercent"] as? NSNumber)?.doubleValue == 50.0)
        #expect((response["favorable"] as? Bool) == true)

        let periop = try service.send("POST", "/v1/perioperative", body: body).object
        #expect((periop["highRisk"] as? Bool) == true)
        let options = periop.array("options")
        #expect(options.contains { $0.string("modality") == "preoperative_rt" && $0.string("nccnCategory") == "1" })
        #expect(options.contains { $0.string("modality") == "postoperative_rt" && $0.string("nccnCategory") == "1" })
        #expect(options.contains { $0.string("modality") == "surgery" && $0["nccnCategory"] is NSNull })

        let palliative = try service.send("POST", "/v1/palliative", body: body).object
        #expect((palliative["indicated"] as? Bool) == false)
        #expect(palliative.array("options").isEmpty)

        let assessment = try service.send("POST", "/v1/assessment", body: body).object
        for member in ["staging", "margins", "imaging", "perioperative", "palliative"] {
            #expect(!assessment.object(member).isEmpty, "assessment.\(member)")
        }
        #expect(assessment.object("staging").string("stageGroup") == "IIIB")
    }

    @Test func plainTextForTheTerminal() throws {
        let service = try ServiceProcess()
        for kind in ["staging", "margins", "imaging", "perioperative", "palliative", "assessment"] {
            let response = try service.send(
                "POST", "/v1/\(kind)", headers: [("Accept", "text/plain")], body: Fixtures.contractCase())
            #expect(response.status == 200, "\(kind)")
            #expect(response.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(!response.text.isEmpty && response.text.hasSuffix("\n"))
        }
        let staging = try service.send(
            "POST", "/v1/staging", headers: [("Accept", "text/plain")], body: Fixtures.contractCase())
        #expect(staging.text.contains("IIIB"))
        let refused = try service.send(
            "POST", "/v1/staging", headers: [("Accept", "image/png")], body: Fixtures.contractCase())
        #expect(refused.status == 406)
    }

    @Test func explainAddsATrace() throws {
        let service = try ServiceProcess()
        let response = try service.send("POST", "/v1/staging?explain=true", body: Fixtures.contractCase()).object
        let trace = response.array("trace")
        #expect(trace.contains { $0.string("ruleId") == "STAGE-TE" && ($0["applied"] as? Bool) == true })
        let bad = try service.send("POST", "/v1/staging?explain=maybe", body: Fixtures.contractCase())
        #expect(bad.status == 400)
    }

    @Test func storedCaseEvaluationsAreRecorded() throws {
        let service = try ServiceProcess()
        let created = try service.send("POST", "/v1/cases", body: Fixtures.contractCase())
        let id = try #require(created.object.string("id"))
        for kind in ["staging", "margins", "imaging", "perioperative", "palliative", "assessment"] {
            let response = try service.send("GET", "/v1/cases/\(id)/\(kind)")
            #expect(response.status == 200, "\(kind)")
            #expect(response.object.object("evaluation").string("caseId") == id)
            #expect(response.object.object("evaluation").int("caseVersion") == 1)
        }
        let text = try service.send("GET", "/v1/cases/\(id)/staging", headers: [("Accept", "text/plain")])
        #expect(text.text.contains("IIIB"))

        let records = try service.send("GET", "/v1/cases/\(id)/evaluations").object.array("items")
        #expect(records.count == 7)
        #expect(records.first?.string("endpoint") == "staging")
        #expect(records.first?.object("result").string("stageGroup") == "IIIB")
        #expect(records.allSatisfy { $0.string("guidelineVersion")?.isEmpty == false })

        #expect(try service.send("GET", "/v1/cases/00000000-0000-0000-0000-000000000000/staging").status == 404)
    }
}
