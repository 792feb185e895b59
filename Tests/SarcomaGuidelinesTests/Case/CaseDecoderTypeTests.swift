import JSON
import Testing
import SarcomaGuidelines

/// Wrong types, unknown fields and bad codes: each must be a 422 at the right pointer.
@Suite("CaseDecoder: types, unknown fields, codes")
struct CaseDecoderTypeTests {
    @Test("the contract's example decodes to what it says")
    func contractExample() {
        let decoded = CaseFixtures.decoded(CaseFixtures.contractExample)
        #expect(decoded == CaseFixtures.contractExampleCase)
    }

    static let wrongTypes: [(String, JSONValue)] = [
        ("/externalId", 123), ("/externalId", true), ("/externalId", ["EHR-1"]),
        ("/patient", "x"), ("/patient", []),
        ("/patient/ageYears", "61"), ("/patient/ageYears", 61.5), ("/patient/ageYears", true),
        ("/patient/sex", 1), ("/patient/sex", ["female"]),
        ("/patient/ecog", "1"), ("/patient/ecog", 1.5), ("/patient/ecog", false),
        ("/patient/ivTherapyEligible", 1), ("/patient/ivTherapyEligible", 0),
        ("/patient/ivTherapyEligible", "true"),
        ("/patient/anthracyclineCandidate", "yes"),
        ("/tumor", "extremity"), ("/tumor", [["site": "extremity"]]), ("/tumor", 1),
        ("/tumor/site", 1), ("/tumor/site", ["extremity"]),
        ("/tumor/sizeCm", "12"), ("/tumor/sizeCm", true), ("/tumor/sizeCm", ["value": 12]),
        ("/tumor/depth", true),
        ("/tumor/histology", 3),
        ("/tumor/grade", "3"), ("/tumor/grade", true), ("/tumor/grade", 2.5), ("/tumor/grade", [3]),
        ("/tumor/fnclcc", 3), ("/tumor/fnclcc", [3, 22, 30]),
        ("/tumor/fnclcc/differentiation", "3"), ("/tumor/fnclcc/differentiation", 1.5),
        ("/tumor/fnclcc/mitosesPer10Hpf", "22"), ("/tumor/fnclcc/mitosesPer10Hpf", 2.5),
        ("/tumor/fnclcc/necrosisPercent", "30"), ("/tumor/fnclcc/necrosisPercent", "30%"),
        ("/tumor/infiltrativeBorders", "false"), ("/tumor/infiltrativeBorders", 0),
        ("/tumor/nodes", 0), ("/tumor/nodes", false),
        ("/tumor/metastasis", true),
        ("/tumor/ntrkFusion", "no"),
        ("/tumor/metastaticSites", "lung"),
        ("/tumor/headNeckInvasion", "orbit"),
        ("/tumor/visceralExtent", 1),
        ("/tumor/multifocalSites", "2"), ("/tumor/multifocalSites", 1.5),
        ("/disease", true),
        ("/disease/presentation", 1),
        ("/disease/resectable", "yes"),
        ("/disease/priorSystemicLines", "0"), ("/disease/priorSystemicLines", 1.5),
        ("/disease/priorAnthracycline", 0),
        ("/disease/limbSparingPossible", "true"),
        ("/pet", 11),
        ("/pet/suvMaxBaseline", "11"), ("/pet/suvMaxPostTherapy", false),
    ]

