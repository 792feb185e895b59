import JSON
import SarcomaGuidelines

/// The primary cancer Condition: which one it is, whether it is a soft tissue sarcoma, and
/// its histology, site and identifier.
extension FHIRCaseMapper {
    static let morphologyExtension = "mcode-histology-morphology-behavior"

    /// The one primary cancer Condition: claimed by the mCODE PrimaryCancerCondition profile,
    /// or (without any mCODE cancer profile) coded as a soft tissue sarcoma. None or several
    /// is an issue.
    func primaryCondition(among conditions: [FHIRResourceEntry], _ ledger: inout MappingLedger) -> FHIRResourceEntry? {
        var candidates: [FHIRResourceEntry] = []
        var unconfirmed = false
        var inactive: [(entry: FHIRResourceEntry, status: String)] = []
        for entry in conditions {
            if let status = Self.unusableVerification(entry) {
                let isPrimary =
                    Self.hasProfile(entry, "mcode-primary-cancer-condition")
                    || (!isSecondary(entry) && identifiesSarcoma(entry))
                if isPrimary, !Self.voidVerifications.contains(status) {
                    // Provisional, differential, unconfirmed: a diagnosis still open is not
                    // staged and treated as a sarcoma.
                    unconfirmed = true
                    ledger.refuse(
                        entry.pointer("verificationStatus"),
                        "verificationStatus is '\(status)': only a confirmed diagnosis (or one without verificationStatus) is staged; send the Condition once the diagnosis is confirmed"
                    )
                } else if !isSecondary(entry) || Self.voidVerifications.contains(status) {
                    // A secondary cancer still open is refused in `map` (staging either way could be wrong).
                    ledger.ignore(
                        entry, element: "verificationStatus", at: entry.pointer("verificationStatus"),
                        "verificationStatus is '\(status)': not a diagnosis to act on")
                }
                continue
            }
            // Only a Condition coded as a sarcoma is set aside here: another cancer in
            // remission is still refused for what it is (`mapPrimary`), and a sarcoma known
            // only by its mCODE profile is checked once `mapPrimary` has read it.
            if !isSecondary(entry), identifiesSarcoma(entry), let status = Self.inactiveClinicalStatus(entry) {
                inactive.append((entry, status))
                continue
            }
            if Self.hasProfile(entry, "mcode-primary-cancer-condition") {
                candidates.append(entry)
            } else if !isSecondary(entry), identifiesSarcoma(entry) {
                candidates.append(entry)
            }
        }
        if candidates.count > 1 {
            let names = candidates.map(\.label).joined(separator: ", ")
            for candidate in candidates {
                ledger.refuse(
                    candidate.pointer,
                    "\(candidates.count) primary cancer Conditions (\(names)): which tumour this case describes cannot be told; import one primary cancer at a time"
                )
            }
            return nil
        }
        // A sarcoma marked resolved, in remission or inactive is no tumour to stage or
        // treat: beside an active primary it is left out; alone, the case is refused.
        for (entry, status) in inactive {
            if candidates.isEmpty {
                ledger.refuse(entry.pointer("clinicalStatus"), Self.inactiveDetail(status))
            } else {
                ledger.ignore(
                    entry, element: "clinicalStatus", at: entry.pointer("clinicalStatus"),
                    "clinicalStatus is '\(status)': not the active primary cancer")
            }
        }
        guard let primary = candidates.first else {
            if unconfirmed || !inactive.isEmpty { return nil }
            let secondary = conditions.contains { isSecondary($0) }
            ledger.refuse(
                .root,
                "no primary cancer Condition (mCODE PrimaryCancerCondition, or a Condition coded as a soft tissue sarcoma) in the payload"
                    + (secondary ? "; a secondary cancer Condition alone does not describe the primary tumour" : ""))
            return nil
        }
        return primary
    }

