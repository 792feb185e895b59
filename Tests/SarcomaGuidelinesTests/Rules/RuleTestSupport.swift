import Testing
@testable import SarcomaGuidelines

/// Every rule id that `docs/clinical/clinical-rules-2026.11-1.md` defines (sections 1-6), copied by hand from it.
enum ClinicalRuleIDs {
    static let all: Set<String> = [
        // 1. Grade
        "GRADE-FNCLCC",
        // 2. Staging
        "STAGE-TE", "STAGE-RP", "STAGE-HN", "STAGE-VI",
        // 3. Biopsy and margins
        "BIOPSY-CORE", "BIOPSY-NO-EXCISIONAL",
        "MARGIN-WIDE-1CM", "MARGIN-INFILTRATIVE-2CM", "MARGIN-ALT-MINIMAL",
        "MARGIN-AMPUTATION", "MARGIN-MDT",
        // 4. Perioperative
        "PERIOP-SURGERY", "PERIOP-POSTOP-CHEMO", "PERIOP-STAGE3-POSTOP-RT",
        "PERIOP-STAGE3-PREOP", "PERIOP-LARGE-HIGHGRADE",
        // 5. Imaging
        "IMG-PRIMARY-EXTREMITY-HN", "IMG-PRIMARY-ABDOMEN-CHEST", "IMG-LIVER",
        "IMG-CHEST-XR", "IMG-CHEST-CT", "IMG-PET-RECURRENT", "IMG-PET-OPTIONAL",
        "IMG-PET-RESPONSE",
        // 6. Palliative
        "PALL-ANTHRACYCLINE-FIRST", "PALL-NTRK", "PALL-PAZOPANIB-FIRST",
        "PALL-PAZOPANIB-SUBSEQUENT", "PALL-PAZOPANIB-GEM", "PALL-TRABECTEDIN",
        "PALL-ERIBULIN", "PALL-REGORAFENIB", "PALL-PD1", "PALL-CTLA4-TRIAL", "PALL-TRIAL",
        "PALL-NOT-LOCALIZED",
    ]
}

/// The five endpoints plus assessment, by wire name (so test arguments stay plain strings).
enum RulesEndpoint: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case staging, margins, imaging, perioperative, palliative, assessment

    var kind: EvaluationKind {
        switch self {
        case .staging: .staging
        case .margins: .margins
        case .imaging: .imaging
        case .perioperative: .perioperative
        case .palliative: .palliative
        case .assessment: .assessment
        }
    }

    var testDescription: String { rawValue }
}

/// One evaluation of one case, with readers for what the rules talk about.
struct RuleAnswer {
    let json: RulesJSON
    let ruleIds: [String]
    let plainText: String

    init(_ kind: EvaluationKind, for sarcomaCase: SarcomaCase, explain: Bool = false) {
        let evaluation = PackFixture.engine.evaluate(kind, for: sarcomaCase, explain: explain)
        json = RulesJSON(evaluation.json)
        ruleIds = evaluation.ruleIds
        plainText = evaluation.plainText
    }

    init(endpoint: RulesEndpoint, for sarcomaCase: SarcomaCase, explain: Bool = false) {
        self.init(endpoint.kind, for: sarcomaCase, explain: explain)
    }

    subscript(_ path: String) -> RulesJSON { json[path] }

    var warningMessages: [String] { json["warnings"].items.compactMap { $0["message"].string } }

    private var warningKeys: [String] {
        json["warnings"].items.map { "\($0["code"].string ?? "")|\($0["message"].string ?? "")" }
    }

    /// Warning messages this answer has and `other` does not (same code and message).
    func warnings(notIn other: RuleAnswer) -> [String] {
        let theirs = Set(other.warningKeys)
        return zip(warningKeys, json["warnings"].items)
            .filter { !theirs.contains($0.0) }
            .compactMap { $0.1["message"].string }
    }

    /// The items of the array at `list` whose `key` member equals `value`.
    func items(_ list: String, where key: String, is value: String) -> [RulesJSON] {
        json[list].items.filter { $0[key].string == value }
    }

    func item(_ list: String, where key: String, is value: String) -> RulesJSON? {
        items(list, where: key, is: value).first
    }

    /// The `key` strings of every item of the array at `list`.
    func values(_ list: String, _ key: String) -> [String] {
        json[list].items.compactMap { $0[key].string }
    }

    /// Strings that could carry the "says why" the rules demand: warning messages and any
    /// top-level member whose name mentions a reason or a note.
    var reasonTexts: [String] {
        var texts = warningMessages
        for key in json.keys {
            let lower = key.lowercased()
            if lower.contains("reason") || lower.contains("note") {
                texts += json[key].allStrings.filter { !$0.isEmpty && $0 != key }
            }
        }
        return texts
    }
}

/// Whether any of `texts` mentions any of `words` (case-insensitive).
func rulesMention(_ texts: [String], anyOf words: [String]) -> Bool {
    texts.contains { text in words.contains { text.lowercased().contains($0.lowercased()) } }
}

