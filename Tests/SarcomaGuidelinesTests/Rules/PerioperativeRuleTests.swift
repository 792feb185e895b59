import Foundation
@testable import SarcomaGuidelines
import Testing

/// One expected therapy option: what it is, its NCCN category, whether defaulted, its rule.
struct ExpectedOption: Sendable, CustomStringConvertible {
    let name: String
    let category: String?
    let defaulted: Bool
    let rule: String

    init(_ name: String, _ category: String?, defaulted: Bool = false, _ rule: String) {
        self.name = name
        self.category = category
        self.defaulted = defaulted
        self.rule = rule
    }

    var description: String { "\(name) \(category ?? "null")\(defaulted ? " (defaulted)" : "") \(rule)" }
}

/// Asserts that the options at `list` are exactly `expected` (by `key`), each with its
/// category, defaulted flag and rule id.
func expectOptions(
    _ answer: RuleAnswer, _ list: String = "options", key: String,
    exactly expected: [ExpectedOption],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = answer.values(list, key)
    #expect(
        Set(actual) == Set(expected.map(\.name)),
        "options \(actual.sorted()) != expected \(expected.map(\.name).sorted())", sourceLocation: sourceLocation)
    #expect(actual.count == Set(actual).count, "an option is listed twice: \(actual)", sourceLocation: sourceLocation)
    for option in expected {
        guard let item = answer.item(list, where: key, is: option.name) else { continue }
        if let category = option.category {
            #expect(
                item["nccnCategory"].string == category,
                "\(option.name): category \(item["nccnCategory"]) != \(category)", sourceLocation: sourceLocation)
        } else {
            #expect(
                item["nccnCategory"].isNull,
                "\(option.name): category \(item["nccnCategory"]) != null", sourceLocation: sourceLocation)
        }
        #expect(
            item["categoryDefaulted"].bool == option.defaulted,
            "\(option.name): categoryDefaulted \(item["categoryDefaulted"]) != \(option.defaulted)",
            sourceLocation: sourceLocation)
        #expect(
            item["ruleId"].string == option.rule,
            "\(option.name): ruleId \(item["ruleId"]) != \(option.rule)", sourceLocation: sourceLocation)
    }
}

/// PERIOP-* (`docs/clinical/clinical-rules-2026.11-1.md` section 4; section 7 readings).
@Suite("PERIOP-*")
struct PerioperativeRuleTests {
    static let surgery = ExpectedOption("surgery", nil, "PERIOP-SURGERY")
    static let postopChemo = ExpectedOption("postoperative_chemotherapy", "2B", "PERIOP-POSTOP-CHEMO")
    static let postopRT = ExpectedOption("postoperative_rt", "1", "PERIOP-STAGE3-POSTOP-RT")
    static let preopRT = ExpectedOption("preoperative_rt", "1", "PERIOP-STAGE3-PREOP")
    static let preopChemo = ExpectedOption("preoperative_chemotherapy", "2B", "PERIOP-STAGE3-PREOP")
    static let preopChemoRT = ExpectedOption("preoperative_chemoradiation", "2B", "PERIOP-STAGE3-PREOP")
    static let stageIII = [surgery, postopRT, postopChemo, preopRT, preopChemo, preopChemoRT]

    struct StageRow: Sendable, CustomTestStringConvertible {
        let stage: String
        let size: Double
        let grade: Int?
        let options: [ExpectedOption]
        var testDescription: String {
            "\(stage): \(size) cm \(grade.map { "G\($0)" } ?? "GX") -> \(options.map(\.name).joined(separator: ", "))"
        }
    }

    /// Localized (M0 N0), resectable, extremity or trunk: options by AJCC 8 stage.
    static let stageRows: [StageRow] = [
        StageRow(stage: "IA", size: 3.0, grade: 1, options: [surgery]),
        StageRow(stage: "IA", size: 4.0, grade: nil, options: [surgery]),
        StageRow(stage: "IB", size: 7.0, grade: 1, options: [surgery]),
        StageRow(stage: "IB", size: 20.0, grade: 1, options: [surgery]),
        StageRow(stage: "II", size: 3.0, grade: 2, options: [surgery, postopChemo]),
        StageRow(stage: "II", size: 5.0, grade: 3, options: [surgery, postopChemo]),
        StageRow(stage: "IIIA", size: 7.0, grade: 2, options: stageIII),
        StageRow(stage: "IIIA", size: 9.5, grade: 3, options: stageIII),
        StageRow(stage: "IIIB", size: 12.0, grade: 2, options: stageIII),
        StageRow(stage: "IIIB", size: 18.0, grade: 3, options: stageIII),
    ]

