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
