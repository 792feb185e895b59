import Foundation
import JSON
@testable import SarcomaGuidelines
import Testing

/// The pack's catalogue against `docs/clinical/clinical-rules-2026.11-1.md`: the same ids both ways, and no answer
/// ever cites a rule outside the catalogue.
@Suite("Rule catalogue")
struct RuleCatalogueTests {
    /// `<package root>/docs/clinical/clinical-rules-2026.11-1.md`: the pack's specification,
    /// kept in the repository.
    static let clinicalRules: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Engine
        .deletingLastPathComponent()  // SarcomaGuidelinesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("docs/clinical/clinical-rules-2026.11-1.md")

    /// Rule ids as the document writes them: `[A-Z]+(-[A-Z0-9]+)+`, restricted to the rule
    /// families, since the same shape also matches trial names such as T-SAR.
    static func documentedIDs(in text: String) -> Set<String> {
        let families = RuleCatalogue.families.map(\.prefix)
        var ids: Set<String> = []
        let pattern = /[A-Z]+(-[A-Z0-9]+)+/
        for match in text.matches(of: pattern) {
            let id = String(match.output.0)
            // Whole tokens only: not the tail of a longer word.
            if match.range.lowerBound > text.startIndex {
                let before = text[text.index(before: match.range.lowerBound)]
                if before.isLetter || before.isNumber || before == "-" { continue }
            }
            if families.contains(where: id.hasPrefix) { ids.insert(id) }
        }
        return ids
    }

    @Test(
        "Every rule id of `docs/clinical/clinical-rules-2026.11-1.md` is in the catalogue, and every catalogue id is in `docs/clinical/clinical-rules-2026.11-1.md`"
    )
    func catalogueMatchesDocument() throws {
        guard let data = FileManager.default.contents(atPath: Self.clinicalRules.path),
            let text = String(data: data, encoding: .utf8)
        else {
            // The document is part of the repository: its absence is a failure, not a skip.
            Issue.record("missing \(Self.clinicalRules.path)")
            return
        }
        let documented = Self.documentedIDs(in: text)
        let catalogued = Set(PackFixture.pack.rules.map(\.id))
        #expect(documented.count >= 30, "parsed only \(documented.sorted())")
        #expect(
            documented.subtracting(catalogued).isEmpty,
            "not in the pack: \(documented.subtracting(catalogued).sorted())")
        #expect(
            catalogued.subtracting(documented).isEmpty,
            "not in `docs/clinical/clinical-rules-2026.11-1.md`: \(catalogued.subtracting(documented).sorted())")
        #expect(Set(RuleID.allCases.map(\.rawValue)) == documented)
    }

    @Test("Catalogue entries are complete: family, summary, a declared source")
    func entriesComplete() {
        for rule in PackFixture.pack.rules {
            #expect(!rule.family.isEmpty && !rule.summary.isEmpty && !rule.source.isEmpty, "\(rule.id)")
        }
        #expect(PackFixture.pack.rules.first { $0.id == "STAGE-TE" }?.source == "AJCC 8 ch. 41")
        #expect(PackFixture.pack.rules.first { $0.id == "PALL-PD1" }?.source == "NCI PDQ (source-slides)")
    }

    @Test("Every fired, traced and cited rule id is in the catalogue", arguments: EngineSampleCases.all)
    func firedRulesCatalogued(sample: EngineSampleCase) {
        let catalogued = Set(PackFixture.pack.rules.map(\.id))
        for kind in EvaluationKind.allCases {
            let evaluation = PackFixture.engine.evaluate(kind, for: sample.value, explain: true)
            #expect(!evaluation.ruleIds.isEmpty, "\(kind): nothing fired")
            for id in evaluation.ruleIds { #expect(catalogued.contains(id), "\(kind) fired \(id)") }
            for id in EngineJSON.strings(named: ["ruleId", "ruleIds"], in: evaluation.json) {
                #expect(catalogued.contains(id), "\(kind) cites \(id)")
            }
            // Every fired rule is traced as applied, and only fired rules are.
            let applied = Set(EngineJSON.traceEntries(in: evaluation.json).filter { $0.applied }.map(\.ruleId))
            #expect(
                applied == Set(evaluation.ruleIds), "\(kind): trace \(applied.sorted()) vs fired \(evaluation.ruleIds)")
        }
    }

    @Test("GET /v1/guidelines body: version, label, rules with id/family/summary/source, decisions")
    func guidelinesBody() {
        let json = PackFixture.pack.json
        #expect(json.engineValue("guidelineVersion") == "2026.11-1")
        #expect(json.engineValue("label") == "sarcoma-guide STS pack")
        let rules = json.engineValue("rules")?.arrayValue ?? []
        #expect(rules.count == RuleID.allCases.count)
        for rule in rules {
            for key in ["id", "family", "summary", "source"] {
                #expect(rule.engineValue(key)?.stringValue?.isEmpty == false, "\(key) in \(rule)")
            }
        }
        let decisions = json.engineValue("decisions")?.arrayValue ?? []
        #expect(decisions.count >= 6, "section 7 readings are recorded")
        #expect(decisions.allSatisfy { $0.engineValue("decision")?.stringValue != nil })
    }
}
