import JSON
import SarcomaGuidelines

/// Observations: which kind each is (TNM, tumour size, grade, ECOG), whether it may be
/// used at all (status, patient, condition), and TNM categories.
extension FHIRCaseMapper {
    static let usableStatuses: Set<String> = ["final", "amended", "corrected"]
    /// Statuses saying the observation was never made (`cancelled`) or never existed
    /// (`entered-in-error`): such an N / M is as if absent, not a pending finding.
    static let voidStatuses: Set<String> = ["cancelled", "entered-in-error"]

    func mapObservation(
        _ entry: FHIRResourceEntry, primary: FHIRResourceEntry, subject: SubjectReference,
        _ ledger: inout MappingLedger
    ) {
        let code = entry.resource["code"]
        let codings = FHIRCoding.codings(in: code, at: entry.pointer("code"))
        guard let kind = ObservationKind(codings) else {
            ledger.ignore(
                entry,
                "Observation \(FHIRCoding.shown(codings, text: code?["text"]?.stringValue)) is not one sarcoma-guide reads (see the mapping table in docs/fhir.md)"
                    + UnmappedCaseMembers.note(UnmappedCaseMembers.biomarkers)
            )
            return
        }
        let status = entry.resource["status"]?.stringValue ?? "(none)"
        guard Self.usableStatuses.contains(status) else {
            if kind.isNodesOrMetastasis, !Self.voidStatuses.contains(status) {
                // Left out, an N or M would become the engine's N0 / M0: a preliminary M1
                // must not stage a metastatic patient as localized.
                ledger.refuse(
                    entry.pointer("status"),
                    "this \(kind.name) has status '\(status)': only a final, amended or corrected result can be used, and leaving it out would stage the case with the default \(kind.defaultCategory); send the final result (or dataAbsentReason)"
                )
                return
            }
            ledger.ignore(
                entry, element: "status", at: entry.pointer("status"),
                "status '\(status)': only final, amended or corrected results are used")
            return
        }
        if subject.isOtherPatient(entry) {
            ledger.refuse(
                entry.pointer("subject"),
                "this \(kind.name) is about \(subject.subject(of: entry) ?? "?"), the primary cancer Condition about \(subject.patient ?? "?"): resources of two patients cannot make one case"
            )
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
            !(primary.fullUrl.map(references.contains) ?? false)
        else { return nil }
        return conditions[0]
    }

    /// T: reported only (the engine computes T). N, M: the category, N0/N1, M0/M1.
    func mapTNM(_ entry: FHIRResourceEntry, _ element: TNMCodes.Element, _ ledger: inout MappingLedger) {
        let pointer = entry.pointer("valueCodeableConcept")
        let codings = FHIRCoding.codings(in: entry.resource["valueCodeableConcept"], at: pointer)
        if element == .stageGroup {
            if let group = codings.lazy.compactMap(StageGroupCodes.group).first {
                ledger.report(.stageGroup, group, from: entry, at: pointer)
                ledger.ignore(entry, element: "valueCodeableConcept", at: pointer, StageGroupCodes.notInputReason)
            } else if entry.resource["dataAbsentReason"] != nil {
                ledger.ignore(
                    entry, element: "dataAbsentReason", at: entry.pointer("dataAbsentReason"),
                    "the stage group is absent (dataAbsentReason)")
            } else {
                ledger.ignore(entry, element: "valueCodeableConcept", at: pointer, StageGroupCodes.notReadReason)
                ledger.warn(
                    StageGroupCodes.notReadWarning,
                    "\(entry.label) states a stage group at \(pointer) that the service cannot read (text only, or a code not in its table): it was not compared with the computed stage group; check it against the answer's stageGroup"
                )
            }
            return
        }
        if codings.contains(where: { $0.system == FHIRSystem.dataAbsentReason })
            || entry.resource["dataAbsentReason"] != nil
        {
            ledger.ignore(
                entry, element: "valueCodeableConcept", at: pointer,
                "the \(element.rawValue) category is absent (dataAbsentReason)")
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
            if element == .t {
                ledger.ignore(
                    entry, element: "valueCodeableConcept", at: pointer,
                    "\(FHIRCoding.shown(codings, text: nil)) is not an AJCC \(element.rawValue) category code the service knows: not read and not compared with the computed T"
                )
                ledger.warn(
                    "reported-t-not-read",
                    "\(entry.label) states a T category at \(pointer) that the service cannot read: it was not compared with the computed T"
                )
            } else {
                // Present but unreadable: leaving it out would stage with the default N0 / M0.
                // Free text is not echoed: it may describe the patient.
                let hasText = entry.resource["valueCodeableConcept"]?["text"]?.stringValue != nil
                let shown =
                    !codings.isEmpty
                    ? FHIRCoding.shown(codings, text: nil)
                    : hasText ? "a text-only value (no coding)" : "no readable value"
                ledger.refuse(
                    entry.resource["valueCodeableConcept"] == nil ? entry.pointer : pointer,
                    "\(shown) is not an AJCC \(element.rawValue) category code the service knows; leaving it out would stage the case with the default \(element.rawValue)0: send a coded \(element.rawValue) category (SNOMED CT or AJCC), or dataAbsentReason if it is unknown"
                )
            }
            return
        }
        if categories.contains(where: { $0.0 != category }) {
            ledger.refuse(
                pointer,
                "the codings disagree (\(categories.map(\.0).joined(separator: " vs "))): one \(element.rawValue) category per observation"
            )
            return
        }
        switch element {
        case .t:
            ledger.report(.tCategory, category, from: entry, at: coding.pointer)
            ledger.ignore(
                entry, element: "valueCodeableConcept", at: coding.pointer,
                "\(category): T is computed by sarcoma-guide from tumour size and site (AJCC 8); the reported T is not input (it is compared: a T that differs from the computed one is refused; when the engine computes TX, it is announced as not checked)"
            )
        case .n:
            proposeCategory(
                category, allowed: ["N0", "N1"], unknown: "NX", target: "/tumor/nodes", entry, coding, &ledger)
        case .m:
            proposeCategory(
                category, allowed: ["M0", "M1"], unknown: "MX", target: "/tumor/metastasis", entry, coding, &ledger)
        case .stageGroup:
            break
        }
    }

    private func proposeCategory(
        _ category: String, allowed: Set<String>, unknown: String, target: String,
        _ entry: FHIRResourceEntry, _ coding: FHIRCoding, _ ledger: inout MappingLedger
    ) {
        if allowed.contains(category) {
            ledger.propose(
                target, .string(category), shown: category, from: entry, element: "valueCodeableConcept",
                at: coding.pointer, note: coding.shown)
        } else if category == unknown {
            ledger.ignore(
                entry, element: "valueCodeableConcept", at: coding.pointer,
                "\(category) (unknown): left unset; the engine applies AJCC's default (N0 / M0) and says so in its warnings"
            )
        } else {
            ledger.refuse(
                coding.pointer,
                "\(coding.shown) gives \(category), which is not an AJCC 8 soft tissue sarcoma category (\(allowed.sorted().joined(separator: " or ")))"
            )
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
                if let element = TNMCodes.loinc[code] {
                    self = .tnm(element)
                    return
                }
                if TumorSizeCodes.observationCodes.contains(code) {
                    self = .tumorSize
                    return
                }
                if code == ObservationCodes.ecog {
                    self = .ecog
                    return
                }
            case FHIRSystem.snomed:
                if let element = TNMCodes.snomed[code] {
                    self = .tnm(element)
                    return
                }
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

    /// N and M: left out, the engine would assume N0 / M0.
    var isNodesOrMetastasis: Bool {
        self == .tnm(.n) || self == .tnm(.m)
    }

    /// The category the engine assumes when this observation is left out.
    var defaultCategory: String {
        self == .tnm(.n) ? "N0" : "M0"
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
