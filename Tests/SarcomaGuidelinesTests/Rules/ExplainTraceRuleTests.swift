import Testing
@testable import SarcomaGuidelines

/// `explain: true` adds a trace a clinician can read, naming at least the rules that fired.
@Suite("Explain trace")
struct ExplainTraceRuleTests {
    static let cases: [SarcomaCase] = [
        .contractExample,
        .ruleCase(.retroperitoneum, size: 14, histology: .wellDifferentiatedLiposarcoma, grade: 1, nodes: .n1),
        .ruleCase(size: 11, histology: .leiomyosarcoma, grade: 2, metastasis: .m1, priorLines: 1,
                  priorAnthracycline: true),
    ]

    @Test("explain: the trace names every rule that fired", arguments: RulesEndpoint.allCases, cases)
    func traceNamesFiredRules(endpoint: RulesEndpoint, sarcomaCase: SarcomaCase) {
        let plain = RuleAnswer(endpoint: endpoint, for: sarcomaCase)
        let explained = RuleAnswer(endpoint: endpoint, for: sarcomaCase, explain: true)
        #expect(!explained.ruleIds.isEmpty)
        #expect(Set(explained.ruleIds) == Set(plain.ruleIds), "explain must not change the decision")
        // The trace: members the explained JSON has and the plain one lacks, or the added text.
        let addedMembers = explained.json.keys.filter { !plain.json.keys.contains($0) }
        let traceText = (addedMembers.flatMap { explained.json[$0].allStrings }
            + (explained.plainText.count > plain.plainText.count ? [explained.plainText] : []))
            .joined(separator: "\n")
        #expect(!traceText.isEmpty, "explain: true added nothing")
        for rule in explained.ruleIds {
            #expect(traceText.contains(rule), "the trace does not name \(rule)")
        }
        // Apart from the trace, the answer is the same.
        for key in plain.json.keys {
            #expect(explained.json[key].raw == plain.json[key].raw, "explain changed \(key)")
        }
    }

    @Test("plain text: the staging text gives the stage group")
    func plainTextStaging() {
        let answer = RuleAnswer(.staging, for: .contractExample)
        #expect(answer["stageGroup"].string == "IIIB")
        #expect(answer.plainText.contains("IIIB"))
    }
}
