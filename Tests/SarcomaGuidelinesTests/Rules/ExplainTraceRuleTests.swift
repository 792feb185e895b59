import JSON
@testable import SarcomaGuidelines
import Testing

/// `explain: true` adds a trace a clinician can read, naming at least the rules that fired.
@Suite("Explain trace")
struct ExplainTraceRuleTests {
    static let cases: [SarcomaCase] = [
        .contractExample,
        .ruleCase(.retroperitoneum, size: 14, histology: .wellDifferentiatedLiposarcoma, grade: 1, nodes: .n1),
        .ruleCase(
            size: 11, histology: .leiomyosarcoma, grade: 2, metastasis: .m1, priorLines: 1,
            priorAnthracycline: true),
    ]

    /// Strings the explained answer has beyond the plain one (counted, so a rule id that the
    /// plain answer already names once still counts when the trace names it again).
    static func addedStrings(_ explained: RulesJSON, over plain: RulesJSON) -> [String] {
        var remaining: [String: Int] = [:]
        for text in plain.allStrings { remaining[text, default: 0] += 1 }
        var added: [String] = []
        for text in explained.allStrings {
            if let count = remaining[text], count > 0 {
                remaining[text] = count - 1
            } else {
                added.append(text)
            }
        }
        return added
    }

    @Test("explain: the trace names every rule that fired", arguments: RulesEndpoint.allCases, cases)
    func traceNamesFiredRules(endpoint: RulesEndpoint, sarcomaCase: SarcomaCase) {
        let plain = RuleAnswer(endpoint: endpoint, for: sarcomaCase)
        let explained = RuleAnswer(endpoint: endpoint, for: sarcomaCase, explain: true)
        #expect(!explained.ruleIds.isEmpty)
        #expect(Set(explained.ruleIds) == Set(plain.ruleIds), "explain must not change the decision")
        // Only what explain adds counts: the plain answer already names rule ids.
        let addedLines = Self.addedStrings(
            RulesJSON(.array(explained.plainText.split(separator: "\n").map { .string(String($0)) })),
            over: RulesJSON(.array(plain.plainText.split(separator: "\n").map { .string(String($0)) })))
        let traceText = (Self.addedStrings(explained.json, over: plain.json) + addedLines).joined(separator: "\n")
        #expect(!traceText.isEmpty, "explain: true added nothing")
        for rule in explained.ruleIds {
            #expect(traceText.contains(rule), "the trace does not name \(rule)")
        }
        // The contract's scalar fixed fields are the same with or without the trace (arrays
        // and objects may gain trace members: the contract lets answers add fields).
        for member in ContractShapeRuleTests.members[endpoint] ?? []
        where !plain[member].isArray && !plain[member].isObject {
            #expect(explained[member].raw == plain[member].raw, "explain changed \(member)")
        }
    }

    @Test("plain text: the staging text gives the stage group")
    func plainTextStaging() {
        let answer = RuleAnswer(.staging, for: .contractExample)
        #expect(answer["stageGroup"].string == "IIIB")
        #expect(answer.plainText.contains("IIIB"))
    }
}
