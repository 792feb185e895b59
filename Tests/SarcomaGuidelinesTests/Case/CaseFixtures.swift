import JSON
import Testing
import SarcomaGuidelines

/// The contract's example case (api-contract.md, "The case"), verbatim, and helpers to
/// derive broken variants from it.
enum CaseFixtures {
    static let contractExample = """
        {
          "externalId": "EHR-000123",
          "patient": { "ageYears": 61, "sex": "female", "ecog": 1,
                       "ivTherapyEligible": true, "anthracyclineCandidate": true },
          "tumor": {
            "site": "extremity",
            "sizeCm": 12.5,
            "depth": "deep",
            "histology": "myxofibrosarcoma",
            "grade": 3,
            "fnclcc": { "differentiation": 3, "mitosesPer10Hpf": 22, "necrosisPercent": 30 },
            "infiltrativeBorders": false,
            "nodes": "N0",
            "metastasis": "M0",
            "ntrkFusion": false
          },
          "disease": { "presentation": "primary", "resectable": true,
                       "priorSystemicLines": 0, "priorAnthracycline": false },
          "pet": { "suvMaxBaseline": 11.0, "suvMaxPostTherapy": 5.5 }
        }
        """

    /// What the example means, written out from the contract by hand.
    static let contractExampleCase = SarcomaCase(
        externalId: "EHR-000123",
        patient: .init(ageYears: 61, sex: .female, ecog: 1, ivTherapyEligible: true, anthracyclineCandidate: true),
        tumor: .init(
            site: .extremity, sizeCm: 12.5, depth: .deep, histology: .myxofibrosarcoma, grade: 3,
            fnclcc: .init(differentiation: 3, mitosesPer10Hpf: 22, necrosisPercent: 30),
            infiltrativeBorders: false, nodes: .n0, metastasis: .m0, ntrkFusion: false),
        disease: .init(presentation: .primary, resectable: true, priorSystemicLines: 0, priorAnthracycline: false),
        pet: .init(suvMaxBaseline: 11, suvMaxPostTherapy: 5.5))

    static var exampleJSON: JSONValue {
        try! JSONParser().parse(contractExample)
    }

    /// The example with the member at `pointer` ("/tumor/grade") set to `value`, added at
    /// the end of its object if absent; `value == nil` removes it.
    static func example(setting pointer: String, to value: JSONValue?) -> JSONValue {
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        return setting(exampleJSON, tokens[...], value)
    }

    static func setting(_ json: JSONValue, _ tokens: ArraySlice<String>, _ value: JSONValue?) -> JSONValue {
        guard let key = tokens.first, case .object(var object) = json else { return value ?? .null }
        if tokens.count == 1 {
            object[key] = value
        } else {
            object[key] = setting(object[key] ?? .object(JSONObject()), tokens.dropFirst(), value)
        }
        return .object(object)
    }

    /// The issues of a body that must be invalid (records a test issue otherwise).
    static func issues(
        _ json: JSONValue, ignoring: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [FieldIssue] {
        switch CaseDecoder().decode(json, ignoringTopLevelKeys: ignoring) {
        case .success(let decoded):
            Issue.record("expected 422, decoded \(decoded)", sourceLocation: sourceLocation)
            return []
        case .failure(.malformedJSON(let error)):
            Issue.record("expected 422, got 400: \(error)", sourceLocation: sourceLocation)
            return []
        case .failure(.invalid(let issues)):
            return issues
        }
    }

    static func issues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FieldIssue] {
        issues(try! JSONParser().parse(text), sourceLocation: sourceLocation)
    }

    /// The case a body must decode to (records a test issue otherwise).
    static func decoded(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> SarcomaCase? {
        switch CaseDecoder().decode(Array(text.utf8)) {
        case .success(let decoded): return decoded
        case .failure(let error):
            Issue.record("expected a case, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func decoded(_ json: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) -> SarcomaCase? {
        switch CaseDecoder().decode(json) {
        case .success(let decoded): return decoded
        case .failure(let error):
            Issue.record("expected a case, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
