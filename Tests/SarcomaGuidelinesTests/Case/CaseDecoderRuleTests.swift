import JSON
import Testing
import SarcomaGuidelines

/// The contract's structural rules, null and empty handling, and issue collection.
@Suite("CaseDecoder: structure and rules")
struct CaseDecoderRuleTests {
    static let nonObjectBodies = ["[]", "[{\"tumor\": {\"site\": \"trunk\"}}]", "1", "\"case\"", "null", "true"]

    @Test("a body that is not an object is 422 at pointer \"\"", arguments: nonObjectBodies)
    func nonObjectBody(text: String) {
        switch CaseDecoder().decode(Array(text.utf8)) {
        case .failure(.invalid(let issues)):
            #expect(issues.count == 1)
            #expect(issues.first?.pointer == "")
            #expect(issues.first?.detail.hasPrefix("the request body must be a JSON object") == true)
        default:
            Issue.record("expected 422")
        }
    }

    static let malformedBodies: [(String, JSONParseError.Reason)] = [
        ("{", .unexpectedEndOfInput(expected: .keyOrEndOfObject)),
        ("", .emptyDocument),
        ("{\"tumor\": {\"site\": \"trunk\", \"site\": \"extremity\"}}", .duplicateKey("site")),
        ("{\"tumor\": {\"site\": \"trunk\",}}", .trailingComma),
        ("{\"tumor\": {\"site\": 'trunk'}}", .unexpectedCharacter(found: "'", expected: .value)),
    ]

    @Test("malformed JSON is 400 with the parser's reason", arguments: malformedBodies)
    func malformed(text: String, reason: JSONParseError.Reason) {
        guard case .failure(.malformedJSON(let error)) = CaseDecoder().decode(Array(text.utf8)) else {
            Issue.record("expected 400")
            return
        }
        #expect(error.reason == reason)
        #expect(CaseInputError.malformedJSON(error).status == 400)
    }

    @Test("nesting beyond maxDepth is malformed")
    func depth() {
        let deep =
            "{\"tumor\": {\"site\": \"trunk\"}, \"x\": " + String(repeating: "[", count: 40)
            + String(repeating: "]", count: 40) + "}"
        guard case .failure(.malformedJSON(let error)) = CaseDecoder().decode(Array(deep.utf8)) else {
            Issue.record("expected 400")
            return
        }
        #expect(error.reason == .depthLimitExceeded(32))
        // Within a larger limit it parses, and the stray member is then a 422.
        guard case .failure(.invalid(let issues)) = CaseDecoder(maxDepth: 64).decode(Array(deep.utf8)) else {
            Issue.record("expected 422")
            return
        }
        #expect(issues.map(\.pointer) == ["/x"])
    }

    static let missingTumorOrSite: [(String, String)] = [
        ("{}", "/tumor"),
        ("{\"tumor\": null}", "/tumor"),
        ("{\"externalId\": \"EHR-1\"}", "/tumor"),
        ("{\"tumor\": {}}", "/tumor/site"),
        ("{\"tumor\": {\"site\": null}}", "/tumor/site"),
        ("{\"tumor\": {\"sizeCm\": 3, \"grade\": 2}}", "/tumor/site"),
    ]

    @Test("tumor and tumor.site are required", arguments: missingTumorOrSite)
    func required(text: String, pointer: String) {
        let issues = CaseFixtures.issues(text)
        #expect(issues.map(\.pointer) == [pointer])
        #expect(issues.first?.detail.contains("required") == true)
    }