    /// Reads the primary Condition; false when it is not a soft tissue sarcoma (issues added).
    func mapPrimary(_ entry: FHIRResourceEntry, _ ledger: inout MappingLedger) -> Bool {
        let codePointer = entry.pointer("code")
        let codes = FHIRCoding.codings(in: entry.resource["code"], at: codePointer)
        let morphologies = morphologyCodings(entry)
        var identified = false
        var unknownMorphologies: [FHIRCoding] = []

        for coding in morphologies {
            guard let meaning = MorphologyCodes.meaning(of: coding) else {
                unknownMorphologies.append(coding)
                continue
            }
            identified = true
            proposeMorphology(meaning, coding, entry, &ledger)
        }
        var sites: [(Site, FHIRCoding, String)] = []
        for coding in codes {
            guard coding.system == FHIRSystem.icd10 || coding.system == FHIRSystem.icd10CM, let code = coding.code,
                let diagnosis = SiteCodes.icd10(code)
            else { continue }
            identified = true
            switch diagnosis {
            case .softTissue(let site?):
                sites.append((site, coding, "code"))
            case .softTissue(nil):
                ledger.ignore(
                    entry, element: "code", at: coding.pointer,
                    "\(coding.shown) identifies a soft tissue malignancy but not whether the site is trunk wall, viscera or retroperitoneum"
                )
            case .outOfScope(let name, let contractCode):
                proposeMorphology(.outOfScope(name: name, contractCode: contractCode), coding, entry, &ledger)
            }
        }
        guard identified else {
            let shown = FHIRCoding.shown(codes, text: entry.resource["code"]?["text"]?.stringValue)
            ledger.refuse(
                codePointer,
                "\(shown) is not a soft tissue sarcoma: sarcoma-guide handles soft tissue sarcoma only, and neither this code nor a histology-morphology-behavior extension is a sarcoma code it knows (ICD-O-3 morphology, ICD-10 C48.0/C49; see the table in docs/fhir.md)"
            )
            for coding in unknownMorphologies {
                ledger.refuse(coding.pointer, "morphology \(coding.shown) is not a soft tissue sarcoma morphology")
            }
            return false
        }
        for coding in unknownMorphologies {
            ledger.ignore(
                entry, element: "extension[histology-morphology-behavior]", at: coding.pointer,
                "morphology \(coding.shown) is not in the service's table of soft tissue sarcoma codes")
        }
        mapBodySites(entry, icdSites: sites, &ledger)
        mapStageSummaries(entry, &ledger)
        return true
    }

    private func morphologyCodings(_ entry: FHIRResourceEntry) -> [FHIRCoding] {
        guard let extensions = entry.resource["extension"]?.arrayValue else { return [] }
        var codings: [FHIRCoding] = []
        for (index, item) in extensions.enumerated()
        where item["url"]?.stringValue?.hasSuffix("/" + Self.morphologyExtension) == true {
            let pointer = entry.pointer("extension", String(index), "valueCodeableConcept")
            codings += FHIRCoding.codings(in: item["valueCodeableConcept"], at: pointer)
        }
        return codings
    }

    private func proposeMorphology(
        _ meaning: TumorMorphology, _ coding: FHIRCoding, _ entry: FHIRResourceEntry,
        _ ledger: inout MappingLedger
    ) {
        let element = coding.pointer.tokens.contains("extension") ? "extension[histology-morphology-behavior]" : "code"
        switch meaning {
        case .histology(let histology):
            ledger.propose(
                "/tumor/histology", .string(histology.rawValue), shown: histology.rawValue, from: entry,
                element: element, at: coding.pointer, note: coding.shown)
            if coding.system == FHIRSystem.icdO3, let code = coding.code, MorphologyCodes.subtypeNeeded.contains(code) {
                ledger.warn(
                    "histology_subtype_needed",
                    "\(coding.shown) imported as rhabdomyosarcoma (the pediatric-type subtypes); if pleomorphic, re-code as pleomorphic_rhabdomyosarcoma"
                )
            }
        case .sarcomaSubtypeUnknown(let name):
            ledger.ignore(
                entry, element: element, at: coding.pointer,
                "\(name): a soft tissue sarcoma, but the contract's histology needs the subtype; histology is left unset (the engine treats it as unknown and says so)"
            )
        case .outOfScope(let name, let contractCode?):
            // The case decoder refuses it with the contract's own wording, pointed back here.
            ledger.propose(
                "/tumor/histology", .string(contractCode), shown: name, from: entry,
                element: element, at: coding.pointer, note: coding.shown)
        case .outOfScope(let name, nil):
            ledger.refuse(
                coding.pointer, "\(coding.shown) is \(name): out of scope for this soft tissue sarcoma service")
        }
    }

    /// Condition.bodySite (SNOMED CT) and an ICD-10 site both feed `tumor.site`.
    private func mapBodySites(
        _ entry: FHIRResourceEntry, icdSites: [(Site, FHIRCoding, String)], _ ledger: inout MappingLedger
    ) {
        for (site, coding, element) in icdSites {
            ledger.propose(
                "/tumor/site", .string(site.rawValue), shown: site.rawValue, from: entry,
                element: element, at: coding.pointer, note: coding.shown)
        }
        let bodySites = entry.resource["bodySite"]?.arrayValue ?? []
        var unknown: [FHIRCoding] = []
        for (index, bodySite) in bodySites.enumerated() {
            let pointer = entry.pointer("bodySite", String(index))
            for coding in FHIRCoding.codings(in: bodySite, at: pointer) {
                if coding.system == FHIRSystem.snomed, let code = coding.code, let site = SiteCodes.snomed[code] {
                    ledger.propose(
                        "/tumor/site", .string(site.rawValue), shown: site.rawValue, from: entry,
                        element: "bodySite[\(index)]", at: coding.pointer, note: coding.shown)
                } else {
                    unknown.append(coding)
                    ledger.ignore(
                        entry, element: "bodySite[\(index)]", at: coding.pointer,
                        "\(coding.shown) does not name one of the contract's sites without doubt")
                }
            }
        }
        guard !ledger.hasProposal(for: "/tumor/site") else { return }
        let pointer = unknown.first?.pointer ?? (bodySites.isEmpty ? entry.pointer : entry.pointer("bodySite"))
        let why =
            unknown.isEmpty
            ? "the Condition has no bodySite the service can read"
            : "bodySite \(unknown.map(\.shown).joined(separator: ", ")) is not in the service's site table"
        ledger.refuse(
            pointer,
            "tumor.site (required) cannot be derived: \(why); code the site as one of the SNOMED CT structures or ICD-10 C49 codes in the table in docs/fhir.md"
        )
    }

