import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// Contract delta §9, the staging export on pack 2026.12-1: the AJCC group (never the planning
/// group), DFSP as `dataAbsentReason` not-applicable with the DFSP reason, and a recurrence
/// with its codes unchanged and `displayTnm` (with `r`) in the texts.
@Suite("Staging export on pack 2026.12-1 (contract delta §9)")
struct StagingExportPackTwoTests {
    static let export = FHIRStagingExport(
        caseId: "c", patientReference: "Patient/p1", condition: .literal("Condition/c1"))

    static func staging(
        classification: String, displayTnm: String, t: String = "T1", group: String?, reason: String? = nil,
        planning: String? = nil, rules: [String] = ["STAGE-TE"]
    ) -> JSONValue {
        [
            "guidelineVersion": "2026.12-1", "siteGroup": "trunk_extremity", "t": .string(t), "n": "N0", "m": "M0",
            "grade": "G3", "stageGroup": group.map(JSONValue.string) ?? .null,
            "stageGroupReason": reason.map(JSONValue.string) ?? .null, "ajccEdition": 8,
            "classification": .string(classification), "displayTnm": .string(displayTnm),
            "planningStageGroup": planning.map(JSONValue.string) ?? .null,
            "recommendations": .array(rules.map { ["ruleId": .string($0)] }),
        ]
    }

    static func resource(_ bundle: JSONValue, code: String) -> JSONValue? {
        (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }.first {
            $0["code"]?["coding"]?[0]?["code"]?.stringValue == code
        }
    }

    /// (classification, displayTnm, group, planning group, T text, group text, narrative).
    static let rows: [(String, String, String?, String?, String, String?, String?)] = [
        ("clinical", "T1 N0 M0 G3", "II", nil, "cT1", "Stage II", nil),
        (
            "recurrence", "rT1 N0 M0 G3", "II", nil, "rT1", "Stage II (rT1 N0 M0 G3)",
            "Recurrence rT1 N0 M0 G3: stage II"
        ),
        // A planning group beside the AJCC one is never exported (synovial sarcoma GX: AJCC IB, planned IIIB).
        ("clinical", "T2 N0 M0 GX", "IB", "IIIB", "cT1", "Stage IB", nil),
    ]

    @Test("the group, its texts and the T text", arguments: rows)
    func groupAndTexts(
        classification: String, displayTnm: String, group: String?, planning: String?, tText: String,
        groupText: String?, narrative: String?
    ) throws {
        let bundle = Self.export.bundle(
            staging: Self.staging(
                classification: classification, displayTnm: displayTnm, group: group, planning: planning))
        let stage = try #require(Self.resource(bundle, code: "399537006"))
        #expect(stage["valueCodeableConcept"]?["text"]?.stringValue == groupText)
        let codes = (stage["valueCodeableConcept"]?["coding"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        #expect(codes.contains(group ?? "-") && !codes.contains("IIIB"))
        if let narrative {
            #expect(stage["text"]?["status"] == "generated")
            #expect(stage["text"]?["div"]?.stringValue?.contains(narrative) == true)
            #expect(
                stage["text"]?["div"]?.stringValue?.hasPrefix(#"<div xmlns="http://www.w3.org/1999/xhtml">"#) == true)
        } else {
            #expect(stage["text"] == nil)
        }
        let t = try #require(Self.resource(bundle, code: "399504009"))
        #expect(t["valueCodeableConcept"]?["text"]?.stringValue == tText)
        // The codes are unchanged for a recurrence: mCODE defines no rTNM code.
        #expect(t["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1228889001")  // cT1
        #expect(t["code"]?["coding"]?[0]?["code"] == "399504009")
    }

    /// (stage group null, reason, rules, dataAbsentReason code).
    static let absent: [(String, [String], String)] = [
        ("DFSP: FNCLCC grading does not apply", ["STAGE-TE", "STAGE-DFSP"], "not-applicable"),
        ("T category unknown (size not given)", ["STAGE-TE"], "unknown"),
    ]

    @Test("a null group is absent, not-applicable for DFSP", arguments: absent)
    func absentGroup(reason: String, rules: [String], code: String) throws {
        let bundle = Self.export.bundle(
            staging: Self.staging(
                classification: "clinical", displayTnm: "T1 N0 M0 G1", group: nil, reason: reason, rules: rules))
        let stage = try #require(Self.resource(bundle, code: "399537006"))
        #expect(stage["valueCodeableConcept"] == nil)
        #expect(stage["dataAbsentReason"]?["coding"]?[0]?["code"]?.stringValue == code)
        #expect(stage["dataAbsentReason"]?["text"]?.stringValue == reason)
    }

    @Test func aNarrativeEscapesMarkup() {
        #expect(
            FHIRStagingExport.narrative("a<b&c>")["div"]
                == #"<div xmlns="http://www.w3.org/1999/xhtml">a&lt;b&amp;c&gt;</div>"#)
    }
}
