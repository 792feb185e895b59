import SarcomaGuidelines

/// Observations: which kind each is (TNM, tumour size, grade, ECOG), whether it may be
/// used at all (status, patient, condition), and TNM categories.
extension FHIRCaseMapper {
    static let usableStatuses: Set<String> = ["final", "amended", "corrected"]

    func mapObservation(_ entry: FHIRResourceEntry, primary: FHIRResourceEntry, subject: SubjectReference,
                        _ ledger: inout MappingLedger) {
        let code = entry.resource["code"]
        let codings = FHIRCoding.codings(in: code, at: entry.pointer("code"))
        guard let kind = ObservationKind(codings) else {
            ledger.ignore(entry, "Observation \(FHIRCoding.shown(codings, text: code?["text"]?.stringValue)) is not one sarcoma-guide reads (see the README's mapping table)")
            return
        }
        let status = entry.resource["status"]?.stringValue ?? "(none)"
        guard Self.usableStatuses.contains(status) else {
            ledger.ignore(entry, element: "status", at: entry.pointer("status"),
                          "status '\(status)': only final, amended or corrected results are used")
            return
        }
        if subject.isOtherPatient(entry) {
            ledger.refuse(entry.pointer("subject"), "this \(kind.name) is about \(subject.subject(of: entry) ?? "?"), the primary cancer Condition about \(subject.patient ?? "?"): resources of two patients cannot make one case")
            return
        }
        if let other = otherCondition(entry, primary: primary) {
            ledger.ignore(entry, "this \(kind.name) refers to \(other), not to the primary cancer Condition")
            return
        }
        switch kind {
        case .tnm(let element): mapTNM(entry, element, &ledger)
        case .tumorSize: mapTumorSize(entry, &ledger)
        case .grade: mapGrade(entry, &ledger)
        case .ecog: mapECOG(entry, &ledger)
        }
    }

    /// A Condition the observation names (focus, mCODE related-condition) that is not the
    /// primary one; nil when it names none or the primary.
    private func otherCondition(_ entry: FHIRResourceEntry, primary: FHIRResourceEntry) -> String? {
        guard let primaryID = primary.id else { return nil }
        var references: [String] = []
        for focus in entry.resource["focus"]?.arrayValue ?? [] {
            if let reference = focus["reference"]?.stringValue { references.append(reference) }
        }
        for item in entry.resource["extension"]?.arrayValue ?? []
        where item["url"]?.stringValue?.hasSuffix("/mcode-related-condition") == true {
            if let reference = item["valueReference"]?["reference"]?.stringValue { references.append(reference) }
        }
        let conditions = references.map { SubjectReference.normalize($0, [:]) }.filter { $0.hasPrefix("Condition/") }
        guard !conditions.isEmpty, !conditions.contains("Condition/\(primaryID)"),
              !(primary.fullUrl.map(references.contains) ?? false) else { return nil }
        return conditions[0]
    }

    /// T: reported only (the engine computes T). N, M: the category, N0/N1, M0/M1.
    func mapTNM(_ entry: FHIRResourceEntry, _ element: TNMCodes.Element, _ ledger: inout MappingLedger) {
        let pointer = entry.pointer("valueCodeableConcept")
        let codings = FHIRCoding.codings(in: entry.resource["valueCodeableConcept"], at: pointer)
        if element == .stageGroup {
            if let group = codings.lazy.compactMap(StageGroupCodes.group).first {
                ledger.report(.stageGroup, group, from: entry, at: pointer)
            }
            ledger.ignore(entry, element: "valueCodeableConcept", at: pointer, StageGroupCodes.notInputReason)
            return
        }
        if codings.contains(where: { $0.system == FHIRSystem.dataAbsentReason }) || entry.resource["dataAbsentReason"] != nil {
            ledger.ignore(entry, element: "valueCodeableConcept", at: pointer, "the \(element.rawValue) category is absent (dataAbsentReason)")
            return
        }
        let categories = codings.compactMap { coding -> (String, FHIRCoding)? in
            guard let code = coding.code else { return nil }
            switch coding.system {
            case FHIRSystem.snomed: return TNMCodes.snomedValues[code].map { ($0, coding) }
            case FHIRSystem.ajcc: return TNMCodes.ajccCategory(code).map { ($0, coding) }
            default: return nil
            }
        }.filter { $0.0.hasPrefix(element.rawValue) }
        guard let (category, coding) = categories.first else {
            ledger.ignore(entry, element: "valueCodeableConcept", at: pointer,
                          "\(FHIRCoding.shown(codings, text: nil)) is not an AJCC \(element.rawValue) category code the service knows")
            return
        }
        if categories.contains(where: { $0.0 != category }) {
            ledger.refuse(pointer, "the codings disagree (\(categories.map(\.0).joined(separator: " vs "))): one \(element.rawValue) category per observation")
            return
        }
        switch element {
        case .t:
            ledger.report(.tCategory, category, from: entry, at: coding.pointer)
            ledger.ignore(entry, element: "valueCodeableConcept", at: coding.pointer,
                          "\(category): T is computed by sarcoma-guide from tumour size and site (AJCC 8); the reported T is not input (the import answer compares it with the computed T)")
        case .n:
            proposeCategory(category, allowed: ["N0", "N1"], unknown: "NX", target: "/tumor/nodes", entry, coding, &ledger)
        case .m:
            proposeCategory(category, allowed: ["M0", "M1"], unknown: "MX", target: "/tumor/metastasis", entry, coding, &ledger)
        case .stageGroup:
            break
        }
    }

    private func proposeCategory(_ category: String, allowed: Set<String>, unknown: String, target: String,
                                 _ entry: FHIRResourceEntry, _ coding: FHIRCoding, _ ledger: inout MappingLedger) {
        if allowed.contains(category) {
            ledger.propose(target, .string(category), shown: category, from: entry, element: "valueCodeableConcept",
                           at: coding.pointer, note: coding.shown)
        } else if category == unknown {
            ledger.ignore(entry, element: "valueCodeableConcept", at: coding.pointer,
                          "\(category) (unknown): left unset; the engine applies AJCC's default (N0 / M0) and says so in its warnings")
        } else {
            ledger.refuse(coding.pointer, "\(coding.shown) gives \(category), which is not an AJCC 8 soft tissue sarcoma category (\(allowed.sorted().joined(separator: " or ")))")
        }
    }
}

/// What an Observation reports, from its code.
enum ObservationKind: Sendable, Equatable {
    case tnm(TNMCodes.Element)
    case tumorSize
    case grade
    case ecog

    init?(_ codings: [FHIRCoding]) {
        for coding in codings {
            guard let code = coding.code else { continue }
            switch coding.system {
            case FHIRSystem.loinc:
                if let element = TNMCodes.loinc[code] { self = .tnm(element); return }
                if TumorSizeCodes.observationCodes.contains(code) { self = .tumorSize; return }
                if code == "89247-1" { self = .ecog; return }
            case FHIRSystem.snomed:
                if let element = TNMCodes.snomed[code] { self = .tnm(element); return }
            default:
                break
            }
            if GradeCodes.observationCodes.contains(where: { $0.system == coding.system && $0.code == code }) {
                self = .grade
                return
            }
        }
        return nil
    }

    var name: String {
        switch self {
        case .tnm(let element): "\(element.rawValue) observation"
        case .tumorSize: "tumour size observation"
        case .grade: "histologic grade observation"
        case .ecog: "ECOG performance status"
        }
    }
}
