import JSON
import SarcomaGuidelines

/// One `Coding` of a `CodeableConcept`, with its pointer into the payload.
struct FHIRCoding: Sendable, Equatable {
    var system: String?
    var code: String?
    var display: String?
    var pointer: JSONPointer

    /// `http://snomed.info/sct#82711006 "Infiltrating duct carcinoma"` for messages.
    var shown: String {
        let name = system.map { FHIRCoding.shortNames[$0] ?? $0 } ?? "(no system)"
        let base = "\(name) \(code ?? "(no code)")"
        return display.map { "\(base) '\($0)'" } ?? base
    }

    static let shortNames: [String: String] = [
        FHIRSystem.snomed: "SNOMED CT", FHIRSystem.loinc: "LOINC", FHIRSystem.icdO3: "ICD-O-3",
        FHIRSystem.icd10: "ICD-10", FHIRSystem.icd10CM: "ICD-10-CM", FHIRSystem.ajcc: "AJCC",
        FHIRSystem.ncit: "NCI Thesaurus", FHIRSystem.ucum: "UCUM",
        FHIRSystem.dataAbsentReason: "data-absent-reason",
    ]

    /// The codings of the CodeableConcept `value` sitting at `pointer`, systems under their
    /// canonical names (`FHIRSystem.aliases`); empty when it is not one.
    static func codings(in value: JSONValue?, at pointer: JSONPointer) -> [FHIRCoding] {
        guard let items = value?["coding"]?.arrayValue else { return [] }
        return items.enumerated().compactMap { index, item in
            guard case .object(let coding) = item else { return nil }
            return FHIRCoding(
                system: FHIRSystem.canonical(coding["system"]?.stringValue), code: coding["code"]?.stringValue,
                display: coding["display"]?.stringValue,
                pointer: pointer.appending("coding").appending(index))
        }
    }

    /// Whether any coding of `value` is `system#code` for one of `codes`.
    static func has(_ value: JSONValue?, system: String, codes: Set<String>) -> Bool {
        codings(in: value, at: .root).contains { $0.system == system && $0.code.map(codes.contains) == true }
    }

    /// The codings in words, for a message: `SNOMED CT 353431000119107 '...'`.
    static func shown(_ codings: [FHIRCoding], text: String?) -> String {
        if codings.isEmpty { return text.map { "text '\($0)' (no coding)" } ?? "no coding" }
        return codings.map(\.shown).joined(separator: ", ")
    }
}