    @Test("the smallest valid case is a site")
    func minimal() {
        #expect(
            CaseFixtures.decoded("{\"tumor\": {\"site\": \"visceral\"}}") == SarcomaCase(tumor: .init(site: .visceral)))
    }

    @Test("null for an optional member means not given, at every level")
    func nulls() {
        let text = """
            {"externalId": null, "patient": null, "disease": {"resectable": null},
             "tumor": {"site": "trunk", "sizeCm": null, "depth": null, "histology": null, "grade": null,
                       "fnclcc": {"differentiation": null}, "nodes": null, "metastasis": null,
                       "metastaticSites": null, "headNeckInvasion": null, "multifocalSites": null},
             "pet": {"suvMaxBaseline": null, "suvMaxPostTherapy": null}}
            """
        #expect(CaseFixtures.decoded(text) == SarcomaCase(tumor: .init(site: .trunk)))
    }

    @Test("empty objects and arrays mean not given")
    func empties() {
        let text = """
            {"patient": {}, "disease": {}, "pet": {},
             "tumor": {"site": "head_and_neck", "fnclcc": {}, "metastaticSites": [], "headNeckInvasion": []}}
            """
        #expect(CaseFixtures.decoded(text) == SarcomaCase(tumor: .init(site: .headAndNeck)))
    }

    static let outOfScopeCodes: [(String, String)] = [
        (
            "gastrointestinal_stromal_tumor",
            "histology `gastrointestinal_stromal_tumor`: gastrointestinal stromal tumour (GIST) is out of scope for this service: refer to its own guideline"
        ),
        (
            "kaposi_sarcoma",
            "histology `kaposi_sarcoma`: Kaposi sarcoma is out of scope for this service: refer to its own guideline"
        ),
        (
            "desmoid_tumor",
            "histology `desmoid_tumor`: desmoid tumour (aggressive fibromatosis) is out of scope for this service: refer to its own guideline"
        ),
        (
            "GIST",
            "histology `GIST` is not a code (did you mean `gastrointestinal_stromal_tumor`?), and gastrointestinal stromal tumour (GIST) is out of scope for this service: refer to its own guideline"
        ),
        (
            "Kaposi_Sarcoma",
            "histology `Kaposi_Sarcoma` is not a code (did you mean `kaposi_sarcoma`?), and Kaposi sarcoma is out of scope for this service: refer to its own guideline"
        ),
        (
            "fibromatosis",
            "histology `fibromatosis` is not a code (did you mean `desmoid_tumor`?), and desmoid tumour (aggressive fibromatosis) is out of scope for this service: refer to its own guideline"
        ),
        (
            "osteosarcoma",
            "histology `osteosarcoma` is not a code: bone sarcomas are out of scope for this service: refer to their own guideline"
        ),
        (
            "ewing_sarcoma",
            "histology `ewing_sarcoma` is not a code: bone sarcomas are out of scope for this service: refer to their own guideline"
        ),
        (
            "bone_sarcoma",
            "histology `bone_sarcoma` is not a code: bone sarcomas are out of scope for this service: refer to their own guideline"
        ),
    ]

    @Test("SCOPE-OUT: out-of-scope tumours are 422 at /tumor/histology with a clear detail", arguments: outOfScopeCodes)
    func outOfScope(code: String, detail: String) {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: "/tumor/histology", to: .string(code)))
        #expect(issues == [FieldIssue(pointer: "/tumor/histology", detail: detail)])
    }

    @Test("every out-of-scope code the model names is refused, every in-scope code accepted")
    func allHistologies() {
        for code in Histology.outOfScopeCodes.keys {
            let issues = CaseFixtures.issues(CaseFixtures.example(setting: "/tumor/histology", to: .string(code)))
            #expect(issues.first?.detail.contains("out of scope for this service") == true)
        }
        for histology in Histology.allCases {
            let json = CaseFixtures.example(setting: "/tumor/histology", to: .string(histology.rawValue))
            #expect(CaseFixtures.decoded(json)?.tumor.histology == histology)
        }
    }

    @Test("metastaticSites with metastasis M0 is 422 at /tumor/metastasis")
    func sitesWithM0() {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: "/tumor/metastaticSites", to: ["lung"]))
        #expect(
            issues == [
                FieldIssue(
                    pointer: "/tumor/metastasis",
                    detail: "metastasis must be `M1` when metastaticSites are given; it is `M0`")
            ])
    }

    @Test("metastaticSites with metastasis omitted (M0) is 422 at /tumor/metastasis")
    func sitesWithoutMetastasis() {
        let issues = CaseFixtures.issues(#"{"tumor": {"site": "trunk", "metastaticSites": ["lung", "bone"]}}"#)
        #expect(
            issues == [
                FieldIssue(
                    pointer: "/tumor/metastasis",
                    detail: "metastasis must be `M1` when metastaticSites are given; it is omitted, which means M0")
            ])
        let withNull = CaseFixtures.issues(
            #"{"tumor": {"site": "trunk", "metastasis": null, "metastaticSites": ["lung"]}}"#)
        #expect(withNull.map(\.pointer) == ["/tumor/metastasis"])
    }

    @Test("metastaticSites with M1 are kept in order; empty with M1 or M0 is not given")
    func sitesWithM1() {
        let sites = CaseFixtures.decoded(
            #"{"tumor": {"site": "trunk", "metastasis": "M1", "metastaticSites": ["lung", "brain", "other"]}}"#)
        #expect(sites?.tumor.metastaticSites == [.lung, .brain, .other])
        let emptyM1 = CaseFixtures.decoded(#"{"tumor": {"site": "trunk", "metastasis": "M1", "metastaticSites": []}}"#)
        #expect(emptyM1?.tumor.metastaticSites == nil)
        #expect(emptyM1?.tumor.metastasis == .m1)
        let emptyM0 = CaseFixtures.decoded(#"{"tumor": {"site": "trunk", "metastasis": "M0", "metastaticSites": []}}"#)
        #expect(emptyM0?.tumor.metastaticSites == nil)
    }

    @Test("a bad metastasis code is reported once, without the M1 rule piled on")
    func badMetastasisWithSites() {
        let issues = CaseFixtures.issues(
            #"{"tumor": {"site": "trunk", "metastasis": "m1", "metastaticSites": ["lung"]}}"#)
        #expect(issues.map(\.pointer) == ["/tumor/metastasis"])
        #expect(issues.first?.detail.hasSuffix("did you mean `M1`?") == true)
    }

    @Test("repeated items are 422 at the repeat")
    func duplicates() {
        let sites = CaseFixtures.issues(
            #"{"tumor": {"site": "trunk", "metastasis": "M1", "metastaticSites": ["lung", "liver", "lung"]}}"#)
        #expect(
            sites == [
                FieldIssue(
                    pointer: "/tumor/metastaticSites/2",
                    detail: "`lung` is listed twice in metastaticSites (first at /tumor/metastaticSites/0)")
            ])
        let invasion = CaseFixtures.issues(
            #"{"tumor": {"site": "head_and_neck", "headNeckInvasion": ["orbit", "orbit"]}}"#)
        #expect(invasion.map(\.pointer) == ["/tumor/headNeckInvasion/1"])
    }

    @Test("head and neck and visceral fields decode")
    func siteSpecificFields() {
        let headNeck = CaseFixtures.decoded(
            #"{"tumor": {"site": "head_and_neck", "sizeCm": 3, "headNeckInvasion": ["orbit", "carotid_encasement"]}}"#)
        #expect(headNeck?.tumor.headNeckInvasion == [.orbit, .carotidEncasement])
        let visceral = CaseFixtures.decoded(
            #"{"tumor": {"site": "visceral", "visceralExtent": "beyond_serosa", "multifocalSites": 3}}"#)
        #expect(visceral?.tumor.visceralExtent == .beyondSerosa)
        #expect(visceral?.tumor.multifocalSites == 3)
        // A field for another site is accepted here; the engine warns about it.
        let mixed = CaseFixtures.decoded(#"{"tumor": {"site": "extremity", "visceralExtent": "serosa"}}"#)
        #expect(mixed?.tumor.visceralExtent == .serosa)
    }

    @Test("grade and FNCLCC are not cross-checked here (the engine owns that rule)")
    func noClinicalConsistency() {
        let text =
            #"{"tumor": {"site": "trunk", "grade": 1, "fnclcc": {"differentiation": 3, "mitosesPer10Hpf": 30, "necrosisPercent": 80}}}"#
        #expect(CaseFixtures.decoded(text)?.tumor.grade == 1)
    }

    @Test("all issues are collected, in document order, with their pointers")
    func collected() {
        let text = """
            {
              "patient": {"ecog": 5, "sex": "F"},
              "tumor": {"sizeCm": "12", "grade": 4, "histolgy": "x", "metastaticSites": ["lung"]},
              "pet": {"suvMaxBaseline": 0},
              "extra": 1,
              "externalId": ""
            }
            """
        let issues = CaseFixtures.issues(text)
        #expect(
            issues.map(\.pointer) == [
                "/patient/ecog",
                "/patient/sex",
                "/tumor/site",
                "/tumor/sizeCm",
                "/tumor/grade",
                "/tumor/histolgy",
                "/tumor/metastasis",
                "/pet/suvMaxBaseline",
                "/extra",
                "/externalId",
            ])
        #expect(CaseInputError.invalid(issues).status == 422)
    }

    @Test("server-managed top-level members can be ignored for PUT, and only those")
    func ignoring() {
        let text =
            #"{"id": "c-1", "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "x", "version": 3, "tumor": {"site": "trunk"}}"#
        let ignored: Set<String> = ["id", "createdAt", "updatedAt", "version"]
        guard case .success(let decoded) = CaseDecoder().decode(Array(text.utf8), ignoringTopLevelKeys: ignored) else {
            Issue.record("expected a case")
            return
        }
        #expect(decoded == SarcomaCase(tumor: .init(site: .trunk)))
        // Without the exemption each is an unknown field.
        #expect(
            CaseFixtures.issues(try! JSONParser().parse(text)).map(\.pointer) == [
                "/id", "/createdAt", "/updatedAt", "/version",
            ])
        // The exemption is for the top level only.
        let nested = #"{"tumor": {"site": "trunk", "id": "x"}}"#
        #expect(CaseFixtures.issues(try! JSONParser().parse(nested), ignoring: ["id"]).map(\.pointer) == ["/tumor/id"])
        // Naming a case field there does not stop it from being checked.
        let badTumor = try! JSONParser().parse(#"{"tumor": 1}"#)
        #expect(CaseFixtures.issues(badTumor, ignoring: ["tumor"]).map(\.pointer) == ["/tumor"])
    }

    @Test("FieldIssue renders as a problem-details error entry")
    func fieldIssueJSON() {
        let issue = FieldIssue(pointer: "/tumor/sizeCm", detail: "sizeCm must be ...")
        #expect(JSONWriter().string(issue.json) == #"{"pointer":"/tumor/sizeCm","detail":"sizeCm must be ..."}"#)
    }
}

@Suite("CaseDecoder: issue limit")
struct CaseDecoderIssueLimitTests {
    @Test("past 100 issues the list ends with a count of the rest", arguments: [100, 101, 5000])
    func limit(strays: Int) {
        let members = (0..<strays).map { "\"stray\($0)\": 1" }.joined(separator: ", ")
        let issues = CaseFixtures.issues("{\"tumor\": {\"site\": \"trunk\"}, \(members)}")
        if strays <= CaseDecoder.maxReportedIssues {
            #expect(issues.count == strays)
            #expect(issues.last?.pointer == "/stray\(strays - 1)")
        } else {
            #expect(issues.count == CaseDecoder.maxReportedIssues + 1)
            #expect(issues[99].pointer == "/stray99")
            let more = strays - 100
            #expect(
                issues.last
                    == FieldIssue(
                        pointer: "",
                        detail: "\(more) more issue\(more == 1 ? "" : "s") not listed; fix the ones above first"))
        }
    }
}
