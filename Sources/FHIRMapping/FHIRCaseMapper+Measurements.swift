import JSON
import SarcomaGuidelines

/// Tumour size (-> `tumor.sizeCm`), histologic grade (-> `tumor.grade`) and ECOG
/// performance status (-> `patient.ecog`).
extension FHIRCaseMapper {
    func mapTumorSize(_ entry: FHIRResourceEntry, _ ledger: inout MappingLedger) {
        var found: [(quantity: JSONValue, pointer: JSONPointer, element: String)] = []
        for (index, component) in (entry.resource["component"]?.arrayValue ?? []).enumerated() {
            let pointer = entry.pointer("component", String(index))
            let isGreatest = FHIRCoding.has(
                component["code"], system: FHIRSystem.loinc, codes: [TumorSizeCodes.greatestDimension])
            guard isGreatest, let quantity = component["valueQuantity"] else {
                ledger.ignore(
                    entry, element: "component[\(index)]", at: pointer,
                    "not the greatest dimension (LOINC 33728-7): AJCC T uses the greatest dimension only")
                continue
            }
            found.append((quantity, pointer.appending("valueQuantity"), "component[\(index)].valueQuantity"))
        }
        if let quantity = entry.resource["valueQuantity"] {
            found.append((quantity, entry.pointer("valueQuantity"), "valueQuantity"))
        }
        if found.isEmpty {
            ledger.ignore(
                entry, "a tumour size observation without a greatest dimension (component 33728-7 or valueQuantity)")
        }
        for (quantity, pointer, element) in found {
            switch Self.centimetres(quantity) {
            case .success(let (centimetres, shown)):
                ledger.propose(
                    "/tumor/sizeCm", .number(centimetres), shown: "\(Self.decimal(centimetres)) cm", from: entry,
                    element: element, at: pointer, note: shown)
                if quantity["system"] == nil {
                    ledger.warn(
                        "size-unit-without-system",
                        "\(entry.label) \(element) (at \(pointer)) has unit '\(Self.systemlessUnit(quantity) ?? "")' without a system; read as UCUM: \(shown). Send system http://unitsofmeasure.org"
                    )
                }
            case .failure(let refusal):
                ledger.refuse(pointer.appending(refusal.member), refusal.detail)
            }
        }
    }

    struct QuantityRefusal: Error {
        var member: String
        var detail: String
    }

    /// A UCUM length in mm or cm as centimetres (mm / 10, rounded to 1e-6 so that 125 mm is
    /// exactly 12.5 cm), with the reading in words.
    static func centimetres(_ quantity: JSONValue) -> Result<(Double, String), QuantityRefusal> {
        guard let value = quantity["value"]?.doubleValue else {
            return .failure(QuantityRefusal(member: "value", detail: "the tumour size has no numeric value"))
        }
        if let comparator = quantity["comparator"]?.stringValue {
            return .failure(
                QuantityRefusal(
                    member: "comparator",
                    detail:
                        "a tumour size given as '\(comparator) \(decimal(value))' is a bound, not a measurement: T would be a guess"
                ))
        }
        let system = quantity["system"]?.stringValue
        if system == nil, let unit = systemlessUnit(quantity) {
            // An EHR quirk: `unit` (or `code`) "mm" / "cm" with no system. Exactly these two
            // strings are read as UCUM; any other spelling stays refused.
            let factor = TumorSizeCodes.centimetresPerUnit[unit] ?? 1
            let centimetres = (value * factor * 1_000_000).rounded() / 1_000_000
            let reading = unit == "cm" ? "\(decimal(value)) cm" : "\(decimal(value)) mm -> \(decimal(centimetres)) cm"
            return .success((centimetres, "\(reading) (unit '\(unit)' without a system, read as UCUM)"))
        }
        let code = quantity["code"]?.stringValue
        guard system == FHIRSystem.ucum, let code, let factor = TumorSizeCodes.centimetresPerUnit[code] else {
            let stated = code ?? quantity["unit"]?.stringValue ?? "(none)"
            let member = code == nil ? "code" : (system == FHIRSystem.ucum ? "code" : "system")
            return .failure(
                QuantityRefusal(
                    member: member,
                    detail:
                        "tumour size unit '\(stated)'\(system == FHIRSystem.ucum ? "" : " (system \(system ?? "missing"))") refused: only UCUM (http://unitsofmeasure.org) 'mm' or 'cm' is converted; anything else could be a unit slip"
                ))
        }
        let centimetres = (value * factor * 1_000_000).rounded() / 1_000_000
        let shown = code == "cm" ? "\(decimal(value)) cm" : "\(decimal(value)) mm -> \(decimal(centimetres)) cm"
        return .success((centimetres, shown))
    }