    /// Condition.stage.summary: a stage the engine computes itself; kept for comparison.
    private func mapStageSummaries(_ entry: FHIRResourceEntry, _ ledger: inout MappingLedger) {
        for (index, stage) in (entry.resource["stage"]?.arrayValue ?? []).enumerated() {
            let pointer = entry.pointer("stage", String(index), "summary")
            let codings = FHIRCoding.codings(in: stage["summary"], at: pointer)
            guard stage["summary"] != nil else { continue }
            if let group = codings.lazy.compactMap(StageGroupCodes.group).first {
                ledger.report(.stageGroup, group, from: entry, at: pointer)
                ledger.ignore(entry, element: "stage[\(index)].summary", at: pointer, StageGroupCodes.notInputReason)
            } else {
                ledger.ignore(entry, element: "stage[\(index)].summary", at: pointer, StageGroupCodes.notReadReason)
                ledger.warn(
                    StageGroupCodes.notReadWarning,
                    "\(entry.label) states a stage group at \(pointer) that the service cannot read (text only, or a code not in its table): it was not compared with the computed stage group; check it against the answer's stageGroup"
                )
            }
        }
    }

    /// Whether a non-mCODE Condition is coded as a soft tissue sarcoma (ICD-10 or morphology).
    func identifiesSarcoma(_ entry: FHIRResourceEntry) -> Bool {
        let codes = FHIRCoding.codings(in: entry.resource["code"], at: .root)
        if codes.contains(where: {
            ($0.system == FHIRSystem.icd10 || $0.system == FHIRSystem.icd10CM)
                && $0.code.flatMap(SiteCodes.icd10) != nil
        }) {
            return true
        }
        return morphologyCodings(entry).contains { MorphologyCodes.meaning(of: $0) != nil }
    }

    /// Condition.clinicalStatus codes (condition-clinical) that say the disease is not
    /// present now; `active`, `recurrence` and `relapse` are active.
    static let inactiveClinicalStatuses: Set<String> = ["inactive", "remission", "resolved"]

    static func inactiveDetail(_ status: String) -> String {
        "clinicalStatus is '\(status)': the sarcoma is not active, so it is not staged or given treatment options; for a recurrence send clinicalStatus 'recurrence' (or 'relapse') or 'active'"
    }

    /// The clinicalStatus code when it says the Condition is not active; nil otherwise
    /// (active, recurrence, relapse, or not stated).
    static func inactiveClinicalStatus(_ entry: FHIRResourceEntry) -> String? {
        guard let status = entry.resource["clinicalStatus"] else { return nil }
        let codes = FHIRCoding.codings(in: status, at: entry.pointer("clinicalStatus"))
            .filter { $0.system == nil || $0.system == FHIRSystem.clinicalStatus }.compactMap(\.code)
        return codes.first(where: inactiveClinicalStatuses.contains)
    }

    /// The verificationStatus code of a Condition that is not a confirmed diagnosis
    /// (`provisional`, `differential`, `unconfirmed`, `refuted`, `entered-in-error`, or an
    /// unreadable one); nil when it is `confirmed` or absent. Absent is accepted: FHIR R4
    /// makes the element optional, and mCODE's PrimaryCancerCondition does not require it; a
    /// Condition an EHR sends as a primary cancer without saying otherwise is its diagnosis.
    /// Verification statuses that say the Condition is not (or never was) a diagnosis: it is
    /// left out like any other Condition, not refused.
    static let voidVerifications: Set<String> = ["refuted", "entered-in-error"]

    static func unusableVerification(_ entry: FHIRResourceEntry) -> String? {
        guard let status = entry.resource["verificationStatus"] else { return nil }
        let codes = FHIRCoding.codings(in: status, at: .root)
            .filter { $0.system == nil || $0.system == FHIRSystem.verificationStatus }.compactMap(\.code)
        if codes.contains("confirmed"), codes.allSatisfy({ $0 == "confirmed" }) { return nil }
        return codes.first { $0 != "confirmed" } ?? "(no readable code)"
    }
}
