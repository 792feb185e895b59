import Foundation
import HTTPServer

/// Cases and response readers shared by the end-to-end tests.
enum Fixtures {
    /// The contract's example case (api-contract.md, "The case").
    static func contractCase(externalId: String = "EHR-000123") -> String {
        """
        {
          "externalId": "\(externalId)",
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
    }

    static func minimalCase(site: String = "trunk", externalId: String? = nil) -> String {
        let external = externalId.map { "\"externalId\": \"\($0)\", " } ?? ""
        return "{\(external)\"tumor\": {\"site\": \"\(site)\", \"sizeCm\": 4.0, \"grade\": 1}}"
    }
}

extension ClientResponse {
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    func header(_ name: String) -> String? { headers[name] }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    func array(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
}
