import JSON
import Testing
import SarcomaGuidelines

/// Every range boundary the contract and the decoder's documented decisions set.
@Suite("CaseDecoder: ranges")
struct CaseDecoderRangeTests {
    static let acceptedValues: [(String, JSONValue)] = [
        ("/tumor/sizeCm", 0.01), ("/tumor/sizeCm", 5), ("/tumor/sizeCm", 100), ("/tumor/sizeCm", 1e-9),
        ("/tumor/grade", 1), ("/tumor/grade", 3), ("/tumor/grade", 2.0),
        ("/tumor/fnclcc/differentiation", 1), ("/tumor/fnclcc/differentiation", 3),
        ("/tumor/fnclcc/mitosesPer10Hpf", 0), ("/tumor/fnclcc/mitosesPer10Hpf", 250),
        ("/tumor/fnclcc/necrosisPercent", 0), ("/tumor/fnclcc/necrosisPercent", 100),
        ("/tumor/fnclcc/necrosisPercent", 49.5),
        ("/patient/ecog", 0), ("/patient/ecog", 4),
        ("/patient/ageYears", 0), ("/patient/ageYears", 130),
        ("/disease/priorSystemicLines", 0), ("/disease/priorSystemicLines", 12),
        ("/tumor/multifocalSites", 1), ("/tumor/multifocalSites", 6),
        ("/pet/suvMaxBaseline", 0.001), ("/pet/suvMaxBaseline", 45),
        ("/pet/suvMaxPostTherapy", 0.1),
    ]

    @Test("values on and inside the boundaries are accepted", arguments: acceptedValues)
    func accepted(pointer: String, value: JSONValue) {
        #expect(CaseFixtures.decoded(CaseFixtures.example(setting: pointer, to: value)) != nil)
    }

    static let refusedValues: [(String, JSONValue)] = [
        ("/tumor/sizeCm", 0), ("/tumor/sizeCm", -0.0), ("/tumor/sizeCm", -1), ("/tumor/sizeCm", 100.01),
        ("/tumor/sizeCm", 125),
        ("/tumor/grade", 0), ("/tumor/grade", 4), ("/tumor/grade", -1),
        ("/tumor/fnclcc/differentiation", 0), ("/tumor/fnclcc/differentiation", 4),
        ("/tumor/fnclcc/mitosesPer10Hpf", -1),
        ("/tumor/fnclcc/necrosisPercent", -0.1), ("/tumor/fnclcc/necrosisPercent", 100.1),
        ("/patient/ecog", 5), ("/patient/ecog", -1),
        ("/patient/ageYears", -1), ("/patient/ageYears", 131),
        ("/disease/priorSystemicLines", -1),
        ("/tumor/multifocalSites", 0),
        ("/pet/suvMaxBaseline", 0), ("/pet/suvMaxBaseline", -3),
        ("/pet/suvMaxPostTherapy", 0),
        // Integers beyond ±(2^53 - 1) are not exact in every JSON reader.
        ("/disease/priorSystemicLines", 1e300), ("/tumor/fnclcc/mitosesPer10Hpf", 9_007_199_254_740_992),
    ]

    @Test("values outside the boundaries are one issue at their pointer", arguments: refusedValues)
    func refused(pointer: String, value: JSONValue) {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: pointer, to: value))
        #expect(issues.map(\.pointer) == [pointer])
    }

    static let rangeDetails: [(String, JSONValue, String)] = [
        ("/tumor/sizeCm", 0, "sizeCm must be a number of centimetres greater than 0 and at most 100; got 0"),
        ("/tumor/grade", 4, "grade must be an integer from 1 to 3; got 4"),
        ("/tumor/fnclcc/necrosisPercent", 100.1, "necrosisPercent must be a number from 0 to 100; got 100.1"),
        ("/patient/ecog", 5, "ecog must be an integer from 0 to 4; got 5"),
        ("/tumor/fnclcc/mitosesPer10Hpf", -1, "mitosesPer10Hpf must be an integer of 0 or more; got -1"),
        ("/tumor/multifocalSites", 0, "multifocalSites must be an integer of 1 or more; got 0"),
        ("/pet/suvMaxBaseline", 0, "suvMaxBaseline must be a number greater than 0; got 0"),
    ]

    @Test("range errors state the range", arguments: rangeDetails)
    func rangeDetail(pointer: String, value: JSONValue, detail: String) {
        let issues = CaseFixtures.issues(CaseFixtures.example(setting: pointer, to: value))
        #expect(issues == [FieldIssue(pointer: pointer, detail: detail)])
    }

    static let externalIds: [(String, Bool)] = [
        ("EHR-000123", true),
        ("x", true),
        (String(repeating: "a", count: 128), true),
        (String(repeating: "é", count: 128), true),  // counted in Unicode scalars, not bytes
        ("MRN 12 34", true),  // inner spaces are fine
        ("", false),
        (String(repeating: "a", count: 129), false),
        ("EHR\n1", false),
        ("EHR\u{0}1", false),
        ("EHR\u{85}1", false),  // C1 control
        (" EHR-1", false),
        ("EHR-1 ", false),
        ("\t", false),
    ]

    @Test("externalId: 1-128 characters, no controls, no outer whitespace", arguments: externalIds)
    func externalId(value: String, valid: Bool) {
        let json = CaseFixtures.example(setting: "/externalId", to: .string(value))
        if valid {
            #expect(CaseFixtures.decoded(json)?.externalId == value)
        } else {
            #expect(CaseFixtures.issues(json).map(\.pointer) == ["/externalId"])
        }
    }
}
