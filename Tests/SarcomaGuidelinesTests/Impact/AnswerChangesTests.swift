import JSON
import Testing
@testable import SarcomaGuidelines

/// The impact comparison (contract delta §0.8) on hand-written pairs of answers: only what
/// differs is listed, compared by code, and every change names the `to` answer's rule ids.
@Suite("Impact report: what changed between two answers")
struct AnswerChangesTests {
    static func json(_ text: String) -> JSONValue {
        (try? JSONParser().parse(Array(text.utf8))) ?? .null
    }

    static func changes(_ from: String, _ to: String) -> AnswerChanges {
        AnswerChanges(from: json(from), to: json(to))
    }

    static func strings(_ value: JSONValue?) -> [String] { (value?.arrayValue ?? []).compactMap(\.stringValue) }

    @Test("The same answer twice: nothing changed")
    func identical() {
        let answer = """
            {"warnings": [{"code": "nodes_defaulted"}], "staging": {"stageGroup": "II", "grade": "G3"},
             "palliative": {"indicated": false, "line": null, "options": [], "notRecommended": []}}
            """
        let result = Self.changes(answer, answer)
        #expect(!result.changed)
        #expect(result.changes.isEmpty)
    }

    @Test("Scalars compared by value, each naming the rules of its field in the to answer")
    func scalars() {
        let result = Self.changes(
            #"{"staging": {"stageGroup": "IB", "grade": "GX"}, "margins": {"strategy": "wide_en_bloc", "marginCm": 2, "amputation": "not_indicated"}}"#,
            """
            {"staging": {"stageGroup": "IB", "grade": "GX", "planningStageGroup": "IIIB",
                         "recommendations": [{"ruleId": "STAGE-TE", "ruleIds": ["STAGE-TE"]}],
                         "trace": [{"ruleId": "STAGE-PLANNING", "applied": true}, {"ruleId": "STAGE-DFSP", "applied": false}]},
             "margins": {"strategy": "en_bloc_compartmental", "marginCm": null, "amputation": "not_indicated",
                         "reExcision": "not_applicable", "marginRuleIds": ["MARGIN-RP-EN-BLOC"],
                         "recommendations": [{"ruleId": "MARGIN-REEXCISION"}]}}
            """)
        let staging = result.changes["staging"]
        #expect(staging?["stageGroup"] == nil, "IB in both: not a change")
        #expect(staging?["grade"] == nil)
        #expect(staging?["planningStageGroup"]?["to"] == .string("IIIB"))
        #expect(Self.strings(staging?["planningStageGroup"]?["ruleIds"]) == ["STAGE-PLANNING"])
        let margins = result.changes["margins"]
        #expect(margins?["strategy"]?["from"] == .string("wide_en_bloc"))
        #expect(margins?["strategy"]?["to"] == .string("en_bloc_compartmental"))
        #expect(margins?["marginCm"]?["from"] == .number(2))
        #expect(margins?["marginCm"]?["to"] == .null)
        #expect(Self.strings(margins?["marginCm"]?["ruleIds"]) == ["MARGIN-RP-EN-BLOC"])
        #expect(margins?["amputation"] == nil)
        #expect(margins?["reExcision"] == nil, "the from answer has no reExcision (v1): not compared")
    }

