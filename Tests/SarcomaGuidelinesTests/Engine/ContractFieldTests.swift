import Foundation
import JSON
@testable import SarcomaGuidelines
import Testing

/// Every field api-contract.md names is present in every answer (null, never omitted), and
/// every recommendation object carries the contract's recommendation fields.
@Suite("Contract fields")
struct ContractFieldTests {
    /// Fixed fields per endpoint; `items[]` paths are checked on every item of the array.
    static let fixedFields: [EvaluationKind: [String]] = [
        .staging: [
            "guidelineVersion", "warnings", "t", "n", "m", "grade", "stageGroup", "stageGroupReason",
            "ajccEdition", "fnclccScore", "siteGroup", "recommendations",
        ],
        .margins: [
            "guidelineVersion", "warnings", "marginCm", "strategy", "amputation", "biopsy",
            "biopsy.excisionalBiopsyAdvised", "biopsy.method", "recommendations",
        ],
        .imaging: [
            "guidelineVersion", "warnings", "primary", "metastaticWorkup", "primaryChoice", "pet", "petResponse",
            "primary[].modality", "primary[].required", "primary[].preferred",
            "metastaticWorkup[].modality", "metastaticWorkup[].required", "metastaticWorkup[].preferred",
        ],
        .perioperative: [
            "guidelineVersion", "warnings", "options", "highRisk", "reason", "options[].modality",
            "options[].nccnCategory",
        ],
        .palliative: [
            "guidelineVersion", "warnings", "indicated", "line", "options", "notRecommended", "investigational",
            "reason", "options[].agent", "notRecommended[].agent", "notRecommended[].reason",
            "notRecommended[].ruleId", "investigational[].agent", "investigational[].reason",
            "investigational[].ruleId",
        ],
        .assessment: ["guidelineVersion", "warnings", "staging", "margins", "imaging", "perioperative", "palliative"],
    ]

    static let recommendationFields = [
        "ruleId", "ruleIds", "nccnCategory", "categoryDefaulted", "rationale", "source", "evidence",
    ]

    static func missing(_ path: String, in json: JSONValue) -> [String] {
        guard let split = path.range(of: "[].") else { return json.engineValue(path) == nil ? [path] : [] }
        let list = json.engineValue(String(path[..<split.lowerBound]))?.arrayValue ?? []
        let member = String(path[split.upperBound...])
        return list.indices.filter { list[$0].engineValue(member) == nil }.map { "\(path) (item \($0))" }
    }

    @Test("Fixed fields present in every answer", arguments: EvaluationKind.allCases, EngineSampleCases.all)
    func fixedFieldsPresent(kind: EvaluationKind, sample: EngineSampleCase) {
        let json = PackFixture.engine.evaluate(kind, for: sample.value).json
        for path in Self.fixedFields[kind] ?? [] {
            #expect(Self.missing(path, in: json).isEmpty, "\(kind.rawValue) lacks \(Self.missing(path, in: json))")
        }
        if kind == .assessment {
            for section in GuidelineEngine.assessedKinds {
                for path in Self.fixedFields[section] ?? [] {
                    let sectionJSON = json.engineValue(section.rawValue) ?? .null
                    #expect(Self.missing(path, in: sectionJSON).isEmpty, "assessment.\(section.rawValue) lacks \(path)")
                }
            }
        }
        if case .object(let object) = json {
            #expect(object.keys.first == "guidelineVersion")
        }
    }

    @Test(
        "Recommendation objects: all fields, ruleId first in ruleIds, categories only on therapy options",
        arguments: EvaluationKind.allCases, EngineSampleCases.all)
    func recommendationObjects(kind: EvaluationKind, sample: EngineSampleCase) {
        let json = PackFixture.engine.evaluate(kind, for: sample.value, explain: true).json
        let sections: [(EvaluationKind, JSONValue)] =
            kind == .assessment
            ? GuidelineEngine.assessedKinds.map { ($0, json.engineValue($0.rawValue) ?? .null) } : [(kind, json)]
        for (section, body) in sections {
            let therapy = section == .perioperative || section == .palliative
            for object in EngineJSON.recommendationObjects(in: body) {
                for field in Self.recommendationFields {
                    #expect(object[field] != nil, "\(section.rawValue): \(field) missing in \(object)")
                }
                let ids = object["ruleIds"]?.arrayValue?.compactMap(\.stringValue) ?? []
                #expect(ids.first == object["ruleId"]?.stringValue, "\(object)")
                let category = object["nccnCategory"] ?? .null
                #expect([.null, "1", "2A", "2B"].contains(category), "\(object)")
                if object["categoryDefaulted"] == true { #expect(category == "2A", "\(object)") }
                if !therapy {
                    #expect(category == .null && object["categoryDefaulted"] == false, "\(section.rawValue): \(object)")
                }
            }
        }
    }

    @Test(
        "Assessment: each member is its endpoint's answer; warnings are their de-duplicated union",
        arguments: EngineSampleCases.all)
    func assessmentComposition(sample: EngineSampleCase) {
        let assessment = PackFixture.engine.evaluate(.assessment, for: sample.value)
        var union: [JSONValue] = []
        var fired: Set<String> = []
        for kind in GuidelineEngine.assessedKinds {
            let own = PackFixture.engine.evaluate(kind, for: sample.value)
            #expect(assessment.json.engineValue(kind.rawValue) == own.json, "\(kind.rawValue)")
            for warning in own.json.engineValue("warnings")?.arrayValue ?? [] where !union.contains(warning) {
                union.append(warning)
            }
            fired.formUnion(own.ruleIds)
        }
        #expect(assessment.json.engineValue("warnings") == .array(union))
        #expect(Set(assessment.ruleIds) == fired)
    }

    @Test("explain adds a trace and changes nothing else", arguments: EvaluationKind.allCases)
    func explainOnlyAddsTrace(kind: EvaluationKind) {
        for sample in EngineSampleCases.all {
            let plain = PackFixture.engine.evaluate(kind, for: sample.value)
            let explained = PackFixture.engine.evaluate(kind, for: sample.value, explain: true)
            #expect(plain.ruleIds == explained.ruleIds)
            #expect(Self.withoutTrace(explained.json) == plain.json, "\(sample.name)")
            let trace = EngineJSON.traceEntries(in: explained.json)
            #expect(!trace.isEmpty)
            for entry in trace {
                #expect(entry.reason.hasPrefix(entry.ruleId + (entry.applied ? ":" : " not applied:")), "\(entry)")
            }
        }
    }

    static func withoutTrace(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(object.members.filter { $0.key != "trace" }.map { ($0.key, withoutTrace($0.value)) }))
        case .array(let items):
            return .array(items.map(withoutTrace))
        default:
            return value
        }
    }
}
