import Testing
@testable import SarcomaGuidelines

/// GRADE-HISTOLOGY and CONS-WDLS-GRADE (clinical rules §3.2, §4), from the rules text: each
/// grade policy with a known grade and with GX, DFSP, and the WDLS 422 on both sides of G1/G2.
@Suite("Pack 2026.12-1 planning grade (§3.2, §4)")
struct GradeHistologyRuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var histology: String?
        var grade: GradeCategory
        var planning: PlanningGrade
        var applicable = true
        var effective: String?? = .none
        var warnings: [String] = []
        var absentWarnings: [String] = []
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "H (synovial) with GX: planned G3", histology: "synovial_sarcoma", grade: .gx, planning: .g3,
            warnings: ["grade_inferred_from_histology"]),
        Row(
            name: "H (synovial) with stated G1: planned G3, unusual", histology: "synovial_sarcoma", grade: .g1,
            planning: .g3, warnings: ["histology_grade_unusual"]),
        Row(
            name: "H (UPS, R21) with G2: kept G2", histology: "undifferentiated_pleomorphic_sarcoma", grade: .g2,
            planning: .g2, absentWarnings: ["histology_grade_unusual", "grade_inferred_from_histology"]),
        Row(
            name: "H (DDLPS, R21) with GX: planned G3", histology: "dedifferentiated_liposarcoma", grade: .gx,
            planning: .g3),
        Row(name: "H (clear cell, ESMO-EDU) with GX: G3", histology: "clear_cell_sarcoma", grade: .gx, planning: .g3),
        Row(name: "H (angiosarcoma, T-ANG-HG) with G1: G3", histology: "angiosarcoma", grade: .g1, planning: .g3),
        Row(
            name: "L (ALT/WDLS) with GX: planned G1", histology: "well_differentiated_liposarcoma", grade: .gx,
            planning: .g1,
            warnings: ["grade_inferred_from_histology"]),
        Row(
            name: "L (ALT/WDLS) with G1: G1, no warning", histology: "well_differentiated_liposarcoma", grade: .g1,
            planning: .g1, absentWarnings: ["grade_inferred_from_histology", "histology_grade_conflict"]),
        Row(
            name: "stored ALT/WDLS G2: read as DDLPS, conflict", histology: "well_differentiated_liposarcoma",
            grade: .g2,
            planning: .g2, effective: .some("dedifferentiated_liposarcoma"), warnings: ["histology_grade_conflict"]),
        Row(
            name: "stored ALT/WDLS G3: read as DDLPS, conflict", histology: "well_differentiated_liposarcoma",
            grade: .g3,
            planning: .g3, effective: .some("dedifferentiated_liposarcoma"), warnings: ["histology_grade_conflict"]),
        Row(
            name: "F (LMS) with GX: GX", histology: "leiomyosarcoma", grade: .gx, planning: .gx,
            absentWarnings: ["grade_inferred_from_histology", "grade_not_applicable"]),
        Row(name: "F (LMS) with G1: G1", histology: "leiomyosarcoma", grade: .g1, planning: .g1),
        Row(name: "histology not given with GX: GX (F)", histology: nil, grade: .gx, planning: .gx),
        Row(
            name: "NA (SFT) with GX: not applicable", histology: "solitary_fibrous_tumor", grade: .gx,
            planning: .notApplicable,
            applicable: false, warnings: ["grade_not_applicable"]),
        Row(
            name: "NA (SFT) with a stated G2: used as given, warned", histology: "solitary_fibrous_tumor", grade: .g2,
            planning: .g2, applicable: false, warnings: ["grade_not_applicable"]),
        Row(
            name: "NA (U: infantile fibrosarcoma) with GX: not applicable (C11)", histology: "infantile_fibrosarcoma",
            grade: .gx, planning: .notApplicable, applicable: false),
        Row(
            name: "DFSP with GX: not applicable, no warning", histology: "dermatofibrosarcoma_protuberans", grade: .gx,
            planning: .notApplicable, applicable: false, absentWarnings: ["grade_not_applicable"]),
        Row(
            name: "DFSP with a stated G3: still not applicable", histology: "dermatofibrosarcoma_protuberans",
            grade: .g3,
            planning: .notApplicable, applicable: false),
    ]

    @Test("Planning grade rows", arguments: rows)
    func planningGrade(_ row: Row) throws {
        let decision = try GradeHistologyRule(classes: Pack2026Fixture.classes).decide(
            histology: row.histology, grade: row.grade)
        #expect(decision.planningGrade == row.planning)
        #expect(decision.gradeApplicable == row.applicable)
        #expect(decision.effectiveHistology == (row.effective ?? row.histology))
        let codes = decision.warnings.map(\.code)
        for code in row.warnings { #expect(codes.contains(code), "missing \(code) in \(codes)") }
        for code in row.absentWarnings { #expect(!codes.contains(code), "unexpected \(code) in \(codes)") }
    }

    @Test("The unusual-grade warning names the histology, its source and the planning grade")
    func unusualText() throws {
        let decision = try GradeHistologyRule(classes: Pack2026Fixture.classes).decide(
            histology: "synovial_sarcoma", grade: .g1)
        let message = try #require(decision.warning("histology_grade_unusual")?.message)
        #expect(message.contains("synovial_sarcoma is high grade by definition (FNCLCC-TAB"))
        #expect(message.contains("planning uses G3"))
    }

    @Test(
        "countsHigh and planningHigh (§4 terms)",
        arguments: [
            (PlanningGrade.g1, false, false, false), (.g2, false, true, true), (.g3, false, true, true),
            (.gx, false, false, true), (.notApplicable, false, false, true), (.notApplicable, true, false, false),
            (.g3, true, true, false),
        ])
    func highTerms(grade: PlanningGrade, dfsp: Bool, planningHigh: Bool, countsHigh: Bool) {
        #expect(grade.isHigh == planningHigh)
        #expect(grade.countsHigh(isDFSP: dfsp) == countsHigh)
    }

    struct WDLSRow: Sendable, CustomTestStringConvertible {
        var name: String
        var tumor: SarcomaCase.Tumor
        var pointer: String?
        var testDescription: String { name }
    }

    static func wdls(
        grade: Int? = nil, fnclcc: SarcomaCase.FNCLCC? = nil,
        histology: Histology = .wellDifferentiatedLiposarcoma
    ) -> SarcomaCase.Tumor {
        SarcomaCase.Tumor(
            site: .extremity, sizeCm: 10, depth: .deep, histology: histology, grade: grade, fnclcc: fnclcc)
    }

    static let wdlsRows: [WDLSRow] = [
        WDLSRow(name: "C25: stated G3 -> 422 at /tumor/grade", tumor: wdls(grade: 3), pointer: "/tumor/grade"),
        WDLSRow(name: "stated G2 -> 422 at /tumor/grade", tumor: wdls(grade: 2), pointer: "/tumor/grade"),
        WDLSRow(name: "stated G1 -> accepted", tumor: wdls(grade: 1), pointer: nil),
        WDLSRow(name: "no grade -> accepted", tumor: wdls(), pointer: nil),
        WDLSRow(
            name: "components 1+2+1 = 4 (G2), no stated grade -> 422 at /tumor/fnclcc",
            tumor: wdls(fnclcc: .init(differentiation: 1, mitosesPer10Hpf: 12, necrosisPercent: 10)),
            pointer: "/tumor/fnclcc"),
        WDLSRow(
            name: "components 1+1+1 = 3 (G1) -> accepted",
            tumor: wdls(fnclcc: .init(differentiation: 1, mitosesPer10Hpf: 5, necrosisPercent: 10)), pointer: nil),
        WDLSRow(
            name: "incomplete components -> accepted", tumor: wdls(fnclcc: .init(differentiation: 3)), pointer: nil),
        WDLSRow(
            name: "DDLPS stated G3 -> accepted", tumor: wdls(grade: 3, histology: .dedifferentiatedLiposarcoma),
            pointer: nil),
    ]

    @Test("CONS-WDLS-GRADE", arguments: wdlsRows)
    func wdlsGrade(_ row: WDLSRow) {
        let issue = GradeHistologyRule.wdlsGradeIssue(in: row.tumor, gradedBy: PackFixture.pack)
        #expect(issue?.pointer == row.pointer)
        if let issue {
            #expect(
                issue.detail.hasPrefix(
                    "well-differentiated liposarcoma (ALT/WDLS) is low grade by definition; a grade 2-3 "
                        + "component is dedifferentiated liposarcoma: correct the histology to dedifferentiated_liposarcoma or the grade"
                ))
        }
    }
}