    /// `mm` or `cm` when a quantity without `system` names exactly one of them in `code`
    /// and/or `unit` (both, when given, the same); nil otherwise.
    static func systemlessUnit(_ quantity: JSONValue) -> String? {
        let stated = [quantity["code"]?.stringValue, quantity["unit"]?.stringValue].compactMap { $0 }
        guard let first = stated.first, stated.allSatisfy({ $0 == first }),
            TumorSizeCodes.centimetresPerUnit[first] != nil
        else { return nil }
        return first
    }

    /// 12.5 -> "12.5", 5.0 -> "5"; for messages only.
    static func decimal(_ value: Double) -> String {
        let text = JSONWriter(style: .compact).string(.number(value))
        return text
    }

    func mapGrade(_ entry: FHIRResourceEntry, _ ledger: inout MappingLedger) {
        let pointer = entry.pointer("valueCodeableConcept")
        let codings = FHIRCoding.codings(in: entry.resource["valueCodeableConcept"], at: pointer)
        var used = false
        for coding in codings {
            guard coding.system == FHIRSystem.snomed, let code = coding.code else { continue }
            if let grade = GradeCodes.snomedGrades[code] {
                ledger.propose(
                    "/tumor/grade", .number(Double(grade)), shown: "G\(grade)", from: entry,
                    element: "valueCodeableConcept", at: coding.pointer, note: coding.shown)
                used = true
            } else if let reason = GradeCodes.snomedNotFNCLCC[code] {
                ledger.ignore(
                    entry, element: "valueCodeableConcept", at: coding.pointer,
                    "\(coding.shown): \(reason); grade left unset (GX)")
                used = true
            }
        }
        if !used {
            ledger.ignore(
                entry, element: "valueCodeableConcept", at: pointer,
                "\(FHIRCoding.shown(codings, text: entry.resource["valueCodeableConcept"]?["text"]?.stringValue)) is not an FNCLCC grade code the service knows; grade left unset (GX)"
            )
        }
    }

    /// `valueInteger`, or a LOINC answer code (LL529-9) as `valueCodeableConcept`; a LOINC
    /// answer in `interpretation` must agree with `valueInteger`. ECOG 5 is death: refused,
    /// the case is not one to plan treatment for.
    func mapECOG(_ entry: FHIRResourceEntry, _ ledger: inout MappingLedger) {
        let interpretation = (entry.resource["interpretation"]?.arrayValue ?? []).enumerated().flatMap {
            index, concept in
            FHIRCoding.codings(in: concept, at: entry.pointer("interpretation", String(index)))
        }
        if let value = entry.resource["valueInteger"] {
            // The case decoder checks the range (0-4) and answers with a pointer back here.
            if let grade = value.intValue, let answer = Self.ecogAnswer(interpretation), answer.grade != grade {
                ledger.refuse(
                    answer.coding.pointer,
                    "ECOG valueInteger \(grade) and interpretation \(answer.coding.shown) (ECOG \(answer.grade)) disagree: the service does not pick one"
                )
                return
            }
            let shown = value.intValue.map(String.init) ?? "\(value)"
            ledger.propose(
                "/patient/ecog", value, shown: shown, from: entry, element: "valueInteger",
                at: entry.pointer("valueInteger"))
            warnAboutECOGDate(entry, &ledger)
            return
        }
        let codings = FHIRCoding.codings(
            in: entry.resource["valueCodeableConcept"], at: entry.pointer("valueCodeableConcept"))
        guard let answer = Self.ecogAnswer(codings) else {
            ledger.ignore(
                entry,
                "an ECOG observation without valueInteger or a LOINC ECOG answer code (LA9622-7 ... LA9626-8) in valueCodeableConcept: ECOG left unset"
            )
            return
        }
        guard answer.grade <= 4 else {
            ledger.refuse(
                answer.coding.pointer, "\(answer.coding.shown) is ECOG 5 (dead): there is no treatment to plan")
            return
        }
        ledger.propose(
            "/patient/ecog", .number(Double(answer.grade)), shown: "\(answer.grade)", from: entry,
            element: "valueCodeableConcept", at: answer.coding.pointer,
            note: "\(answer.coding.shown) -> ECOG \(answer.grade)")
        warnAboutECOGDate(entry, &ledger)
    }

    /// The first LOINC ECOG answer among `codings`.
    static func ecogAnswer(_ codings: [FHIRCoding]) -> (grade: Int, coding: FHIRCoding)? {
        for coding in codings where coding.system == FHIRSystem.loinc {
            if let code = coding.code, let grade = ECOGCodes.loincAnswers[code] { return (grade, coding) }
        }
        return nil
    }
}
