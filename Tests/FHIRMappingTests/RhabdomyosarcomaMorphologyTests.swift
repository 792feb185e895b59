import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// Contract delta §9: ICD-O-3 8901/3 is `pleomorphic_rhabdomyosarcoma` (the adult type);
/// 8900/3 (NOS) and 8902/3 (mixed) import as `rhabdomyosarcoma` with `histology_subtype_needed`;
/// the pediatric subtypes import as `rhabdomyosarcoma` without a warning.
@Suite("Rhabdomyosarcoma morphology (contract delta §9)")
struct RhabdomyosarcomaMorphologyTests {
    static let rows: [(code: String, histology: String, warned: Bool)] = [
        ("8901/3", "pleomorphic_rhabdomyosarcoma", false), ("8900/3", "rhabdomyosarcoma", true),
        ("8902/3", "rhabdomyosarcoma", true), ("8910/3", "rhabdomyosarcoma", false),
        ("8912/3", "rhabdomyosarcoma", false), ("8920/3", "rhabdomyosarcoma", false),
    ]

    @Test("histology and warning by code", arguments: rows)
    func morphology(code: String, histology: String, warned: Bool) {
        let mapping = BundleBuilder.map([BundleBuilder.condition(icdO3: code)])
        #expect(mapping.caseDocument["tumor"]?["histology"]?.stringValue == histology)
        let codes = mapping.warnings.map(\.code)
        #expect(codes.contains("histology_subtype_needed") == warned)
        if warned {
            #expect(
                mapping.warnings.first { $0.code == "histology_subtype_needed" }?.message.contains(
                    "if pleomorphic, re-code as pleomorphic_rhabdomyosarcoma") == true)
        }
    }
}

/// Contract delta §9 (rules §14 R26): an ECOG Observation more than 30 days before the import
/// day is `performance_status_dated`; one without an effective date `performance_status_undated`.
@Suite("ECOG date warnings (contract delta §9)")
struct ECOGDateWarningTests {
    static func ecog(effective: String?) -> JSONValue {
        var object: JSONObject = [
            "resourceType": "Observation", "id": "e1", "status": "final",
            "code": ["coding": [["system": .string(FHIRSystem.loinc), "code": "89247-1"]]],
            "subject": ["reference": "Patient/p1"], "valueInteger": 1,
        ]
        if let effective { object["effectiveDateTime"] = .string(effective) }
        return .object(object)
    }

    /// (effectiveDateTime, warning) on import day 2026-12-07.
    static let rows: [(String?, String?)] = [
        ("2026-11-07", nil), ("2026-11-06", "performance_status_dated"), ("2026-11-07T23:00:00Z", nil),
        ("2026-10", "performance_status_dated"), (nil, "performance_status_undated"),
    ]

    @Test("30 days counted back from the import day", arguments: rows)
    func dated(effective: String?, warning: String?) {
        let mapping = BundleBuilder.map(
            [BundleBuilder.condition(), Self.ecog(effective: effective)], referenceDate: "2026-12-07")
        #expect(mapping.caseDocument["patient"]?["ecog"]?.intValue == 1)
        let codes = mapping.warnings.map(\.code).filter { $0.hasPrefix("performance_status") }
        #expect(codes == (warning.map { [$0] } ?? []))
    }
}
