import Testing
@testable import SarcomaGuidelines

/// The fixed fields of each evaluation answer (api-contract.md, "Evaluation endpoints"):
/// always present, an absent value written as null; every recommendation well formed.
@Suite("Contract shape of evaluation answers")
struct ContractShapeRuleTests {
    static let members: [RulesEndpoint: [String]] = [
        .staging: ["t", "n", "m", "grade", "stageGroup", "stageGroupReason", "ajccEdition", "fnclccScore"],
        .margins: [
            "marginCm", "strategy", "amputation", "biopsy", "biopsy.excisionalBiopsyAdvised",
            "biopsy.method", "recommendations",
        ],
        .imaging: ["primary", "metastaticWorkup", "primaryChoice", "pet", "petResponse"],
        .perioperative: ["options", "highRisk"],
        .palliative: ["indicated", "line", "options", "notRecommended", "investigational"],
        .assessment: ["staging", "margins", "imaging", "perioperative", "palliative"],
    ]

    struct NamedCase: Sendable, CustomTestStringConvertible {
        let name: String
        let value: SarcomaCase
        var testDescription: String { name }
    }

    static let cases: [NamedCase] =
        Site.allCases.map { NamedCase(name: "site only: \($0.rawValue)", value: .siteOnly($0)) } + [
            NamedCase(name: "contract example", value: .contractExample),
            NamedCase(
                name: "M1 LMS 2nd line",
                value: .ruleCase(
                    size: 11, histology: .leiomyosarcoma, grade: 2,
                    metastasis: .m1, priorLines: 1, priorAnthracycline: true)),
            NamedCase(
                name: "head and neck T4b N1",
                value: .ruleCase(
                    .headAndNeck, size: 3, grade: 3, nodes: .n1,
                    headNeck: [.carotidEncasement])),
            NamedCase(name: "visceral multifocal", value: .ruleCase(.visceral, size: 8, grade: 2, multifocal: 4)),
            NamedCase(
                name: "retroperitoneal ALT/WDLS recurrent",
                value: .ruleCase(
                    .retroperitoneum, size: 25,
                    histology: .wellDifferentiatedLiposarcoma, grade: 1, presentation: .recurrent, resectable: false)),
        ]

