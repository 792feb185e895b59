import SarcomaGuidelines

/// Prefetch resources -> a contract case document (the body `POST /v1/validate` takes).
///
/// INTERIM ADAPTER, TO BE REPLACED by the `FHIRMapping` module (`FHIRCaseMapper().map(_:)`,
/// branch `fhir`) once it is merged: it reads only the plainest mCODE shapes (a Condition
/// naming the histology and body site in text or display, TNM and tumour-size
/// Observations by LOINC code, ECOG) and leaves everything else out, so the engine reports
/// it as missing rather than guessing.
enum PrefetchCaseMapping {
    static func caseDocument(from resources: [JSONObject]) -> JSONObject {
        var tumor = JSONObject()
        var patient = JSONObject()
        for resource in resources {
            switch resource["resourceType"]?.stringValue {
            case "Condition":
                let text = texts(resource["code"]).joined(separator: " ").lowercased()
                if tumor["histology"] == nil, let histology = histologies.first(where: { text.contains($0.key) })?.value {
                    tumor["histology"] = .string(histology)
                }
                let site = (resource["bodySite"]?.arrayValue ?? []).flatMap(texts).joined(separator: " ").lowercased()
                if tumor["site"] == nil, !text.isEmpty, histologies.contains(where: { text.contains($0.key) }),
                   let mapped = sites.first(where: { site.contains($0.key) })?.value {
                    tumor["site"] = .string(mapped)
                }
            case "Observation":
                let codes = codings(resource["code"]).map(\.code)
                if codes.contains("21889-1"), let quantity = resource["valueQuantity"]?.objectValue,
                   let value = quantity["value"]?.doubleValue {
                    switch quantity["code"]?.stringValue ?? quantity["unit"]?.stringValue {
                    case "cm": tumor["sizeCm"] = .number(value)
                    case "mm": tumor["sizeCm"] = .number(value / 10)
                    default: break
                    }
                }
                let value = texts(resource["valueCodeableConcept"]).joined(separator: " ").uppercased()
                if codes.contains(where: { ["21906-3", "21900-6"].contains($0) }) {
                    if value.contains("N1") { tumor["nodes"] = .string("N1") } else if value.contains("N0") { tumor["nodes"] = .string("N0") }
                }
                if codes.contains(where: { ["21907-1", "21901-4"].contains($0) }) {
                    if value.contains("M1") { tumor["metastasis"] = .string("M1") } else if value.contains("M0") { tumor["metastasis"] = .string("M0") }
                }
                if codes.contains("89247-1"), let score = resource["valueInteger"]?.intValue
                    ?? codings(resource["valueCodeableConcept"]).first.flatMap({ Int($0.code) }), (0...4).contains(score) {
                    patient["ecog"] = .number(Double(score))
                }
            default:
                continue
            }
        }
        var document = JSONObject()
        if !patient.isEmpty { document["patient"] = .object(patient) }
        if !tumor.isEmpty { document["tumor"] = .object(tumor) }
        return document
    }

    private static let histologies: [(key: String, value: String)] = [
        ("dedifferentiated liposarcoma", "dedifferentiated_liposarcoma"), ("myxoid liposarcoma", "myxoid_liposarcoma"),
        ("pleomorphic liposarcoma", "pleomorphic_liposarcoma"), ("well-differentiated liposarcoma", "well_differentiated_liposarcoma"),
        ("leiomyosarcoma", "leiomyosarcoma"), ("myxofibrosarcoma", "myxofibrosarcoma"), ("synovial sarcoma", "synovial_sarcoma"),
        ("undifferentiated pleomorphic sarcoma", "undifferentiated_pleomorphic_sarcoma"), ("angiosarcoma", "angiosarcoma"),
    ]

    private static let sites: [(key: String, value: String)] = [
        ("retroperiton", "retroperitoneum"), ("thigh", "extremity"), ("leg", "extremity"), ("arm", "extremity"),
        ("extremity", "extremity"), ("trunk", "trunk"), ("chest wall", "trunk"), ("head", "head_and_neck"), ("neck", "head_and_neck"),
    ]

    private static func codings(_ value: JSONValue?) -> [(system: String, code: String)] {
        (value?.objectValue?["coding"]?.arrayValue ?? []).compactMap { coding in
            guard let object = coding.objectValue, let code = object["code"]?.stringValue else { return nil }
            return (object["system"]?.stringValue ?? "", code)
        }
    }

    private static func texts(_ value: JSONValue?) -> [String] {
        guard let concept = value?.objectValue else { return [] }
        var texts = concept["text"]?.stringValue.map { [$0] } ?? []
        for coding in concept["coding"]?.arrayValue ?? [] {
            if let display = coding.objectValue?["display"]?.stringValue { texts.append(display) }
            if let code = coding.objectValue?["code"]?.stringValue { texts.append(code) }
        }
        return texts
    }
}