    @Test("Stage II: chemotherapy removed, RT added, pathway named (rules §13 PERIOP-STAGE2-RT)")
    func perioperativeOptions() {
        let result = Self.changes(
            """
            {"perioperative": {"highRisk": false, "options": [
                {"modality": "surgery", "nccnCategory": null, "ruleId": "PERIOP-SURGERY", "ruleIds": ["PERIOP-SURGERY"]},
                {"modality": "postoperative_chemotherapy", "nccnCategory": "2B", "ruleId": "PERIOP-POSTOP-CHEMO", "ruleIds": ["PERIOP-POSTOP-CHEMO"]}]}}
            """,
            """
            {"perioperative": {"highRisk": false, "pathway": "localized_resectable", "scope": "adult_sts", "options": [
                {"modality": "surgery", "nccnCategory": null, "ruleIds": ["PERIOP-SURGERY"]},
                {"modality": "postoperative_rt", "nccnCategory": null, "ruleIds": ["PERIOP-STAGE2-RT"]},
                {"modality": "preoperative_rt", "nccnCategory": null, "ruleIds": ["PERIOP-STAGE2-RT"]}],
              "notRecommended": [],
              "trace": [{"ruleId": "SCOPE-PATHWAY", "applied": true}, {"ruleId": "PERIOP-POSTOP-CHEMO", "applied": false}]}}
            """)
        let periop = result.changes["perioperative"]
        #expect(periop?["pathway"]?["to"] == .string("localized_resectable"))
        #expect(periop?["pathway"]?["from"] == nil, "v1 has no pathway: only the new value")
        #expect(Self.strings(periop?["pathway"]?["ruleIds"]) == ["SCOPE-PATHWAY"])
        #expect(periop?["scope"]?["to"] == .string("adult_sts"))
        let added = periop?["added"]?.arrayValue ?? []
        #expect(added.map { $0["modality"] } == [.string("postoperative_rt"), .string("preoperative_rt")])
        #expect(added.allSatisfy { Self.strings($0["ruleIds"]) == ["PERIOP-STAGE2-RT"] })
        let removed = periop?["removed"]?.arrayValue ?? []
        #expect(removed.map { $0["modality"] } == [.string("postoperative_chemotherapy")])
        #expect(Self.strings(removed.first?["ruleIds"]) == ["PERIOP-POSTOP-CHEMO"], "the to trace still names it")
        #expect(periop?["highRisk"] == nil)
        #expect(periop?["categoryChanged"] == nil, "surgery null in both")
    }

    @Test("Palliative: withheld with its reason code, category and preferred changes, unchanged agents left out")
    func palliativeAgents() {
        let result = Self.changes(
            """
            {"palliative": {"indicated": true, "line": "subsequent", "notRecommended": [], "options": [
                {"agent": "pazopanib", "nccnCategory": "2A", "ruleIds": ["PALL-PAZOPANIB-SUBSEQUENT"]},
                {"agent": "pembrolizumab", "nccnCategory": "2A", "ruleIds": ["PALL-PD1"]},
                {"agent": "clinical_trial", "nccnCategory": null, "ruleIds": ["PALL-TRIAL"]}]}}
            """,
            """
            {"palliative": {"indicated": true, "line": "subsequent", "options": [
                {"agent": "pazopanib", "nccnCategory": "2A", "preferred": true, "ruleIds": ["PALL-PAZOPANIB-SUBSEQUENT"]},
                {"agent": "doxorubicin", "nccnCategory": null, "preferred": false, "ruleIds": ["PALL-ANTHRACYCLINE-FIRST"]},
                {"agent": "clinical_trial", "nccnCategory": null, "preferred": false, "ruleIds": ["PALL-TRIAL"]},
                {"agent": "best_supportive_care", "nccnCategory": null, "preferred": false, "ruleIds": ["PALL-BSC"]}],
              "notRecommended": [
                {"agent": "pembrolizumab", "reasonCode": "histology_no_activity", "ruleId": "PALL-PD1", "ruleIds": ["PALL-PD1"]},
                {"agent": "nivolumab", "reasonCode": "insufficient_activity", "ruleIds": ["PALL-PD1"]}]}}
            """)
        let palliative = result.changes["palliative"]
        #expect(palliative?["indicated"] == nil)
        #expect(palliative?["line"] == nil)
        let added = (palliative?["added"]?.arrayValue ?? []).map { $0["agent"] }
        #expect(added == [.string("doxorubicin"), .string("best_supportive_care")])
        #expect(palliative?["removed"] == nil, "pembrolizumab is withheld, not silently removed")
        let withheld = palliative?["withheld"]?.arrayValue ?? []
        #expect(withheld.map { $0["agent"] } == [.string("pembrolizumab"), .string("nivolumab")])
        #expect(withheld.first?["reasonCode"] == .string("histology_no_activity"))
        #expect(withheld.first?["wasListed"] == .bool(true))
        #expect(withheld.last?["wasListed"] == .bool(false))
        #expect(Self.strings(withheld.first?["ruleIds"]) == ["PALL-PD1"])
        let preferred = palliative?["preferredChanged"]?.arrayValue ?? []
        #expect(preferred.map { $0["agent"] } == [.string("pazopanib")])
        #expect(preferred.first?["from"] == .bool(false), "v1 marks nothing preferred")
        #expect(palliative?["categoryChanged"] == nil)
    }

