import Testing
@testable import SarcomaGuidelines

/// The scope, pathway and intent of the clinical rules' §12 worked checks (inputs beyond the
/// §12 defaults: age 50, ECOG 1, N0, M0, primary, resectable).
@Suite("Pack 2026.12-1 pathway worked checks (§12)")
struct PathwayWorkedCheckTests {
    struct Check: Sendable, CustomTestStringConvertible {
        var name: String
        var input: PathwayCase
        var scope: TreatmentScope
        var pathway: CasePathway
        var intent: TherapyIntent
        var warnings: [String] = []
        var testDescription: String { name }
    }

    static func worked(_ histology: String, _ change: (inout PathwayCase) -> Void = { _ in }) -> PathwayCase {
        var input = PathwayCase(
            histology: histology, ageYears: 50, ecog: 1, nodalDisease: false, distantMetastasis: false,
            recurrent: false, resectable: true)
        change(&input)
        return input
    }

    static let checks: [Check] = [
        Check(
            name: "C30 stage II synovial", input: worked("synovial_sarcoma"), scope: .adultSTS,
            pathway: .localizedResectable, intent: .curative),
        Check(
            name: "C37b unresectable UPS",
            input: worked("undifferentiated_pleomorphic_sarcoma") { $0.resectable = false },
            scope: .adultSTS, pathway: .conversion, intent: .conversion, warnings: ["conversion_feasibility_defaulted"]),
        Check(
            name: "C11 infant NTRK+ fibrosarcoma",
            input: worked("infantile_fibrosarcoma") {
                $0.ageYears = 1
                $0.ecog = nil
                $0.resectable = false
            }, scope: .pediatricProtocol, pathway: .conversion, intent: .conversion,
            warnings: ["pediatric_protocol_scope"]),
        Check(
            name: "P1 IV-ineligible LMS, M1 two sites",
            input: worked("leiomyosarcoma") {
                $0.ageYears = 70
                $0.ecog = 2
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung", "liver"]
            }, scope: .adultSTS, pathway: .advanced, intent: .palliative),
        Check(
            name: "P2 ECOG 4 UPS M1",
            input: worked("undifferentiated_pleomorphic_sarcoma") {
                $0.ageYears = 68
                $0.ecog = 4
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung", "bone"]
            }, scope: .adultSTS, pathway: .bestSupportiveCare, intent: .supportive,
            warnings: ["poor_performance_status"]),
        Check(
            name: "C28 epithelioid N1 M1",
            input: worked("epithelioid_sarcoma") {
                $0.ageYears = 30
                $0.nodalDisease = true
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung", "lymph_node_distant"]
            }, scope: .adultSTS, pathway: .advanced, intent: .palliative),
        Check(
            name: "P3 N1 M0", input: worked("undifferentiated_pleomorphic_sarcoma") { $0.nodalDisease = true },
            scope: .adultSTS, pathway: .regionalNodal, intent: .curative),
        Check(
            name: "C36 UPS + one resectable lung metastasis",
            input: worked("undifferentiated_pleomorphic_sarcoma") {
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung"]
                $0.metastasesResectable = true
            }, scope: .adultSTS, pathway: .oligometastatic, intent: .curative),
        Check(
            name: "C17 recurrent UPS", input: worked("undifferentiated_pleomorphic_sarcoma") { $0.recurrent = true },
            scope: .adultSTS, pathway: .localRecurrence, intent: .curative),
        Check(
            name: "C08 clear cell N1", input: worked("clear_cell_sarcoma") { $0.nodalDisease = true },
            scope: .adultSTS, pathway: .regionalNodal, intent: .curative),
        Check(
            name: "V-ECOG3-NTRK",
            input: worked("other_sarcoma") {
                $0.ecog = 3
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung", "liver"]
            }, scope: .adultSTS, pathway: .bestSupportiveCare, intent: .supportive,
            warnings: ["poor_performance_status"]),
        Check(
            name: "V-CHILD-ECOG3",
            input: worked("synovial_sarcoma") {
                $0.ageYears = 8
                $0.ecog = 3
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung", "bone"]
            }, scope: .pediatricProtocol, pathway: .bestSupportiveCare, intent: .supportive,
            warnings: ["pediatric_protocol_scope", "performance_scale_check", "poor_performance_status"]),
        Check(
            name: "V-ADOLESCENT-DFSP",
            input: worked("dermatofibrosarcoma_protuberans") {
                $0.ageYears = 15
                $0.ecog = 0
                $0.distantMetastasis = true
                $0.metastaticSites = ["lung", "liver"]
            }, scope: .dfsp, pathway: .advanced, intent: .palliative,
            warnings: ["adolescent_patient", "performance_scale_check"]),
        Check(
            name: "V-DFSP-CONVERSION",
            input: worked("dermatofibrosarcoma_protuberans") {
                $0.ageYears = 40
                $0.ecog = 0
                $0.resectable = false
            }, scope: .dfsp, pathway: .conversion, intent: .conversion),
    ]

    @Test("Worked checks", arguments: checks)
    func check(_ check: Check) throws {
        let decision = try PathwayDecider(classes: Pack2026Fixture.classes).decide(check.input)
        #expect(decision.scope == check.scope)
        #expect(decision.pathway == check.pathway)
        #expect(decision.intent == check.intent)
        let codes = decision.warnings.map(\.code)
        for code in check.warnings { #expect(codes.contains(code), "missing \(code) in \(codes)") }
    }

    @Test("The pathway feeds the systemic family its pathway and scope")
    func systemicPathway() throws {
        let decision = try PathwayDecider(classes: Pack2026Fixture.classes).decide(Self.checks[1].input)
        #expect(decision.pathway.systemicPathway == .conversion)
        #expect(CasePathway.localizedResectable.systemicPathway == nil)
    }
}
