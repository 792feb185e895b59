import Testing
@testable import SarcomaGuidelines

/// Scope precedence (clinical rules §3.3) and SCOPE-PEDIATRIC / SCOPE-ADOLESCENT (§3.4):
/// each age boundary of §0.2 on both sides, histology before age, pediatric before DFSP.
@Suite("Pack 2026.12-1 scope (§3.3, §3.4)")
struct ScopeDecisionTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var histology: String?
        var ageYears: Int?
        var ecog: Int? = 1
        var scope: TreatmentScope
        var warnings: [String] = []
        var absentWarnings: [String] = []
        var ruleIds: [String] = []
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "age 11, adult-type histology: pediatric (<= 11)", histology: "synovial_sarcoma", ageYears: 11,
            scope: .pediatricProtocol, warnings: ["pediatric_protocol_scope", "performance_scale_check"],
            absentWarnings: ["adolescent_patient"], ruleIds: ["SCOPE-PEDIATRIC"]),
        Row(
            name: "age 12: adult, adolescent", histology: "synovial_sarcoma", ageYears: 12, scope: .adultSTS,
            warnings: ["adolescent_patient"], absentWarnings: ["pediatric_protocol_scope"],
            ruleIds: ["SCOPE-ADOLESCENT"]),
        Row(
            name: "age 17: adult, adolescent", histology: "leiomyosarcoma", ageYears: 17, scope: .adultSTS,
            warnings: ["adolescent_patient"]),
        Row(
            name: "age 18: adult, not adolescent", histology: "leiomyosarcoma", ageYears: 18, scope: .adultSTS,
            absentWarnings: ["adolescent_patient", "performance_scale_check", "age_not_given"]),
        Row(
            name: "rhabdomyosarcoma at 40: pediatric by histology, code meaning changed", histology: "rhabdomyosarcoma",
            ageYears: 40, scope: .pediatricProtocol,
            warnings: ["pediatric_protocol_scope", "histology_code_meaning_changed"]),
        Row(
            name: "rhabdomyosarcoma at 17: no code-meaning warning (from 18)", histology: "rhabdomyosarcoma",
            ageYears: 17,
            scope: .pediatricProtocol, absentWarnings: ["histology_code_meaning_changed", "adolescent_patient"]),
        Row(
            name: "rhabdomyosarcoma, age omitted: meaning warning, no age_not_given (the histology sets the scope)",
            histology: "rhabdomyosarcoma", ageYears: nil, scope: .pediatricProtocol,
            warnings: ["histology_code_meaning_changed"], absentWarnings: ["age_not_given"]),
        Row(
            name: "infantile fibrosarcoma at 30: pediatric by histology", histology: "infantile_fibrosarcoma",
            ageYears: 30,
            scope: .pediatricProtocol),
        Row(
            name: "pleomorphic RMS at 40: adult", histology: "pleomorphic_rhabdomyosarcoma", ageYears: 40,
            scope: .adultSTS,
            absentWarnings: ["histology_code_meaning_changed"]),
        Row(
            name: "DFSP at 11: pediatric before DFSP", histology: "dermatofibrosarcoma_protuberans", ageYears: 11,
            scope: .pediatricProtocol),
        Row(
            name: "DFSP at 15: DFSP, adolescent", histology: "dermatofibrosarcoma_protuberans", ageYears: 15,
            scope: .dfsp,
            warnings: ["adolescent_patient", "performance_scale_check"], ruleIds: ["SCOPE-DFSP", "SCOPE-ADOLESCENT"]),
        Row(
            name: "DFSP at 40", histology: "dermatofibrosarcoma_protuberans", ageYears: 40, scope: .dfsp,
            ruleIds: ["SCOPE-DFSP"]),
        Row(
            name: "age omitted, adult histology: adult, announced", histology: "leiomyosarcoma", ageYears: nil,
            scope: .adultSTS, warnings: ["age_not_given"]),
        Row(
            name: "histology and age omitted: adult", histology: nil, ageYears: nil, scope: .adultSTS,
            warnings: ["age_not_given"]),
        Row(
            name: "age 0: infant", histology: "infantile_fibrosarcoma", ageYears: 0, ecog: nil,
            scope: .pediatricProtocol,
            warnings: ["infant_patient"], absentWarnings: ["performance_scale_check"]),
        Row(
            name: "age 1: not an infant", histology: "infantile_fibrosarcoma", ageYears: 1, ecog: nil,
            scope: .pediatricProtocol, absentWarnings: ["infant_patient"]),
        Row(
            name: "age 15 with ECOG: Lansky check", histology: "synovial_sarcoma", ageYears: 15, scope: .adultSTS,
            warnings: ["performance_scale_check"]),
        Row(
            name: "age 16 with ECOG: no Lansky check", histology: "synovial_sarcoma", ageYears: 16, scope: .adultSTS,
            absentWarnings: ["performance_scale_check"]),
        Row(
            name: "age 15 without ECOG: no Lansky check", histology: "synovial_sarcoma", ageYears: 15, ecog: nil,
            scope: .adultSTS, absentWarnings: ["performance_scale_check"]),
    ]

    @Test("Scope rows", arguments: rows)
    func scopeRow(_ row: Row) throws {
        let input = PathwayCase(histology: row.histology, ageYears: row.ageYears, ecog: row.ecog, resectable: true)
        let decision = try PathwayDecider(classes: Pack2026Fixture.classes).decide(input)
        #expect(decision.scope == row.scope)
        let codes = decision.warnings.map(\.code)
        for code in row.warnings { #expect(codes.contains(code), "missing \(code) in \(codes)") }
        for code in row.absentWarnings { #expect(!codes.contains(code), "unexpected \(code) in \(codes)") }
        for id in row.ruleIds { #expect(decision.ruleIds.contains(id), "missing \(id) in \(decision.ruleIds)") }
    }
}
