import JSON
import SarcomaGuidelines

/// The patient the primary Condition is about, so that resources about someone else are
/// refused rather than mixed into the case. References are compared as `Patient/<id>`
/// (a base URL and `_history` are dropped; `urn:uuid:` references resolve through the
/// Bundle's fullUrls).
public struct SubjectReference: Sendable {
    /// `Patient/<id>` (or the raw reference when it cannot be normalized); nil = not stated.
    let patient: String?
    private let fullUrls: [String: String]

    init(primary: FHIRResourceEntry, entries: [FHIRResourceEntry]) {
        var fullUrls: [String: String] = [:]
        for entry in entries {
            if let fullUrl = entry.fullUrl, let type = entry.resourceType, let id = entry.id {
                fullUrls[fullUrl] = "\(type)/\(id)"
            }
        }
        self.fullUrls = fullUrls
        patient = primary.resource["subject"]?["reference"]?.stringValue.map { Self.normalize($0, fullUrls) }
    }

    /// The normalized reference in `entry.subject`, or nil when it has none.
    func subject(of entry: FHIRResourceEntry) -> String? {
        entry.resource["subject"]?["reference"]?.stringValue.map { Self.normalize($0, fullUrls) }
    }

    /// Whether `entry`'s subject is another patient than the primary Condition's.
    func isOtherPatient(_ entry: FHIRResourceEntry) -> Bool {
        guard let patient, let other = subject(of: entry) else { return false }
        return other != patient
    }

    /// Whether this Patient resource is the subject (true when the subject is not stated).
    func isSubject(_ patientEntry: FHIRResourceEntry) -> Bool {
        guard let patient else { return true }
        if let id = patientEntry.id, patient == "Patient/\(id)" { return true }
        if let fullUrl = patientEntry.fullUrl, patient == fullUrl { return true }
        return false
    }

    /// `https://ehr/fhir/Patient/7/_history/2` -> `Patient/7`; a `urn:` reference through
    /// `fullUrls` (fullUrl -> `Type/id`), else unchanged.
    public static func normalize(_ reference: String, _ fullUrls: [String: String]) -> String {
        if let resolved = fullUrls[reference] { return resolved }
        var text = Substring(reference)
        if let history = text.firstRange(of: "/_history/") { text = text[..<history.lowerBound] }
        let parts = text.split(separator: "/")
        guard parts.count >= 2, !reference.hasPrefix("urn:") else { return String(text) }
        return parts.suffix(2).joined(separator: "/")
    }
}