    @Test(
        "Contract: every fixed field present (null, not omitted), guidelineVersion and warnings well formed",
        arguments: RulesEndpoint.allCases, cases)
    func fixedFields(endpoint: RulesEndpoint, named: NamedCase) {
        let answer = RuleAnswer(endpoint: endpoint, for: named.value)
        #expect(answer.json.isObject)
        #expect(answer["guidelineVersion"].string.map { !$0.isEmpty } == true, "guidelineVersion")
        #expect(answer["warnings"].isArray, "warnings must be an array")
        for warning in answer["warnings"].items {
            #expect(warning["code"].string.map { !$0.isEmpty } == true, "warning without code: \(warning)")
            #expect(warning["message"].string.map { !$0.isEmpty } == true, "warning without message: \(warning)")
        }
        for member in Self.members[endpoint] ?? [] {
            #expect(answer[member].isPresent, "\(endpoint.rawValue) answer lacks \(member)")
        }
        expectWellFormedRecommendations(
            answer,
            therapy: endpoint == .perioperative || endpoint == .palliative
                || endpoint == .assessment)
        #expect(
            answer.ruleIds.allSatisfy(ClinicalRuleIDs.all.contains),
            "rule ids not in `docs/clinical/clinical-rules-2026.11-1.md`: \(answer.ruleIds.filter { !ClinicalRuleIDs.all.contains($0) })"
        )
    }

    @Test("Contract: wire values are from the contract's vocabularies", arguments: cases)
    func wireValues(named: NamedCase) {
        let staging = RuleAnswer(.staging, for: named.value)
        let tValues: Set = ["T1", "T2", "T3", "T4", "T2a", "T2b", "T4a", "T4b", "T4c", "TX"]
        #expect(tValues.contains(staging["t"].string ?? ""))
        #expect(["N0", "N1"].contains(staging["n"].string ?? ""))
        #expect(["M0", "M1"].contains(staging["m"].string ?? ""))
        #expect(["G1", "G2", "G3", "GX"].contains(staging["grade"].string ?? ""))
        #expect(
            staging["stageGroup"].isNull
                || ["IA", "IB", "II", "IIIA", "IIIB", "IV"].contains(staging["stageGroup"].string ?? ""))
        #expect(staging["ajccEdition"].number == 8)
        #expect(staging["fnclccScore"].isNull || staging["fnclccScore"].number != nil)
        #expect(
            staging["stageGroup"].isNull == !staging["stageGroupReason"].isNull,
            "stageGroupReason is null exactly when there is a group")

        let margins = RuleAnswer(.margins, for: named.value)
        #expect([0, 1, 2].contains(margins["marginCm"].number ?? -1))
        #expect(["wide_en_bloc", "complete_excision_minimal_margin"].contains(margins["strategy"].string ?? ""))
        #expect(["not_indicated", "consider_if_no_limb_sparing_option"].contains(margins["amputation"].string ?? ""))
        #expect(margins["biopsy.excisionalBiopsyAdvised"].bool != nil)
        #expect(["core_needle", "incisional"].contains(margins["biopsy.method"].string ?? ""))
        #expect(margins["recommendations"].isArray)

        let imaging = RuleAnswer(.imaging, for: named.value)
        let modalities: Set = ["mri", "ct", "spiral_ct", "chest_radiograph", "chest_ct", "liver_imaging", "pet_ct"]
        for item in imaging["primary"].items + imaging["metastaticWorkup"].items {
            #expect(modalities.contains(item["modality"].string ?? ""), "\(item)")
            #expect(item["required"].bool != nil && item["preferred"].bool != nil, "\(item)")
        }
        #expect(imaging["primary"].isArray && imaging["metastaticWorkup"].isArray)
        #expect(["one_of", "all"].contains(imaging["primaryChoice"].string ?? ""))
        #expect(["indicated", "optional"].contains(imaging["pet"].string ?? ""))
        let response = imaging["petResponse"]
        #expect(
            response.isNull || (response["suvMaxReductionPercent"].number != nil && response["favorable"].bool != nil))

        let periop = RuleAnswer(.perioperative, for: named.value)
        let periopModalities: Set = [
            "postoperative_rt", "preoperative_rt", "postoperative_chemotherapy",
            "preoperative_chemotherapy", "preoperative_chemoradiation", "surgery",
        ]
        #expect(periop["options"].isArray)
        for option in periop["options"].items {
            #expect(periopModalities.contains(option["modality"].string ?? ""), "\(option)")
            #expect(
                option["ruleId"].isPresent && option["nccnCategory"].isPresent && option["categoryDefaulted"].isPresent)
        }
        #expect(periop["highRisk"].bool != nil)

        let palliative = RuleAnswer(.palliative, for: named.value)
        let agents: Set = [
            "doxorubicin", "larotrectinib", "entrectinib", "pazopanib", "pazopanib_gemcitabine",
            "trabectedin", "eribulin", "regorafenib", "pembrolizumab", "nivolumab", "clinical_trial",
        ]
        #expect(palliative["indicated"].bool != nil)
        // No palliative line applies when palliative therapy is not indicated: null allowed then.
        if palliative["indicated"].bool == false {
            #expect(palliative["line"].isNull || ["first", "subsequent"].contains(palliative["line"].string ?? ""))
        } else {
            #expect(["first", "subsequent"].contains(palliative["line"].string ?? ""))
        }
        #expect(
            palliative["options"].isArray && palliative["notRecommended"].isArray
                && palliative["investigational"].isArray)
        for option in palliative["options"].items {
            #expect(agents.contains(option["agent"].string ?? ""), "\(option)")
            #expect(
                option["ruleId"].isPresent && option["nccnCategory"].isPresent && option["categoryDefaulted"].isPresent)
        }
        for item in palliative["notRecommended"].items + palliative["investigational"].items {
            #expect(item["agent"].string != nil && item["reason"].string.map { !$0.isEmpty } == true, "\(item)")
        }
    }

    @Test("Contract: assessment members are the answers of their own endpoints", arguments: cases)
    func assessmentMembers(named: NamedCase) {
        let assessment = RuleAnswer(.assessment, for: named.value)
        for endpoint in [RulesEndpoint.staging, .margins, .imaging, .perioperative, .palliative] {
            let own = RuleAnswer(endpoint: endpoint, for: named.value)
            #expect(
                assessment[endpoint.rawValue].raw == own.json.raw,
                "assessment.\(endpoint.rawValue) differs from the \(endpoint.rawValue) answer")
        }
    }

    @Test("Contract: staging, margin and imaging recommendations carry nccnCategory null", arguments: cases)
    func noCategoriesOutsideTherapy(named: NamedCase) {
        #expect(!RuleAnswer(.margins, for: named.value)["recommendations"].items.isEmpty)
        for endpoint in [RulesEndpoint.staging, .margins, .imaging] {
            expectWellFormedRecommendations(RuleAnswer(endpoint: endpoint, for: named.value), therapy: false)
        }
    }
}
