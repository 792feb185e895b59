import JSON
import SarcomaGuidelines

/// Maps mCODE-shaped FHIR R4 resources (a primary cancer Condition, TNM, tumour size and
/// histologic grade Observations, the Patient) to a case body of the wire contract.
///
/// Pure: no I/O and no clock (the date that turns a birth date into an age is passed in).
/// It never guesses: a resource or element it cannot read with certainty is listed in
/// `ignored` with the reason, and anything that would make the case wrong (not a soft
/// tissue sarcoma, two primary Conditions, two different sizes, a unit it cannot convert,
/// a patient mismatch) is an issue pointing into the payload. docs/fhir.md
/// lists what is mapped and what is not.
public struct FHIRCaseMapper: Sendable {
    /// `YYYY-MM-DD`: the day ages are computed for; nil = `Patient.birthDate` is not mapped.
    public var referenceDate: String?

    public init() {
        referenceDate = nil
    }

    public init(referenceDate: String?) {
        self.referenceDate = referenceDate
    }

    /// Maps resources given as an array; pointers in the answer index that array (`/2/code`).
    public func map(_ resources: [JSONObject]) -> FHIRCaseMapping {
        map(
            entries: resources.enumerated().map { index, resource in
                FHIRResourceEntry(resource: resource, pointer: JSONPointer(tokens: [String(index)]))
            })
    }

    /// Maps located resources (`FHIRResources.locate`): pointers point into the payload.
    public func map(entries: [FHIRResourceEntry]) -> FHIRCaseMapping {
        var ledger = MappingLedger()
        let conditions = entries.filter { $0.resourceType == "Condition" }
        guard let primary = primaryCondition(among: conditions, &ledger) else {
            ignoreAllBut(conditions, in: entries, &ledger)
            return FHIRCaseMapping(ignored: ledger.ignored, issues: ledger.issues)
        }
        let subject = SubjectReference(primary: primary, entries: entries)
        let isSarcoma = mapPrimary(primary, &ledger)
        guard isSarcoma else {
            // The case is refused for what it is; its observations would only add noise.
            ignoreAllBut(
                [primary], in: entries, &ledger,
                reason: "not read: the primary cancer Condition is not a soft tissue sarcoma")
            return FHIRCaseMapping(ignored: ledger.ignored, issues: ledger.issues)
        }
        if let status = Self.inactiveClinicalStatus(primary) {
            ledger.refuse(primary.pointer("clinicalStatus"), Self.inactiveDetail(status))
            ignoreAllBut(
                [primary], in: entries, &ledger, reason: "not read: the primary cancer Condition is not active")
            return FHIRCaseMapping(ignored: ledger.ignored, issues: ledger.issues)
        }
        var secondaries: [FHIRResourceEntry] = []
        for entry in entries where entry != primary {
            switch entry.resourceType {
            case "Condition":
                if isSecondary(entry) {
                    if let status = Self.unusableVerification(entry) {
                        // refuted / entered-in-error: already left out as not a diagnosis.
                        if !Self.voidVerifications.contains(status) {
                            ledger.refuse(
                                entry.pointer("verificationStatus"),
                                "a secondary cancer Condition (metastasis) whose verificationStatus is '\(status)': staging with it or without it could be wrong; send it confirmed, or refuted / entered-in-error, with the N and M categories"
                            )
                        }
                    } else {
                        secondaries.append(entry)
                    }
                } else {
                    ledger.ignore(entry, "not the primary cancer Condition (other Conditions are not case input)")
                }
            case "Observation":
                mapObservation(entry, primary: primary, subject: subject, &ledger)
            case "Patient":
                mapPatient(entry, subject: subject, &ledger)
            default:
                ledger.ignore(
                    entry,
                    "\(entry.resourceType ?? "this resource type") is not used by sarcoma-guide (see the mapping table in docs/fhir.md)"
                        + (UnmappedCaseMembers.note(forResourceType: entry.resourceType) ?? "")
                )
            }
        }
        checkSecondaries(secondaries, &ledger)
        return finish(primary, &ledger)
    }

    /// Builds the case body from the agreed values, in the contract's member order.
    private func finish(_ primary: FHIRResourceEntry, _ ledger: inout MappingLedger) -> FHIRCaseMapping {
        let (values, mapped) = ledger.resolve()
        let source = sourceKey(of: primary, &ledger)
        let identifier = source?.key
        var document = JSONObject()
        if let identifier { document["externalId"] = .string(identifier) }
        var patient = JSONObject()
        for field in ["ageYears", "sex", "ecog"] { patient[field] = values["/patient/\(field)"] }
        if !patient.isEmpty { document["patient"] = .object(patient) }
        var tumor = JSONObject()
        for field in ["site", "sizeCm", "histology", "grade", "nodes", "metastasis"] {
            tumor[field] = values["/tumor/\(field)"]
        }
        document["tumor"] = .object(tumor)
        var mappedElements = mapped
        if let source {
            mappedElements.insert(source.element, at: 0)
        }
        return FHIRCaseMapping(
            caseDocument: document, sourceIdentifier: identifier, mapped: mappedElements,
            ignored: ledger.ignored, issues: ledger.issues, reported: ledger.reported,
            warnings: ledger.warnings)
    }

    private func ignoreAllBut(
        _ kept: [FHIRResourceEntry], in entries: [FHIRResourceEntry], _ ledger: inout MappingLedger,
        reason: String = "not read: no primary cancer Condition to attach it to"
    ) {
        for entry in entries where !kept.contains(entry) {
            ledger.ignore(entry, reason)
        }
    }

    /// Whether the resource claims the mCODE profile whose URL ends with `name`.
    static func hasProfile(_ entry: FHIRResourceEntry, _ name: String) -> Bool {
        entry.resource["meta"]?["profile"]?.arrayValue?.contains {
            $0.stringValue.map { $0.hasSuffix("/" + name) || $0.contains("/" + name + "|") } ?? false
        } ?? false
    }
}
