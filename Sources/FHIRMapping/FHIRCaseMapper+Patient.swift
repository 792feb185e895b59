import JSON
import SarcomaGuidelines
import UTCTime

/// Patient sex and age, and the case's `externalId`.
extension FHIRCaseMapper {
    func mapPatient(_ entry: FHIRResourceEntry, subject: SubjectReference, _ ledger: inout MappingLedger) {
        guard subject.isSubject(entry) else {
            ledger.ignore(entry, "not the subject of the primary cancer Condition (\(subject.patient ?? "?"))")
            return
        }
        // FHIR AdministrativeGender is exactly the contract's `sex` vocabulary.
        if let gender = entry.resource["gender"]?.stringValue {
            if Sex(rawValue: gender) != nil {
                ledger.propose(
                    "/patient/sex", .string(gender), shown: gender, from: entry,
                    element: "gender", at: entry.pointer("gender"))
            } else {
                ledger.refuse(
                    entry.pointer("gender"),
                    "gender '\(gender)' is not a FHIR AdministrativeGender code (male, female, other, unknown)")
            }
        }
        guard let birthDate = entry.resource["birthDate"]?.stringValue else { return }
        guard let referenceDate else {
            ledger.ignore(
                entry, element: "birthDate", at: entry.pointer("birthDate"),
                "no reference date was given to compute an age from the birth date")
            return
        }
        guard let ages = Self.ages(born: birthDate, on: referenceDate) else {
            ledger.ignore(
                entry, element: "birthDate", at: entry.pointer("birthDate"),
                "birthDate '\(birthDate)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD) on or before \(referenceDate): the age would be a guess"
            )
            return
        }
        guard ages.lowerBound == ages.upperBound else {
            // A year-only (or same-month) birth date: two ages are possible, and age limits
            // (e.g. for chemotherapy) must not rest on a guess.
            ledger.ignore(
                entry, element: "birthDate", at: entry.pointer("birthDate"),
                "birthDate '\(birthDate)' is not a full date: on \(referenceDate) the patient is \(ages.lowerBound) or \(ages.upperBound); ageYears left unset (send the full birth date, or set patient.ageYears with PUT)"
            )
            return
        }
        let partial = birthDate.count < 10 ? " (from a partial birth date; either day gives this age)" : ""
        ledger.propose(
            "/patient/ageYears", .number(Double(ages.lowerBound)), shown: "\(ages.lowerBound)", from: entry,
            element: "birthDate",
            at: entry.pointer("birthDate"), note: "age on \(referenceDate)\(partial)")
    }

    /// Whole years from `born` to `on` (`YYYY-MM-DD`); nil when either is not a date or the
    /// birth is after the reference day.
    static func age(born: String, on reference: String) -> Int? {
        guard let birth = CalendarDate(iso: born), let day = CalendarDate(iso: reference) else { return nil }
        var years = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { years -= 1 }
        return years >= 0 ? years : nil
    }

    /// The ages a FHIR `date` of any precision allows on `reference`: one for a full date, or
    /// a year-month outside the reference month; two for a year, or the reference month.
    /// Nil when it is not a date or every birth day it allows is after the reference day.
    static func ages(born: String, on reference: String) -> ClosedRange<Int>? {
        let parts = born.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts.count == 3 { return age(born: born, on: reference).map { $0...$0 } }
        var month: (first: Int, last: Int) = (1, 12)
        if parts.count == 2 {
            guard parts[1].count == 2, let only = Int(parts[1]), (1...12).contains(only) else { return nil }
            month = (only, only)
        }
        let earliest = "\(parts[0])-\(twoDigits(month.first))-01"
        let latest =
            "\(parts[0])-\(twoDigits(month.last))-\(twoDigits(CalendarDate.days(inMonth: month.last, of: year)))"
        guard let oldest = age(born: earliest, on: reference) else { return nil }
        guard let youngest = age(born: latest, on: reference) else {
            return oldest == 0 ? 0...0 : nil  // born this year or month, on or before today
        }
        return youngest...oldest
    }

