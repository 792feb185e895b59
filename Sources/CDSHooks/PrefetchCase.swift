import FHIRMapping
import JSON
import SarcomaGuidelines

/// What the prefetch says about the patient's sarcoma, ready for the engine or not.
package enum PrefetchCase: Sendable {
    /// No Condition in the record is a soft tissue sarcoma (another cancer, or none, or one
    /// marked refuted / entered in error): this service has nothing to say, so no cards.
    /// Never used when some Condition is a sarcoma but the mapper could not pick the primary
    /// (two candidates, or an unconfirmed diagnosis): that is `incomplete`.
    case noSarcoma
    /// A sarcoma, but the case cannot be evaluated; each issue says what is missing or wrong
    /// (pointers into the request for the mapping's issues, into the case for the decoder's).
    case incomplete([FieldIssue])
    /// The case, with the mapping's warnings the cards must show (`performance_status_dated`,
    /// `performance_status_undated`: counted back from the day of the hook call, delta §9).
    case ready(SarcomaCase, mappingWarnings: [FHIRMappingWarning])

    /// Maps the prefetch with `FHIRMapping` and decodes the case exactly as
    /// `POST /v1/validate` would (structure, codes, clinical consistency, delta §2). Ages and
    /// the ECOG date are counted for `referenceDate` (`YYYY-MM-DD`, today in UTC for a live call).
    package static func read(
        _ entries: [FHIRResourceEntry], pack: CardPack,
        referenceDate: String
    ) throws(SystemicInputError) -> PrefetchCase {
        let mapping = PrefetchCaseMapping.map(entries, referenceDate: referenceDate)
        // The mapper writes `tumor` only once it has found exactly one primary Condition that
        // is a soft tissue sarcoma; without it, every issue is about that search. Silence
        // only if no Condition is a sarcoma: the same tumour coded on two encounters must
        // not hide the guidance without a word.
        guard mapping.caseDocument["tumor"] != nil else {
            guard sarcomaConditionCount(in: entries) > 0 else { return .noSarcoma }
            let issues =
                mapping.issues.isEmpty
                ? [
                    FieldIssue(
                        pointer: "", detail: "the primary sarcoma Condition could not be identified in the record")
                ]
                : mapping.issues
            return .incomplete(issues)
        }
        guard mapping.issues.isEmpty else { return .incomplete(mapping.issues) }
        switch CaseDecoder().decode(.object(mapping.caseDocument)) {
        case .failure(.malformedJSON(let error)):
            return .incomplete([FieldIssue(pointer: "", detail: "the record could not be read as a case (\(error))")])
        case .failure(.invalid(let issues)):
            return .incomplete(issues)
        case .success(let sarcomaCase):
            let issues = pack.consistencyIssues(in: sarcomaCase)
            guard issues.isEmpty else { return .incomplete(issues) }
            // A reported T or stage group the pack's staging contradicts: as on import,
            // no card may rest on a stage the record disputes.
            let staging = try pack.engine.stagingSection(for: sarcomaCase)
            let contradictions = FHIRImportReport.consistencyIssues(mapping, staging: staging)
            guard contradictions.isEmpty else { return .incomplete(contradictions) }
            // No card on an assumed M0, or on an assumed N0 that would change the answer.
            let assumed = try assumedStatusIssues(sarcomaCase, pack: pack)
            return assumed.isEmpty ? .ready(sarcomaCase, mappingWarnings: mapping.warnings) : .incomplete(assumed)
        }
    }

    /// The Conditions that, each mapped on its own, are a soft tissue sarcoma primary (the
    /// mapper's own test, so no second vocabulary here). The clinical status is left out of
    /// this test (a resolved sarcoma gets the card saying so), and so is the verification status: a sarcoma still `provisional`, `differential` or `unconfirmed` (or with a
    /// status the mapper cannot read, such as text only or a SNOMED CT coding) is one the
    /// mapper refuses, and that refusal must reach the clinician as the warning card, not
    /// become silence. Only a Condition marked `refuted` or `entered-in-error` is no sarcoma.
    package static func sarcomaConditionCount(in entries: [FHIRResourceEntry]) -> Int {
        entries.filter { entry in
            guard entry.resourceType == "Condition", !isVoid(entry) else { return false }
            var unverified = entry
            unverified.resource["verificationStatus"] = nil
            unverified.resource["clinicalStatus"] = nil
            return PrefetchCaseMapping.map([unverified], referenceDate: nil).caseDocument["tumor"] != nil
        }.count
    }

    /// Verification statuses saying the Condition is not (or never was) a diagnosis.
    package static let voidVerifications: Set<String> = ["refuted", "entered-in-error"]

    /// Whether the Condition's verificationStatus codes it `refuted` or `entered-in-error`.
    package static func isVoid(_ entry: FHIRResourceEntry) -> Bool {
        guard case .array(let codings)? = entry.resource["verificationStatus"]?["coding"] else { return false }
        return codings.contains { coding in
            let system = coding["system"]
            guard system == nil || system == .string(FHIRSystem.verificationStatus),
                case .string(let code)? = coding["code"]
            else { return false }
            return voidVerifications.contains(code)
        }
    }

    /// The card for a case that cannot be evaluated: the first issue as the summary, every
    /// issue with where it points in the detail.
    package static func incompleteCard(_ issues: [FieldIssue], sourceLabel: String) -> CDSCard {
        let first = issues.first?.detail ?? "the record lacks data the guideline needs"
        let lines = issues.map { issue in "- " + (issue.pointer.isEmpty ? "" : "`\(issue.pointer)`: ") + issue.detail }
        return CDSCard(
            summary: "Sarcoma guidance unavailable: \(first)", indicator: .warning,
            detail: (["**The record does not yet allow a guideline evaluation**; complete or correct:", ""] + lines)
                .joined(separator: "\n"),
            sourceLabel: sourceLabel)
    }
}