    @Test("a wrong type is one issue at its pointer, never coerced", arguments: wrongTypes)
    func wrongType(pointer: String, value: JSONValue) {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: pointer, to: value))
        #expect(issues.map(\.pointer) == [pointer])
        #expect(issues.first?.detail.contains("; got ") == true)
    }

    static let exactDetails: [(String, JSONValue, String)] = [
        ("/tumor/grade", "3", #"grade must be an integer from 1 to 3; got the string "3""#),
        ("/tumor/grade", true, "grade must be an integer from 1 to 3; got true"),
        ("/tumor/grade", 2.5, "grade must be an integer from 1 to 3; got 2.5"),
        ("/patient/ivTherapyEligible", 1, "ivTherapyEligible must be true or false; got 1"),
        (
            "/tumor/sizeCm", "12",
            #"sizeCm must be a number of centimetres greater than 0 and at most 100; got the string "12""#
        ),
        ("/tumor/fnclcc", [3], "fnclcc must be an object; got an array"),
        ("/tumor/depth", true, "depth must be one of superficial, deep; got true"),
        ("/externalId", 123, "externalId must be a string; got 123"),
        (
            "/tumor/metastaticSites", "lung",
            #"metastaticSites must be an array of codes (one of lung, liver, bone, brain, lymph_node_distant, peritoneum, soft_tissue, other); got the string "lung""#
        ),
    ]

    @Test("type errors say what was expected and what came", arguments: exactDetails)
    func detail(pointer: String, value: JSONValue, detail: String) {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: pointer, to: value))
        #expect(issues == [FieldIssue(pointer: pointer, detail: detail)])
    }

    static let unknownFields: [(String, String)] = [
        ("/Tumor", "unknown field `Tumor`: did you mean `tumor`?"),
        ("/sizeCm", "unknown field `sizeCm` in the case: `sizeCm` belongs in `tumor` (/tumor/sizeCm)"),
        ("/id", "unknown field `id`: the case has only externalId, patient, tumor, disease, pet"),
        ("/patient/ecg", "unknown field `ecg`: did you mean `ecog`?"),
        ("/patient/age", "unknown field `age`: did you mean `ageYears`?"),
        ("/patient/AgeYears", "unknown field `AgeYears`: did you mean `ageYears`?"),
        (
            "/patient/tumor",
            "unknown field `tumor` in patient: `tumor` belongs at the top level of the case (/tumor)"
        ),
        ("/tumor/sizecm", "unknown field `sizecm`: did you mean `sizeCm`?"),
        ("/tumor/size_cm", "unknown field `size_cm`: did you mean `sizeCm`?"),
        ("/tumor/histolgy", "unknown field `histolgy`: did you mean `histology`?"),
        ("/tumor/grdae", "unknown field `grdae`: did you mean `grade`?"),
        ("/tumor/ecog", "unknown field `ecog` in tumor: `ecog` belongs in `patient` (/patient/ecog)"),
        (
            "/tumor/foo",
            "unknown field `foo`: tumor has only site, sizeCm, depth, histology, grade, fnclcc, infiltrativeBorders, nodes, metastasis, ntrkFusion, metastaticSites, headNeckInvasion, visceralExtent, multifocalSites, biomarkers"
        ),
        ("/tumor/fnclcc/mitoses", "unknown field `mitoses`: did you mean `mitosesPer10Hpf`?"),
        (
            "/tumor/fnclcc/grade",
            "unknown field `grade` in tumor.fnclcc: `grade` belongs in `tumor` (/tumor/grade)"
        ),
        (
            "/disease/priorLines",
            "unknown field `priorLines`: disease has only presentation, resectable, priorSystemicLines, priorAnthracycline, limbSparingPossible, localDisease, metastasesResectable, conversionNotFeasible, priorRadiotherapy, progressedOnAnthracycline, progressedOnAgents, cumulativeDoxorubicinMgM2, monthsSinceLastAnthracycline, priorCardiotoxicTherapy, priorResection"
        ),
        ("/disease/Resectable", "unknown field `Resectable`: did you mean `resectable`?"),
        ("/pet/suvMaxBaseLine", "unknown field `suvMaxBaseLine`: did you mean `suvMaxBaseline`?"),
        ("/pet/suvMax", "unknown field `suvMax`: pet has only suvMaxBaseline, suvMaxPostTherapy"),
    ]

    @Test("an unknown field at any level is 422 with the likely intended name", arguments: unknownFields)
    func unknownField(pointer: String, detail: String) {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: pointer, to: 1))
        #expect(issues == [FieldIssue(pointer: pointer, detail: detail)])
    }

    @Test("even a null unknown field is reported")
    func unknownNull() {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: "/tumor/sizecm", to: .null))
        #expect(issues.map(\.pointer) == ["/tumor/sizecm"])
    }

    @Test("a stray key with '/' and '~' is pointed at with RFC 6901 escaping")
    func pointerEscaping() {
        var json = CaseFixtures.exampleJSON
        json = CaseFixtures.setting(json, ["tumor", "a/b~c"], 1)
        json = CaseFixtures.setting(json, ["~"], 1)
        let issues = CaseFixtures.issues(json)
        #expect(issues.map(\.pointer) == ["/tumor/a~1b~0c", "/~0"])
    }

    static let badCodes: [(String, JSONValue, String?)] = [
        ("/tumor/site", "Extremity", "extremity"),
        ("/tumor/site", "head-and-neck", "head_and_neck"),
        ("/tumor/site", "Head and Neck", "head_and_neck"),
        ("/tumor/site", "retroperitoneal", "retroperitoneum"),
        ("/tumor/site", "leg", nil),
        ("/tumor/depth", "Deep", "deep"),
        ("/tumor/depth", "superfical", "superficial"),
        ("/tumor/nodes", "n0", "N0"),
        ("/tumor/nodes", "N2", nil),  // one edit from both N0 and N1: no guess
        ("/tumor/nodes", "NX", nil),
        ("/tumor/metastasis", "m0", "M0"),
        ("/tumor/metastasis", "M2", nil),
        ("/tumor/histology", "Leiomyosarcoma", "leiomyosarcoma"),
        ("/tumor/histology", "myxoid_lipsarcoma", "myxoid_liposarcoma"),
        ("/tumor/histology", "myxofibrosarcoma ", "myxofibrosarcoma"),
        ("/tumor/histology", "liposarcoma", nil),
        ("/tumor/visceralExtent", "organ-confined", "organ_confined"),
        ("/patient/sex", "Female", "female"),
        ("/patient/sex", "F", nil),
        ("/disease/presentation", "Recurrent", "recurrent"),
        ("/disease/presentation", "new", nil),
    ]

    @Test("a code outside the contract is 422, with a suggestion only when unambiguous", arguments: badCodes)
    func badCode(pointer: String, value: JSONValue, suggestion: String?) throws {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: pointer, to: value))
        #expect(issues.map(\.pointer) == [pointer])
        let detail = try #require(issues.first?.detail)
        if let suggestion {
            #expect(detail.hasSuffix("did you mean `\(suggestion)`?"))
        } else {
            #expect(!detail.contains("did you mean"))
        }
    }

    @Test("short code lists are spelled out; histology points to the contract")
    func codeListing() {
        let nodes = CaseFixtures.issues(CaseFixtures.example(setting: "/tumor/nodes", to: "N2"))
        #expect(
            nodes == [FieldIssue(pointer: "/tumor/nodes", detail: #"nodes must be one of N0, N1; got the string "N2""#)]
        )
        let site = CaseFixtures.issues(CaseFixtures.example(setting: "/tumor/site", to: "Extremity"))
        #expect(
            site.first?.detail
                == #"site must be one of extremity, trunk, retroperitoneum, head_and_neck, visceral; got the string "Extremity": did you mean `extremity`?"#
        )
        let histology = CaseFixtures.issues(CaseFixtures.example(setting: "/tumor/histology", to: "liposarcoma"))
        #expect(
            histology.first?.detail
                == #"histology must be one of the 23 codes the API contract lists; got the string "liposarcoma""#)
    }

    static let badItems: [(String, [JSONValue], String, String?)] = [
        ("/tumor/metastaticSites", ["lung", "Liver"], "/tumor/metastaticSites/1", "liver"),
        ("/tumor/metastaticSites", ["lymph_node"], "/tumor/metastaticSites/0", "lymph_node_distant"),
        ("/tumor/metastaticSites", [nil], "/tumor/metastaticSites/0", nil),
        ("/tumor/metastaticSites", [1], "/tumor/metastaticSites/0", nil),
        ("/tumor/headNeckInvasion", ["orbit", "skull_base"], "/tumor/headNeckInvasion/1", "skull_base_or_dura"),
        ("/tumor/headNeckInvasion", [["orbit"]], "/tumor/headNeckInvasion/0", nil),
    ]

    @Test("a bad item of a code list is 422 at the item", arguments: badItems)
    func badItem(field: String, items: [JSONValue], pointer: String, suggestion: String?) throws {
        var json = CaseFixtures.example(setting: field, to: .array(items))
        json = CaseFixtures.setting(json, ["tumor", "metastasis"], "M1")
        let issues = CaseFixtures.issues(json)
        #expect(issues.map(\.pointer) == [pointer])
        if let suggestion {
            #expect(try #require(issues.first?.detail).hasSuffix("did you mean `\(suggestion)`?"))
        }
    }
}
