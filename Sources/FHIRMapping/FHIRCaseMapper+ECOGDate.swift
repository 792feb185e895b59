import JSON
import UTCTime

/// How old a mapped ECOG is (contract delta §9, rules §14 R26): ECOG now decides the pathway,
/// so an ECOG Observation more than 30 days before the import day gets
/// `performance_status_dated` (with its date) and one without an effective date
/// `performance_status_undated`. A partial date (`2026-11`, `2026`) is read as its first day,
/// so a possibly stale value is never passed as recent.
extension FHIRCaseMapper {
    /// Pack policy R26: older than this many days is dated.
    static let ecogMaxAgeDays: Int64 = 30

    func warnAboutECOGDate(_ entry: FHIRResourceEntry, _ ledger: inout MappingLedger) {
        let resource = entry.resource
        let effective =
            resource["effectiveDateTime"]?.stringValue ?? resource["effectiveInstant"]?.stringValue
            ?? resource["effectivePeriod"]?["end"]?.stringValue ?? resource["effectivePeriod"]?["start"]?.stringValue
        guard let effective else {
            ledger.warn(
                "performance_status_undated",
                "the ECOG Observation (\(entry.label)) has no effective date: confirm the performance status is current"
            )
            return
        }
        guard let referenceDate, let today = CalendarDate(iso: referenceDate),
            let day = Self.firstDay(of: effective)
        else { return }
        if today.daysSince1970 - day.daysSince1970 > Self.ecogMaxAgeDays {
            ledger.warn(
                "performance_status_dated",
                "the ECOG Observation (\(entry.label)) is dated \(effective), more than \(Self.ecogMaxAgeDays) days before this import: confirm the performance status is current"
            )
        }
    }

    /// The first day a FHIR date or dateTime can mean (`YYYY`, `YYYY-MM`, `YYYY-MM-DD…`).
    static func firstDay(of text: String) -> CalendarDate? {
        let date = text.prefix(10)
        switch date.count {
        case 4: return CalendarDate(iso: date + "-01-01")
        case 7: return CalendarDate(iso: date + "-01")
        case 10: return CalendarDate(iso: date)
        default: return nil
        }
    }
}