extension SarcomaCase {
    /// A complete, explicit case (nothing left to a default, so no default warnings)
    /// built around the contract's example; each test overrides what its rule reads.
    /// `grade: nil` means no stated grade (GX unless `fnclcc` computes one).
    static func ruleCase(
        _ site: Site = .extremity,
        size: Double? = 7.0,
        depth: Depth? = .deep,
        histology: Histology? = .undifferentiatedPleomorphicSarcoma,
        grade: Int? = 3,
        fnclcc: FNCLCC? = nil,
        infiltrative: Bool? = false,
        nodes: NodalStatus? = .n0,
        metastasis: MetastasisStatus? = .m0,
        ntrk: Bool? = false,
        headNeck: [HeadNeckInvasion]? = nil,
        visceralExtent: VisceralExtent? = nil,
        multifocal: Int? = nil,
        presentation: Presentation? = .primary,
        resectable: Bool? = true,
        priorLines: Int? = 0,
        priorAnthracycline: Bool? = false,
        limbSparing: Bool? = nil,
        ivEligible: Bool? = true,
        anthracyclineCandidate: Bool? = true,
        pet: PET? = nil
    ) -> SarcomaCase {
        SarcomaCase(
            externalId: "RULES-TEST",
            patient: Patient(
                ageYears: 61, sex: .female, ecog: 1,
                ivTherapyEligible: ivEligible,
                anthracyclineCandidate: anthracyclineCandidate),
            tumor: Tumor(
                site: site, sizeCm: size, depth: depth, histology: histology,
                grade: grade, fnclcc: fnclcc, infiltrativeBorders: infiltrative,
                nodes: nodes, metastasis: metastasis, ntrkFusion: ntrk,
                metastaticSites: metastasis == .m1 ? [.lung] : nil,
                headNeckInvasion: headNeck, visceralExtent: visceralExtent,
                multifocalSites: multifocal),
            disease: Disease(
                presentation: presentation, resectable: resectable,
                priorSystemicLines: priorLines,
                priorAnthracycline: priorAnthracycline,
                limbSparingPossible: limbSparing),
            pet: pet)
    }

    /// The contract's example case ("The case", api-contract.md), verbatim.
    static let contractExample = SarcomaCase(
        externalId: "EHR-000123",
        patient: Patient(
            ageYears: 61, sex: .female, ecog: 1,
            ivTherapyEligible: true, anthracyclineCandidate: true),
        tumor: Tumor(
            site: .extremity, sizeCm: 12.5, depth: .deep, histology: .myxofibrosarcoma,
            grade: 3,
            fnclcc: FNCLCC(differentiation: 3, mitosesPer10Hpf: 22, necrosisPercent: 30),
            infiltrativeBorders: false, nodes: .n0, metastasis: .m0, ntrkFusion: false),
        disease: Disease(
            presentation: .primary, resectable: true,
            priorSystemicLines: 0, priorAnthracycline: false),
        pet: PET(suvMaxBaseline: 11.0, suvMaxPostTherapy: 5.5))

    /// Only `tumor.site`, the one required field.
    static func siteOnly(_ site: Site) -> SarcomaCase { SarcomaCase(tumor: Tumor(site: site)) }
}

/// Liposarcoma subtypes (lipogenic / adipocytic, ALT/WDLS included).
let liposarcomaSubtypes: [Histology] = [
    .dedifferentiatedLiposarcoma, .myxoidLiposarcoma, .pleomorphicLiposarcoma,
    .wellDifferentiatedLiposarcoma,
]

extension Histology {
    var isLiposarcoma: Bool { liposarcomaSubtypes.contains(self) }
    /// L-type = any liposarcoma subtype or leiomyosarcoma.
    var isLType: Bool { isLiposarcoma || self == .leiomyosarcoma }
}

/// Checks the contract's recommendation-object fields on every object carrying a `ruleId`.
/// `therapy`: perioperative/palliative answers may carry categories; all others must not.
func expectWellFormedRecommendations(
    _ answer: RuleAnswer, therapy: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    for rec in answer.json.recommendationObjects {
        let ruleId = rec["ruleId"].string
        #expect(
            ruleId.map(ClinicalRuleIDs.all.contains) == true,
            "ruleId \(rec["ruleId"]) is not a rule of `docs/clinical/clinical-rules-2026.11-1.md`",
            sourceLocation: sourceLocation)
        let ids = rec["ruleIds"].items.compactMap(\.string)
        #expect(
            !ids.isEmpty && ids.first == ruleId,
            "ruleIds \(rec["ruleIds"]) must start with ruleId \(rec["ruleId"])", sourceLocation: sourceLocation)
        #expect(
            ids.allSatisfy(ClinicalRuleIDs.all.contains),
            "ruleIds \(ids) name a rule not in `docs/clinical/clinical-rules-2026.11-1.md`",
            sourceLocation: sourceLocation)
        #expect(
            rec["rationale"].string.map { !$0.isEmpty } == true,
            "rationale missing in \(rec)", sourceLocation: sourceLocation)
        #expect(rec["source"].string != nil, "source missing in \(rec)", sourceLocation: sourceLocation)
        #expect(
            rec["evidence"].isArray && rec["evidence"].items.allSatisfy { $0.string != nil },
            "evidence must be an array of strings in \(rec)", sourceLocation: sourceLocation)
        let category = rec["nccnCategory"]
        let defaulted = rec["categoryDefaulted"].bool
        #expect(
            category.isPresent, "nccnCategory must be present (null, not omitted): \(rec)",
            sourceLocation: sourceLocation)
        #expect(defaulted != nil, "categoryDefaulted must be a bool: \(rec)", sourceLocation: sourceLocation)
        if therapy {
            #expect(
                category.isNull || ["1", "2A", "2B"].contains(category.string ?? ""),
                "nccnCategory \(category) is none of 1, 2A, 2B, null", sourceLocation: sourceLocation)
            if defaulted == true {
                #expect(
                    category.string == "2A", "only 2A can be a defaulted category: \(rec)",
                    sourceLocation: sourceLocation)
            }
        } else {
            #expect(
                category.isNull, "non-therapy recommendation with a category: \(rec)",
                sourceLocation: sourceLocation)
            #expect(
                defaulted == false, "non-therapy recommendation with a defaulted category: \(rec)",
                sourceLocation: sourceLocation)
        }
    }
}