    @Test("A category change names the to option's rules")
    func categoryChange() {
        let result = Self.changes(
            #"{"palliative": {"options": [{"agent": "larotrectinib", "nccnCategory": "2A", "ruleIds": ["PALL-NTRK"]}]}}"#,
            #"{"palliative": {"options": [{"agent": "larotrectinib", "nccnCategory": null, "ruleIds": ["PALL-NTRK"]}]}}"#
        )
        let change = result.changes["palliative"]?["categoryChanged"]?[0]
        #expect(change?["from"] == .string("2A"))
        #expect(change?["to"] == .null)
        #expect(Self.strings(change?["ruleIds"]) == ["PALL-NTRK"])
    }

    @Test("Imaging: a modality removed and one added; pet by value")
    func imaging() {
        let result = Self.changes(
            """
            {"imaging": {"pet": "indicated", "primary": [{"modality": "mri", "ruleIds": ["IMG-PRIMARY-EXTREMITY-HN"]}],
              "metastaticWorkup": [{"modality": "chest_radiograph", "ruleIds": ["IMG-CHEST-XR"]}]}}
            """,
            """
            {"imaging": {"pet": "optional", "primary": [{"modality": "mri", "ruleIds": ["IMG-PRIMARY-EXTREMITY-HN"]}],
              "metastaticWorkup": [{"modality": "chest_ct", "ruleIds": ["IMG-CHEST-CT"]}],
              "trace": [{"ruleId": "IMG-PET-OPTIONAL", "applied": true}, {"ruleId": "IMG-CHEST-XR", "applied": false}]}}
            """)
        let imaging = result.changes["imaging"]
        #expect(imaging?["primary"] == nil)
        #expect(imaging?["metastaticWorkup"]?["added"]?[0]?["modality"] == .string("chest_ct"))
        #expect(imaging?["metastaticWorkup"]?["removed"]?[0]?["modality"] == .string("chest_radiograph"))
        #expect(Self.strings(imaging?["metastaticWorkup"]?["removed"]?[0]?["ruleIds"]) == ["IMG-CHEST-XR"])
        #expect(imaging?["pet"]?["to"] == .string("optional"))
        #expect(Self.strings(imaging?["pet"]?["ruleIds"]) == ["IMG-PET-OPTIONAL"])
    }

    @Test("Options moved to perioperative systemicOptions; warnings only when new")
    func movedOptionsAndWarnings() {
        let result = Self.changes(
            """
            {"warnings": [{"code": "nodes_defaulted"}],
             "perioperative": {"options": []},
             "palliative": {"indicated": true, "line": "first", "options": [{"agent": "doxorubicin", "ruleIds": ["PALL-ANTHRACYCLINE-FIRST"]}]}}
            """,
            """
            {"warnings": [{"code": "nodes_defaulted"}, {"code": "resectable_defaulted"}, {"code": "resectable_defaulted"}],
             "perioperative": {"options": [], "systemicOptions": [{"agent": "doxorubicin", "ruleIds": ["PALL-ANTHRACYCLINE-FIRST", "PERIOP-CONVERSION"]}]},
             "palliative": {"indicated": false, "line": null, "options": [], "trace": [{"ruleId": "PALL-NOT-LOCALIZED", "applied": true}]}}
            """)
        #expect(Self.strings(result.changes["warningsAdded"]) == ["resectable_defaulted"])
        let palliative = result.changes["palliative"]
        #expect(palliative?["indicated"]?["from"] == .bool(true))
        #expect(palliative?["indicated"]?["to"] == .bool(false))
        #expect(Self.strings(palliative?["indicated"]?["ruleIds"]) == ["PALL-NOT-LOCALIZED"])
        #expect(palliative?["line"]?["to"] == .null)
        #expect(palliative?["removed"]?[0]?["agent"] == .string("doxorubicin"))
        #expect(Self.strings(palliative?["removed"]?[0]?["ruleIds"]) == ["PALL-NOT-LOCALIZED"])
        #expect(Self.strings(palliative?["systemicOptions"]?["to"]) == ["doxorubicin"])
        #expect(
            Self.strings(palliative?["systemicOptions"]?["ruleIds"]) == [
                "PALL-ANTHRACYCLINE-FIRST", "PERIOP-CONVERSION",
            ])
    }
}
