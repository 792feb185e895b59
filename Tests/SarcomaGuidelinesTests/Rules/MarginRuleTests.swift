import Testing
@testable import SarcomaGuidelines

/// MARGIN-* (`docs/clinical/clinical-rules-2026.11-1.md` section 3).
@Suite("MARGIN-*")
struct MarginRuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let site: Site
        let histology: Histology
        let infiltrative: Bool
        let marginCm: Double
        let strategy: String
        /// The rule that decides the margin (the margin recommendation's `ruleId`).
        let rule: String
        /// Other rules the answer must also name (two margin rules applying).
        let alsoNamed: [String]

        init(
            _ site: Site, _ histology: Histology, infiltrative: Bool = false, _ marginCm: Double,
            _ strategy: String, _ rule: String, alsoNamed: [String] = []
        ) {
            self.site = site
            self.histology = histology
            self.infiltrative = infiltrative
            self.marginCm = marginCm
            self.strategy = strategy
            self.rule = rule
            self.alsoNamed = alsoNamed
        }

        var testDescription: String {
            "\(site.rawValue) \(histology.rawValue)\(infiltrative ? " infiltrative" : "") -> \(marginCm) cm \(strategy) (\(rule))"
        }
    }

    static let wide = "wide_en_bloc"
    static let minimal = "complete_excision_minimal_margin"

    static let rows: [Row] = [
        // MARGIN-WIDE-1CM: the default.
        Row(.extremity, .undifferentiatedPleomorphicSarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.trunk, .synovialSarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.retroperitoneum, .leiomyosarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.extremity, .myxoidLiposarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.extremity, .dedifferentiatedLiposarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.extremity, .pleomorphicLiposarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        // MARGIN-INFILTRATIVE-2CM: DFSP, myxofibrosarcoma, or infiltrative borders reported.
        Row(.extremity, .dermatofibrosarcomaProtuberans, 2, wide, "MARGIN-INFILTRATIVE-2CM"),
        Row(.trunk, .dermatofibrosarcomaProtuberans, 2, wide, "MARGIN-INFILTRATIVE-2CM"),
        Row(.extremity, .myxofibrosarcoma, 2, wide, "MARGIN-INFILTRATIVE-2CM"),
        Row(.trunk, .myxofibrosarcoma, 2, wide, "MARGIN-INFILTRATIVE-2CM"),
        Row(.extremity, .undifferentiatedPleomorphicSarcoma, infiltrative: true, 2, wide, "MARGIN-INFILTRATIVE-2CM"),
        Row(.trunk, .leiomyosarcoma, infiltrative: true, 2, wide, "MARGIN-INFILTRATIVE-2CM"),
        Row(.retroperitoneum, .dedifferentiatedLiposarcoma, infiltrative: true, 2, wide, "MARGIN-INFILTRATIVE-2CM"),
        // MARGIN-ALT-MINIMAL: ALT/WDLS of the extremities only: complete excision, 0 cm.
        Row(.extremity, .wellDifferentiatedLiposarcoma, 0, minimal, "MARGIN-ALT-MINIMAL"),
        // "Elsewhere the default rule applies."
        Row(.retroperitoneum, .wellDifferentiatedLiposarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.trunk, .wellDifferentiatedLiposarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.headAndNeck, .wellDifferentiatedLiposarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        Row(.visceral, .wellDifferentiatedLiposarcoma, 1, wide, "MARGIN-WIDE-1CM"),
        // Two margin rules: the wider wins and both are named.
        Row(
            .extremity, .wellDifferentiatedLiposarcoma, infiltrative: true, 2, wide, "MARGIN-INFILTRATIVE-2CM",
            alsoNamed: ["MARGIN-ALT-MINIMAL"]),
    ]

    @Test("MARGIN-WIDE-1CM / MARGIN-INFILTRATIVE-2CM / MARGIN-ALT-MINIMAL by site and histology", arguments: rows)
    func margin(row: Row) throws {
        let answer = RuleAnswer(
            .margins,
            for: .ruleCase(
                row.site, size: 6.0, histology: row.histology,
                grade: 1, infiltrative: row.infiltrative))
        #expect(answer["marginCm"].number == row.marginCm)
        #expect(answer["strategy"].string == row.strategy)
        #expect(answer.ruleIds.contains(row.rule))
        let marginRules: Set = ["MARGIN-WIDE-1CM", "MARGIN-INFILTRATIVE-2CM", "MARGIN-ALT-MINIMAL"]
        let marginRecommendations = answer.json["recommendations"].items.filter {
            marginRules.contains($0["ruleId"].string ?? "")
        }
        let deciding = try #require(
            marginRecommendations.first { $0["ruleId"].string == row.rule },
            "no recommendation with ruleId \(row.rule): \(answer["recommendations"])")
        let named = deciding["ruleIds"].items.compactMap(\.string)
        for other in row.alsoNamed {
            #expect(named.contains(other), "\(row.rule) recommendation should also name \(other): \(named)")
        }
        // No losing margin rule is presented as its own recommendation.
        let losers = marginRecommendations.compactMap { $0["ruleId"].string }.filter { $0 != row.rule }
        #expect(losers.isEmpty, "a second margin recommendation contradicts the decided margin: \(losers)")
        #expect(deciding["nccnCategory"].isNull)
    }

    struct AmputationRow: Sendable, CustomTestStringConvertible {
        let metastasis: MetastasisStatus
        let limbSparing: Bool?
        let resectable: Bool
        let amputation: String
        var testDescription: String {
            "\(metastasis.rawValue), limb sparing \(limbSparing.map(String.init) ?? "not stated"), resectable \(resectable) -> \(amputation)"
        }
    }

    static let amputationRows: [AmputationRow] = [
        // Only when no other means (limb sparing impossible) and no metastatic disease.
        AmputationRow(
            metastasis: .m0, limbSparing: false, resectable: true, amputation: "consider_if_no_limb_sparing_option"),
        AmputationRow(metastasis: .m0, limbSparing: true, resectable: true, amputation: "not_indicated"),
        AmputationRow(metastasis: .m0, limbSparing: nil, resectable: true, amputation: "not_indicated"),
        // Never for M1.
        AmputationRow(metastasis: .m1, limbSparing: false, resectable: true, amputation: "not_indicated"),
        AmputationRow(metastasis: .m1, limbSparing: false, resectable: false, amputation: "not_indicated"),
        AmputationRow(metastasis: .m1, limbSparing: true, resectable: true, amputation: "not_indicated"),
        AmputationRow(metastasis: .m1, limbSparing: nil, resectable: true, amputation: "not_indicated"),
    ]

    @Test("MARGIN-AMPUTATION: only when limb sparing is impossible, and never for M1", arguments: amputationRows)
    func amputation(row: AmputationRow) {
        let answer = RuleAnswer(
            .margins,
            for: .ruleCase(
                .extremity, size: 14.0, grade: 3, metastasis: row.metastasis,
                resectable: row.resectable, limbSparing: row.limbSparing))
        #expect(answer["amputation"].string == row.amputation)
        if row.amputation == "consider_if_no_limb_sparing_option" {
            #expect(answer.ruleIds.contains("MARGIN-AMPUTATION"))
        }
    }

    static let mdtCases: [SarcomaCase] = [
        .contractExample,
        .ruleCase(.extremity, size: 2.0, histology: .wellDifferentiatedLiposarcoma, grade: 1),
        .ruleCase(.trunk, size: 6.0, histology: .dermatofibrosarcomaProtuberans, grade: 1),
        .ruleCase(.retroperitoneum, size: 22.0, histology: .dedifferentiatedLiposarcoma, grade: 3),
        .ruleCase(.headAndNeck, size: 3.0, histology: .angiosarcoma, grade: 3, headNeck: [.orbit]),
        .ruleCase(.visceral, size: 9.0, histology: .leiomyosarcoma, grade: 2, visceralExtent: .serosa),
        .ruleCase(.extremity, size: 11.0, grade: 3, metastasis: .m1),
        .siteOnly(.extremity),
        .siteOnly(.visceral),
    ]

    @Test("MARGIN-MDT: every answer recommends multidisciplinary evaluation", arguments: mdtCases)
    func mdtAlwaysPresent(sarcomaCase: SarcomaCase) {
        let answer = RuleAnswer(.margins, for: sarcomaCase)
        let mdt = answer.json["recommendations"].items.filter { $0["ruleId"].string == "MARGIN-MDT" }
        #expect(mdt.count == 1, "MARGIN-MDT recommendations: \(mdt.count)")
        #expect(mdt.first?["nccnCategory"].isNull == true)
        expectWellFormedRecommendations(answer, therapy: false)
    }
}
