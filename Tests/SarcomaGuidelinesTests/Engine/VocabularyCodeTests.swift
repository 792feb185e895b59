import JSON
@testable import SarcomaGuidelines
import Testing

/// Codes hash by their case (`VocabularyCode`) and `RuleID.ordinal` reads the case's tag:
/// both rest on payload-free enums being stored as one tag byte in declaration order.
@Suite struct VocabularyCodeTests {
    @Test func ruleIdOrdinalIsTheAllCasesPosition() {
        #expect(MemoryLayout<RuleID>.size == 1)
        for (position, rule) in RuleID.allCases.enumerated() {
            #expect(rule.ordinal == position, "\(rule.rawValue)")
        }
    }

    @Test func soleRuleIdsArrayNamesTheRule() {
        for rule in RuleID.allCases {
            #expect(rule.soleJSON == .array([.string(rule.rawValue)]), "\(rule.rawValue)")
        }
    }

    @Test func equalCodesHashEqualAndSetsFindEveryCase() {
        for histology in Histology.allCases {
            let decoded = Histology(rawValue: histology.rawValue)
            #expect(decoded?.hashValue == histology.hashValue)
        }
        #expect(Set(Histology.allCases).count == Histology.allCases.count)
        #expect(Set(RuleID.allCases).count == RuleID.allCases.count)
        let sites = Set(Site.allCases)
        #expect(Site.allCases.allSatisfy(sites.contains))
        var grades = Set<GradeCategory>([.g1])
        grades.insert(GradeCategory(rawValue: "G1")!)
        #expect(grades.count == 1)
    }
}