    private static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    /// The key of the case (`externalId`) and the element it came from: the primary
    /// Condition's business identifier as `system|value` (or `value`), which stays the same
    /// when the EHR sends the tumour again (Patient identifiers name the patient, not the
    /// tumour, and are not used); without one, the Condition's own identity (`resourceKey`).
    func sourceKey(of primary: FHIRResourceEntry, _ ledger: inout MappingLedger) -> (
        key: String, element: FHIRMappedElement
    )? {
        let identifiers = primary.resource["identifier"]?.arrayValue ?? []
        let ranked = identifiers.enumerated().filter { $0.element["value"]?.stringValue?.isEmpty == false }
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
        if let (index, chosen) = ranked.first, let value = chosen["value"]?.stringValue {
            let key = chosen["system"]?.stringValue.map { "\($0)|\(value)" } ?? value
            return (
                key,
                FHIRMappedElement(
                    resource: primary.label, element: "identifier[\(index)]", target: "/externalId",
                    source: primary.pointer("identifier", String(index)).description, note: key)
            )
        }
        guard let (key, element, source) = resourceKey(of: primary) else {
            ledger.ignore(
                primary, element: "identifier", at: primary.pointer("identifier"),
                "the primary Condition has no identifier and no absolute or urn:uuid fullUrl: the case gets no externalId, so importing the same Bundle again creates another case (a server-relative id is not a key: another server may use it for another patient). Send Condition.identifier, or absolute fullUrls"
            )
            return nil
        }
        ledger.warn(
            "external-id-from-resource",
            "the primary Condition (\(primary.label)) has no identifier: the case is keyed by its \(element) '\(key)', so a re-import of the same Condition updates this case. Send Condition.identifier for a key that does not depend on the FHIR server"
        )
        return (
            key,
            FHIRMappedElement(
                resource: primary.label, element: element, target: "/externalId", source: source, note: key)
        )
    }

    /// The Condition's identity when it has no identifier, only where it is unique beyond
    /// the sending server: an absolute fullUrl (`https://ehr/fhir/Condition/7`, `/_history/..`
    /// dropped: unique on the web), else a `urn:uuid:` fullUrl (unique by construction; stable
    /// only if the sender reuses it). A server-relative id (`Patient/3/Condition/7`) is not a
    /// key (decision): another EHR, or a test server, may hold a different patient under the
    /// same ids, and a re-import keyed by it would replace that patient's case. A duplicate
    /// case is safe; an overwrite with another patient's tumour is not. Nil when none, or when
    /// the key is longer than an externalId may be (then no key beats a truncated one).
    func resourceKey(of primary: FHIRResourceEntry) -> (key: String, element: String, source: String)? {
        let entryPointer = JSONPointer(tokens: Array(primary.pointer.tokens.dropLast())).appending("fullUrl")
            .description
        var candidates: [(String, String, String)] = []
        if let fullUrl = primary.fullUrl, fullUrl.hasPrefix("https://") || fullUrl.hasPrefix("http://") {
            let url = fullUrl.firstRange(of: "/_history/").map { String(fullUrl[..<$0.lowerBound]) } ?? fullUrl
            candidates.append((url, "fullUrl", entryPointer))
        }
        if let fullUrl = primary.fullUrl, fullUrl.hasPrefix("urn:uuid:") {
            candidates.append((fullUrl, "fullUrl", entryPointer))
        }
        return candidates.first { $0.0.unicodeScalars.count <= 128 && !$0.0.contains(where: \.isWhitespace) }
    }

    /// official before usual before anything else; old and temp last.
    private func rank(_ identifier: JSONValue) -> Int {
        switch identifier["use"]?.stringValue {
        case "official": 0
        case "usual": 1
        case nil: 2
        case "secondary": 3
        default: 4
        }
    }
}
