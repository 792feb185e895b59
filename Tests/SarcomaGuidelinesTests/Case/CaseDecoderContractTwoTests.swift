import JSON
import SarcomaGuidelines
import Testing

/// The input members and conflicts of contract delta §1: each bad value refused at its
/// pointer with the delta's wording, the cross-field rules only under `.contractTwo`, and a
/// round trip through the encoder in the delta's member order. Expected texts are the delta's.
@Suite("CaseDecoder: contract delta §1 members")
struct CaseDecoderContractTwoTests {
    static func issues(_ text: String, rules: CaseDecoder.CrossFieldRules = .contractTwo) -> [FieldIssue] {
        switch CaseDecoder(crossFieldRules: rules).decode(Array(text.utf8)) {
        case .failure(.invalid(let issues)): return issues
        default: return []
        }
    }

    /// (body, pointer, the delta's detail text the issue starts with)
    static let badValues: [(String, String, String)] = [
        (#"{"tumor": {"site": "trunk", "biomarkers": true}}"#, "/tumor/biomarkers", "biomarkers must be an object"),
        (
            #"{"tumor": {"site": "trunk", "biomarkers": {"msi": true}}}"#, "/tumor/biomarkers/msi",
            "unknown biomarker 'msi'; known: msiHigh, mmrDeficient, tmbMutPerMb, brafV600e, retFusion, alkPositive, ini1Loss, hlaA02Eligible, hlaA0205Present, mageA4Positive"
        ),
        (
            #"{"tumor": {"site": "trunk", "biomarkers": {"ntrkFusion": true}}}"#, "/tumor/biomarkers/ntrkFusion",
            "NTRK fusion status is /tumor/ntrkFusion"
        ),
        (
            #"{"tumor": {"site": "trunk", "biomarkers": {"msiHigh": "yes"}}}"#, "/tumor/biomarkers/msiHigh",
            "msiHigh must be true or false"
        ),
        (
            #"{"tumor": {"site": "trunk", "biomarkers": {"hlaA0205Present": 1}}}"#,
            "/tumor/biomarkers/hlaA0205Present", "hlaA0205Present must be true or false"
        ),
        (
            #"{"tumor": {"site": "trunk", "biomarkers": {"tmbMutPerMb": 1000.5}}}"#, "/tumor/biomarkers/tmbMutPerMb",
            "tmbMutPerMb must be a number of mutations per megabase from 0 to 1000"
        ),
        (
            #"{"tumor": {"site": "trunk", "biomarkers": {"tmbMutPerMb": -1}}}"#, "/tumor/biomarkers/tmbMutPerMb",
            "tmbMutPerMb must be a number of mutations per megabase from 0 to 1000"
        ),
        (
            #"{"tumor": {"site": "trunk", "histology": "uterine_sarcoma"}}"#, "/tumor/histology",
            "uterine sarcomas are out of scope (FIGO / AJCC corpus uteri sarcoma staging; separate CAP protocol)"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"localDisease": "gone"}}"#, "/disease/localDisease",
            "localDisease must be present or absent"
        ),
        (
            #"{"tumor": {"site": "trunk", "metastasis": "M1"}, "disease": {"metastasesResectable": "yes"}}"#,
            "/disease/metastasesResectable", "metastasesResectable must be true or false"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"conversionNotFeasible": 0}}"#,
            "/disease/conversionNotFeasible", "conversionNotFeasible must be true or false"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorRadiotherapy": "no"}}"#, "/disease/priorRadiotherapy",
            "priorRadiotherapy must be true or false"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"progressedOnAgents": "doxorubicin"}}"#,
            "/disease/progressedOnAgents", "progressedOnAgents must be an array of agent codes"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"progressedOnAgents": ["trabectedin", "doxorubicn"]}}"#,
            "/disease/progressedOnAgents/1", "unknown agent code 'doxorubicn'"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"progressedOnAgents": ["clinical_trial"]}}"#,
            "/disease/progressedOnAgents/0", "'clinical_trial' is not a therapy a tumour progresses on"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"progressedOnAgents": ["best_supportive_care"]}}"#,
            "/disease/progressedOnAgents/0", "'best_supportive_care' is not a therapy a tumour progresses on"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"progressedOnAgents": ["eribulin", "eribulin"]}}"#,
            "/disease/progressedOnAgents/1", "'eribulin' is listed twice"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"cumulativeDoxorubicinMgM2": 2000.1}}"#,
            "/disease/cumulativeDoxorubicinMgM2", "cumulativeDoxorubicinMgM2 must be a number of mg/m² from 0 to 2000"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"monthsSinceLastAnthracycline": 2.5}}"#,
            "/disease/monthsSinceLastAnthracycline",
            "monthsSinceLastAnthracycline must be a whole number of months from 0 to 600"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"monthsSinceLastAnthracycline": 601}}"#,
            "/disease/monthsSinceLastAnthracycline",
            "monthsSinceLastAnthracycline must be a whole number of months from 0 to 600"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorCardiotoxicTherapy": "true"}}"#,
            "/disease/priorCardiotoxicTherapy", "priorCardiotoxicTherapy must be true or false"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": "R0"}}"#, "/disease/priorResection",
            "priorResection must be an object with type, margin, closestMarginCm and fascialPlaneIntact"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"margin": "R0"}}}"#,
            "/disease/priorResection/type", "type is required when priorResection has members: planned or unplanned"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "marginal"}}}"#,
            "/disease/priorResection/type", "type must be planned or unplanned"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "planned", "margin": "R3"}}}"#,
            "/disease/priorResection/margin", "margin must be R0, R1 or R2"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "planned", "closestMarginCm": 51}}}"#,
            "/disease/priorResection/closestMarginCm", "closestMarginCm must be a number of centimetres from 0 to 50"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "planned", "fascialPlaneIntact": "no"}}}"#,
            "/disease/priorResection/fascialPlaneIntact", "fascialPlaneIntact must be true or false"
        ),
    ]

    @Test("a bad value is 422 at its pointer with the delta's detail", arguments: badValues)
    func badValue(body: String, pointer: String, detail: String) {
        for rules in [CaseDecoder.CrossFieldRules.contractOne, .contractTwo] {
            let issues = Self.issues(body, rules: rules)
            #expect(issues.count == 1, "\(issues)")
            #expect(issues.first?.pointer == pointer)
            #expect(issues.first?.detail.hasPrefix(detail) == true, "\(issues.first?.detail ?? "")")
        }
    }

    @Test("more than 20 progressedOnAgents is 422 at the array")
    func tooManyAgents() {
        let codes = TherapyAgent.allCases.filter { !$0.isFixedOption }.prefix(21).map { "\"\($0.rawValue)\"" }
        let issues = Self.issues(
            #"{"tumor": {"site": "trunk"}, "disease": {"progressedOnAgents": [\#(codes.joined(separator: ","))]}}"#)
        #expect(issues.map(\.pointer) == ["/disease/progressedOnAgents"])
    }

    /// (body, pointer, detail): delta §1 cross-field rules, written with the disease/tumor members they read.
    static let conflicts: [(String, String, String)] = [
        (
            #"{"tumor": {"site": "trunk", "metastasis": "M0"}, "disease": {"localDisease": "absent"}}"#,
            "/disease/localDisease",
            "with M0 there is local disease to plan for; after an excision describe it with priorResection"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"localDisease": "absent"}}"#, "/disease/localDisease",
            "with M0 there is local disease to plan for; after an excision describe it with priorResection"
        ),
        (
            #"{"tumor": {"site": "trunk", "metastasis": "M0"}, "disease": {"metastasesResectable": true}}"#,
            "/disease/metastasesResectable", "metastasesResectable applies to M1 disease; tumor.metastasis is M0"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"metastasesResectable": false}}"#,
            "/disease/metastasesResectable",
            "metastasesResectable applies to M1 disease; tumor.metastasis is not given (M0 is assumed)"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorAnthracycline": false, "progressedOnAnthracycline": true}}"#,
            "/disease/progressedOnAnthracycline", "progression on an anthracycline requires priorAnthracycline true"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"progressedOnAnthracycline": false, "progressedOnAgents": ["trabectedin", "doxorubicin_ifosfamide"]}}"#,
            "/disease/progressedOnAgents/1",
            "an anthracycline regimen is listed while progressedOnAnthracycline is false"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorAnthracycline": false, "progressedOnAgents": ["doxorubicin"]}}"#,
            "/disease/progressedOnAgents/0", "an anthracycline regimen is listed while priorAnthracycline is false"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorAnthracycline": false, "cumulativeDoxorubicinMgM2": 150}}"#,
            "/disease/cumulativeDoxorubicinMgM2", "a cumulative anthracycline dose requires priorAnthracycline true"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorAnthracycline": true, "cumulativeDoxorubicinMgM2": 0}}"#,
            "/disease/cumulativeDoxorubicinMgM2",
            "priorAnthracycline is true: the cumulative dose is above 0 (omit it if not known)"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorAnthracycline": false, "monthsSinceLastAnthracycline": 6}}"#,
            "/disease/monthsSinceLastAnthracycline",
            "months since the last anthracycline requires priorAnthracycline true"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "planned", "margin": "R0", "closestMarginCm": 0}}}"#,
            "/disease/priorResection/closestMarginCm", "0 cm (tumour at the margin) contradicts R0"
        ),
        (
            #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "unplanned", "margin": "R1", "closestMarginCm": 0.2}}}"#,
            "/disease/priorResection/closestMarginCm", "a positive margin (R1/R2) has a closest margin of 0 cm"
        ),
    ]

    @Test("a delta §1 conflict is 422 for case writes and /v2, accepted by /v1's checks", arguments: conflicts)
    func conflict(body: String, pointer: String, detail: String) {
        let issues = Self.issues(body, rules: .contractTwo)
        #expect(issues == [FieldIssue(pointer: pointer, detail: detail)])
        guard case .success = CaseDecoder(crossFieldRules: .contractOne).decode(Array(body.utf8)) else {
            Issue.record("v1's checks must accept \(body)")
            return
        }
    }

    /// The boundaries on their allowed side, and the agreeing combinations.
    static let accepted = [
        #"{"tumor": {"site": "trunk", "biomarkers": {"tmbMutPerMb": 0}}}"#,
        #"{"tumor": {"site": "trunk", "biomarkers": {"tmbMutPerMb": 1000}}}"#,
        #"{"tumor": {"site": "trunk", "metastasis": "M1"}, "disease": {"localDisease": "absent", "metastasesResectable": true}}"#,
        #"{"tumor": {"site": "trunk"}, "disease": {"priorAnthracycline": true, "cumulativeDoxorubicinMgM2": 2000, "monthsSinceLastAnthracycline": 600}}"#,
        #"{"tumor": {"site": "trunk"}, "disease": {"cumulativeDoxorubicinMgM2": 300, "progressedOnAgents": ["doxorubicin"]}}"#,
        #"{"tumor": {"site": "trunk"}, "disease": {"monthsSinceLastAnthracycline": 0}}"#,
        #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "planned", "margin": "R0", "closestMarginCm": 50}}}"#,
        #"{"tumor": {"site": "trunk"}, "disease": {"priorResection": {"type": "unplanned", "margin": "R2", "closestMarginCm": 0}}}"#,
        #"{"tumor": {"site": "trunk", "histology": "pecoma"}}"#,
        #"{"tumor": {"site": "trunk", "histology": "pleomorphic_rhabdomyosarcoma"}}"#,
    ]

    @Test("allowed values and agreeing members decode", arguments: accepted)
    func acceptedValues(body: String) {
        guard case .success = CaseDecoder().decode(Array(body.utf8)) else {
            Issue.record("expected a case: \(Self.issues(body))")
            return
        }
    }

    @Test("empty biomarkers, priorResection and progressedOnAgents mean not given")
    func emptyMeansNotGiven() throws {
        let body =
            #"{"tumor": {"site": "trunk", "biomarkers": {}}, "disease": {"priorResection": {}, "progressedOnAgents": []}}"#
        let decoded = try CaseDecoder().decode(Array(body.utf8)).get()
        #expect(decoded.tumor.biomarkers == nil)
        #expect(decoded.disease == nil)
    }

    @Test("the encoder writes v1 members first, then the delta's in the delta's order, and decodes back equal")
    func roundTrip() throws {
        let body = #"""
            {"tumor": {"biomarkers": {"mageA4Positive": true, "msiHigh": false, "tmbMutPerMb": 12.5},
             "site": "extremity", "histology": "inflammatory_myofibroblastic_tumor"},
             "disease": {"priorResection": {"fascialPlaneIntact": false, "type": "planned", "closestMarginCm": 0.5,
             "margin": "R0"}, "priorCardiotoxicTherapy": false, "localDisease": "present", "resectable": true,
             "progressedOnAgents": ["larotrectinib"], "priorRadiotherapy": true}}
            """#
        let decoded = try CaseDecoder().decode(Array(body.utf8)).get()
        let text = String(decoding: CaseEncoder().bytes(decoded), as: UTF8.self)
        #expect(
            text
                == #"{"tumor":{"site":"extremity","histology":"inflammatory_myofibroblastic_tumor","biomarkers":{"msiHigh":false,"tmbMutPerMb":12.5,"mageA4Positive":true}},"disease":{"resectable":true,"localDisease":"present","priorRadiotherapy":true,"progressedOnAgents":["larotrectinib"],"priorCardiotoxicTherapy":false,"priorResection":{"type":"planned","margin":"R0","closestMarginCm":0.5,"fascialPlaneIntact":false}}}"#
        )
        #expect(try CaseDecoder().decode(CaseEncoder().bytes(decoded)).get() == decoded)
    }

    /// (histology, v1 parent) of delta §0.3.
    static let mappedHistologies: [(Histology, Histology)] = [
        (.pleomorphicRhabdomyosarcoma, .rhabdomyosarcoma), (.infantileFibrosarcoma, .fibrosarcoma),
        (.pecoma, .otherSarcoma), (.inflammatoryMyofibroblasticTumor, .otherSarcoma),
    ]

    @Test("pack 2026.11-1 reads a new histology as its v1 parent", arguments: mappedHistologies)
    func mappedHistology(code: Histology, parent: Histology) {
        let reading = ContractOneReading(
            SarcomaCase(tumor: .init(site: .trunk, histology: code)), packVersion: "2026.11-1")
        #expect(reading.sarcomaCase.tumor.histology == parent)
        #expect(reading.warnings.map(\.code) == ["histology_mapped_for_pack"])
    }

    @Test("pack 2026.11-1 drops the delta members and names their pointers")
    func droppedMembers() {
        let full = SarcomaCase(
            tumor: .init(site: .trunk, histology: .leiomyosarcoma, biomarkers: .init(msiHigh: true)),
            disease: .init(resectable: false, localDisease: .present, priorCardiotoxicTherapy: true))
        let reading = ContractOneReading(full, packVersion: "2026.11-1")
        #expect(
            reading.sarcomaCase
                == SarcomaCase(
                    tumor: .init(site: .trunk, histology: .leiomyosarcoma), disease: .init(resectable: false)))
        #expect(reading.warnings.map(\.code) == ["input_not_used_by_pack"])
        #expect(
            reading.warnings.first?.message.contains(
                "/tumor/biomarkers/msiHigh, /disease/localDisease, /disease/priorCardiotoxicTherapy") == true)
        #expect(ContractOneReading(SarcomaCase(tumor: .init(site: .trunk)), packVersion: "2026.11-1").warnings.isEmpty)
    }
}
