import Testing
@testable import SarcomaGuidelines

/// SCOPE-PATHWAY (clinical rules §3.6): every row of the pathway table, its precedence, the
/// oligometastatic test with each condition on both sides, and the defaults each row
/// announces. Expected values are written from the rules text, not from the code's output.
@Suite("Pack 2026.12-1 pathway (§3.6)")
struct PathwayDecisionTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var input: PathwayCase
        var pathway: CasePathway
        var row: Int
        var warnings: [String] = []
        var absentWarnings: [String] = []
        var testDescription: String { name }
    }

    /// An adult M0 resectable primary with every pathway field stated, changed by `change`.
    static func adult(_ change: (inout PathwayCase) -> Void = { _ in }) -> PathwayCase {
        var input = PathwayCase(
            histology: "undifferentiated_pleomorphic_sarcoma", ageYears: 50, ecog: 1,
            nodalDisease: false, distantMetastasis: false, recurrent: false, resectable: true)
        change(&input)
        return input
    }

    /// M1 with one resectable lung metastasis and resectable local disease: oligometastatic.
    static func oligo(_ change: (inout PathwayCase) -> Void = { _ in }) -> PathwayCase {
        adult {
            $0.distantMetastasis = true
            $0.metastaticSites = ["lung"]
            $0.metastasesResectable = true
            change(&$0)
        }
    }

    static let rows: [Row] = [
        // Row 1 and each condition of the oligometastatic test on both sides.
        Row(
            name: "1: M1, one site, metastases resectable, local resectable, ECOG 1", input: oligo(),
            pathway: .oligometastatic, row: 1, absentWarnings: ["ecog_not_given", "resectable_defaulted"]),
        Row(name: "1: ECOG 2 is still fit (<= 2)", input: oligo { $0.ecog = 2 }, pathway: .oligometastatic, row: 1),
        Row(
            name: "1 fails at ECOG 3 -> 2: best supportive care", input: oligo { $0.ecog = 3 },
            pathway: .bestSupportiveCare, row: 2, warnings: ["poor_performance_status"]),
        Row(
            name: "1: ECOG omitted counts as fit, announced", input: oligo { $0.ecog = nil },
            pathway: .oligometastatic, row: 1, warnings: ["ecog_not_given"]),
        Row(
            name: "1: local disease absent, local resectability not read",
            input: oligo {
                $0.localDisease = .absent
                $0.resectable = false
            }, pathway: .oligometastatic, row: 1, absentWarnings: ["resectable_defaulted"]),
        Row(
            name: "1 fails: local disease present and not resectable -> 3", input: oligo { $0.resectable = false },
            pathway: .advanced, row: 3),
        Row(
            name: "1: resectable omitted is read by the test and announced", input: oligo { $0.resectable = nil },
            pathway: .oligometastatic, row: 1, warnings: ["resectable_defaulted"]),
        Row(
            name: "1 fails: two metastatic organs -> 3, not assessable",
            input: oligo { $0.metastaticSites = ["lung", "liver"] },
            pathway: .advanced, row: 3, warnings: ["oligometastatic_not_assessable"]),
        Row(
            name: "1 fails: sites not given -> 3, not assessable", input: oligo { $0.metastaticSites = nil },
            pathway: .advanced, row: 3, warnings: ["oligometastatic_not_assessable"]),
        Row(
            name: "1 fails: metastases not resectable -> 3, no hint", input: oligo { $0.metastasesResectable = false },
            pathway: .advanced, row: 3,
            absentWarnings: ["metastases_resectability_not_given", "oligometastatic_not_assessable"]),
        Row(
            name: "1 fails: metastasesResectable omitted -> 3 with the hint",
            input: oligo { $0.metastasesResectable = nil },
            pathway: .advanced, row: 3, warnings: ["metastases_resectability_not_given"]),
        Row(
            name: "1: recurrent M1 with localDisease omitted announces the default",
            input: oligo {
                $0.recurrent = true
                $0.localDisease = nil
            }, pathway: .oligometastatic, row: 1, warnings: ["local_disease_defaulted"]),
        Row(
            name: "1: primary M1 with localDisease omitted: no local-disease warning",
            input: oligo { $0.localDisease = nil },
            pathway: .oligometastatic, row: 1, absentWarnings: ["local_disease_defaulted"]),
        // Rows 2 and 3: ECOG boundary at 3.
        Row(
            name: "2: M1 ECOG 4",
            input: adult {
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung", "bone"]
                $0.ecog = 4
            }, pathway: .bestSupportiveCare, row: 2, warnings: ["poor_performance_status"]),
        Row(
            name: "2: M1 ECOG 3",
            input: adult {
                $0.distantMetastasis = true
                $0.ecog = 3
            }, pathway: .bestSupportiveCare, row: 2),
        Row(
            name: "3: M1 ECOG 2",
            input: adult {
                $0.distantMetastasis = true
                $0.ecog = 2
            }, pathway: .advanced, row: 3, absentWarnings: ["poor_performance_status", "resectable_defaulted"]),
        Row(
            name: "3: M1 ECOG omitted",
            input: adult {
                $0.distantMetastasis = true
                $0.ecog = nil
            }, pathway: .advanced, row: 3),
        Row(
            name: "3: M1 with conversionNotFeasible: ignored",
            input: adult {
                $0.distantMetastasis = true
                $0.conversionNotFeasible = true
            }, pathway: .advanced, row: 3, warnings: ["field_not_applicable"]),
        // Rows 4-6 and their precedence (recurrence before nodes before localized).
        Row(
            name: "4: recurrent and N1 -> local recurrence first",
            input: adult {
                $0.recurrent = true
                $0.nodalDisease = true
            }, pathway: .localRecurrence, row: 4),
        Row(name: "5: N1 primary", input: adult { $0.nodalDisease = true }, pathway: .regionalNodal, row: 5),
        Row(
            name: "6: N0 primary", input: adult(), pathway: .localizedResectable, row: 6,
            absentWarnings: ["resectable_defaulted", "poor_performance_status"]),
        Row(
            name: "6: everything omitted defaults to a resectable M0 primary, announced",
            input: PathwayCase(histology: "leiomyosarcoma", ageYears: 50), pathway: .localizedResectable, row: 6,
            warnings: ["resectable_defaulted"]),
        Row(
            name: "6: ECOG 3 keeps the pathway with a warning", input: adult { $0.ecog = 3 },
            pathway: .localizedResectable,
            row: 6, warnings: ["poor_performance_status"]),
        Row(
            name: "6: conversionNotFeasible with a resectable case: ignored",
            input: adult { $0.conversionNotFeasible = false },
            pathway: .localizedResectable, row: 6, warnings: ["field_not_applicable"]),
        // Rows 7-9.
        Row(
            name: "7: not resectable, not convertible, ECOG 3",
            input: adult {
                $0.resectable = false
                $0.conversionNotFeasible = true
                $0.ecog = 3
            }, pathway: .bestSupportiveCare, row: 7),
        Row(
            name: "8: not resectable, not convertible, ECOG 2",
            input: adult {
                $0.resectable = false
                $0.conversionNotFeasible = true
                $0.ecog = 2
            }, pathway: .advanced, row: 8, absentWarnings: ["conversion_feasibility_defaulted"]),
        Row(
            name: "9: not resectable, feasibility omitted", input: adult { $0.resectable = false },
            pathway: .conversion,
            row: 9, warnings: ["conversion_feasibility_defaulted"]),
        Row(
            name: "9: not resectable, conversionNotFeasible false",
            input: adult {
                $0.resectable = false
                $0.conversionNotFeasible = false
            }, pathway: .conversion, row: 9,
            absentWarnings: ["conversion_feasibility_defaulted", "field_not_applicable"]),
        Row(
            name: "9: ECOG 4 on conversion keeps the pathway",
            input: adult {
                $0.resectable = false
                $0.ecog = 4
            }, pathway: .conversion, row: 9, warnings: ["poor_performance_status"]),
        Row(
            name: "9: a recurrent unresectable M0 tumour is conversion, not local recurrence",
            input: adult {
                $0.resectable = false
                $0.recurrent = true
            }, pathway: .conversion, row: 9),
    ]

    @Test("Pathway table rows", arguments: rows)
    func pathwayRow(_ row: Row) throws {
        let decision = try PathwayDecider(classes: Pack2026Fixture.classes).decide(row.input)
        #expect(decision.pathway == row.pathway)
        #expect(decision.pathwayRow == row.row)
        let codes = decision.warnings.map(\.code)
        for code in row.warnings { #expect(codes.contains(code), "missing \(code) in \(codes)") }
        for code in row.absentWarnings { #expect(!codes.contains(code), "unexpected \(code) in \(codes)") }
        #expect(Set(codes).count == codes.count, "a warning code repeats: \(codes)")
        #expect(decision.ruleIds.first == "SCOPE-PATHWAY")
    }

    @Test(
        "Intent and palliative indication follow the pathway (§3.6 columns)",
        arguments: [
            (CasePathway.localizedResectable, TherapyIntent.curative, false), (.regionalNodal, .curative, false),
            (.localRecurrence, .curative, false), (.conversion, .conversion, false),
            (.oligometastatic, .curative, false),
            (.advanced, .palliative, true), (.bestSupportiveCare, .supportive, true),
        ])
    func intentColumns(pathway: CasePathway, intent: TherapyIntent, indicated: Bool) {
        #expect(pathway.intent == intent)
        #expect(pathway.palliativeIndicated == indicated)
        #expect((pathway.notIndicatedReason == nil) == indicated)
    }

    @Test("Not indicated: the palliative reason names the pathway and PALL-NOT-LOCALIZED is cited")
    func notIndicatedReason() throws {
        let decision = try PathwayDecider(classes: Pack2026Fixture.classes).decide(Self.adult { $0.resectable = false })
        #expect(decision.pathway.notIndicatedReason == "curative-intent conversion: see the perioperative plan")
        #expect(decision.ruleIds.contains("PALL-NOT-LOCALIZED"))
    }

    @Test("A histology the pack does not know is an error, never a guess")
    func unknownHistology() {
        #expect(throws: SystemicInputError.unknownHistology("angiofibroma")) {
            try PathwayDecider(classes: Pack2026Fixture.classes).decide(PathwayCase(histology: "angiofibroma"))
        }
    }
}