    @Test(
        "PERIOP-SURGERY / PERIOP-POSTOP-CHEMO / PERIOP-STAGE3-POSTOP-RT / PERIOP-STAGE3-PREOP by stage",
        arguments: [Site.extremity, .trunk], stageRows)
    func optionsByStage(site: Site, row: StageRow) {
        let sarcomaCase = SarcomaCase.ruleCase(site, size: row.size, grade: row.grade)
        #expect(RuleAnswer(.staging, for: sarcomaCase)["stageGroup"].string == row.stage, "row's stage is off")
        let answer = RuleAnswer(.perioperative, for: sarcomaCase)
        expectOptions(answer, key: "modality", exactly: row.options)
        expectWellFormedRecommendations(answer, therapy: true)
    }

    @Test("PERIOP-STAGE3-POSTOP-RT: the SEER evidence (2,606 patients, 65 % vs 60 %) is cited")
    func stageIIIEvidence() {
        let answer = RuleAnswer(.perioperative, for: .ruleCase(.extremity, size: 12.0, grade: 3))
        let evidence = answer.json["options"].items.flatMap { $0["evidence"].items.compactMap(\.string) }
            .map { $0.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "") }
        #expect(
            evidence.contains { $0.contains("2606") && $0.contains("65%") && $0.contains("60%") },
            "evidence: \(evidence)")
    }

    struct OutOfScopeRow: Sendable, CustomTestStringConvertible {
        let label: String
        let site: Site
        let nodes: NodalStatus
        var testDescription: String { label }
    }

    static let surgeryOnlyRows: [OutOfScopeRow] = [
        OutOfScopeRow(label: "retroperitoneum T3 G3 N0 M0", site: .retroperitoneum, nodes: .n0),
        OutOfScopeRow(label: "head and neck T3 G3 N0 M0", site: .headAndNeck, nodes: .n0),
        OutOfScopeRow(label: "visceral G3 N0 M0", site: .visceral, nodes: .n0),
        OutOfScopeRow(label: "extremity T3 G3 N1 M0 (section 7)", site: .extremity, nodes: .n1),
        OutOfScopeRow(label: "trunk T3 G3 N1 M0 (section 7)", site: .trunk, nodes: .n1),
        OutOfScopeRow(label: "retroperitoneum T3 G3 N1 M0", site: .retroperitoneum, nodes: .n1),
    ]

    @Test(
        "PERIOP-*: other sites and N1 M0 get surgery only, with a reason (refer to the MDT)",
        arguments: surgeryOnlyRows)
    func surgeryOnlyOutsideTheSourceSetting(row: OutOfScopeRow) {
        let answer = RuleAnswer(
            .perioperative,
            for: .ruleCase(
                row.site, size: 12.0, grade: 3, nodes: row.nodes,
                visceralExtent: row.site == .visceral ? .serosa : nil))
        expectOptions(answer, key: "modality", exactly: [Self.surgery])
        let reference = RuleAnswer(.perioperative, for: .ruleCase(.extremity, size: 12.0, grade: 3))
        let newReasons = answer.reasonTexts.filter { !reference.reasonTexts.contains($0) }
        #expect(!newReasons.isEmpty, "no reason says why only surgery is offered: \(answer.json)")
    }

    @Test(
        "PERIOP-*: M1 gets no preoperative or postoperative therapy option",
        arguments: [Site.extremity, .trunk, .retroperitoneum])
    func noPerioperativeTherapyForM1(site: Site) {
        let answer = RuleAnswer(.perioperative, for: .ruleCase(site, size: 12.0, grade: 3, metastasis: .m1))
        let therapies: Set = [
            "postoperative_rt", "preoperative_rt", "postoperative_chemotherapy",
            "preoperative_chemotherapy", "preoperative_chemoradiation",
        ]
        #expect(answer["options"].isArray && answer["highRisk"].bool != nil, "\(answer.json)")
        let offered = answer.values("options", "modality").filter(therapies.contains)
        #expect(offered.isEmpty, "M1 offered \(offered)")
        #expect(answer.json["options"].items.allSatisfy { $0["nccnCategory"].isNull })
    }

    @Test("PERIOP-*: assumed N0 and M0 (omitted) are announced in the perioperative answer too")
    func defaultsAnnounced() {
        let explicit = RuleAnswer(.perioperative, for: .ruleCase(size: 12.0, grade: 3))
        let omitted = RuleAnswer(.perioperative, for: .ruleCase(size: 12.0, grade: 3, nodes: nil, metastasis: nil))
        expectOptions(omitted, key: "modality", exactly: Self.stageIII)
        let added = omitted.warnings(notIn: explicit)
        #expect(rulesMention(added, anyOf: ["nod", "N0"]), "new warnings: \(added)")
        #expect(rulesMention(added, anyOf: ["metasta", "M0"]), "new warnings: \(added)")
    }

    @Test("PERIOP-*: an unresectable localized tumour gets no perioperative therapy option, and a reason")
    func unresectable() {
        let answer = RuleAnswer(.perioperative, for: .ruleCase(size: 12.0, grade: 3, resectable: false))
        #expect(answer.json["options"].items.allSatisfy { $0["nccnCategory"].isNull }, "\(answer["options"])")
        #expect(!answer.reasonTexts.isEmpty, "no reason given: \(answer.json)")
    }

    struct HighRiskRow: Sendable, CustomTestStringConvertible {
        let site: Site
        let size: Double
        let grade: Int?
        let resectable: Bool
        let highRisk: Bool
        var testDescription: String {
            "\(site.rawValue) \(size) cm \(grade.map { "G\($0)" } ?? "GX")\(resectable ? "" : " unresectable") -> highRisk \(highRisk)"
        }
    }

    /// "large (> 8 cm) high-grade resectable extremity tumours" (GX counts as high grade).
    static let highRiskRows: [HighRiskRow] = [
        HighRiskRow(site: .extremity, size: 8.0, grade: 3, resectable: true, highRisk: false),
        HighRiskRow(site: .extremity, size: 8.01, grade: 3, resectable: true, highRisk: true),
        HighRiskRow(site: .extremity, size: 9.0, grade: 2, resectable: true, highRisk: true),
        HighRiskRow(site: .extremity, size: 16.0, grade: 3, resectable: true, highRisk: true),
        HighRiskRow(site: .extremity, size: 9.0, grade: nil, resectable: true, highRisk: true),
        HighRiskRow(site: .extremity, size: 12.0, grade: 1, resectable: true, highRisk: false),
        HighRiskRow(site: .extremity, size: 6.0, grade: 3, resectable: true, highRisk: false),
        HighRiskRow(site: .extremity, size: 12.0, grade: 3, resectable: false, highRisk: false),
        // The rule names extremity tumours only.
        HighRiskRow(site: .trunk, size: 12.0, grade: 3, resectable: true, highRisk: false),
        HighRiskRow(site: .retroperitoneum, size: 12.0, grade: 3, resectable: true, highRisk: false),
    ]

    @Test(
        "PERIOP-LARGE-HIGHGRADE: highRisk for > 8 cm high-grade resectable extremity tumours",
        arguments: highRiskRows)
    func highRisk(row: HighRiskRow) {
        let answer = RuleAnswer(
            .perioperative,
            for: .ruleCase(
                row.site, size: row.size, grade: row.grade,
                resectable: row.resectable))
        #expect(answer["highRisk"].bool == row.highRisk)
        #expect(answer.ruleIds.contains("PERIOP-LARGE-HIGHGRADE") == row.highRisk)
        // Wherever the rule is cited it is an NCCN statement without a category: 2A defaulted.
        for rec in answer.json.recommendationObjects where rec["ruleId"].string == "PERIOP-LARGE-HIGHGRADE" {
            #expect(rec["nccnCategory"].string == "2A" && rec["categoryDefaulted"].bool == true, "\(rec)")
        }
    }

    @Test("PERIOP-LARGE-HIGHGRADE: GX counted as high grade is announced by a warning")
    func highRiskGXWarns() {
        let gx = RuleAnswer(.perioperative, for: .ruleCase(.extremity, size: 9.0, grade: nil))
        let g3 = RuleAnswer(.perioperative, for: .ruleCase(.extremity, size: 9.0, grade: 3))
        #expect(gx["highRisk"].bool == true)
        let added = gx.warnings(notIn: g3)
        #expect(rulesMention(added, anyOf: ["grade", "GX"]), "new warnings: \(added)")
    }
}
