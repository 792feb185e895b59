#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A moment as milliseconds since 1970-01-01T00:00:00Z: what the store records, the logs print and the
/// `since` query reads. One type with one calendar (`CalendarDate`), so every timestamp the service
/// writes has the same shape and sorts as the instants do.
public struct UTCInstant: Sendable, Hashable, Comparable {
    public let millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public init(secondsSince1970 seconds: Int) {
        millisecondsSince1970 = Int64(seconds) * 1_000
    }

    /// The wall clock (CLOCK_REALTIME), truncated to the millisecond.
    public static func now() -> UTCInstant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UTCInstant(millisecondsSince1970: Int64(spec.tv_sec) * 1_000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// The UTC day this instant falls on.
    public var date: CalendarDate {
        CalendarDate(daysSince1970: Self.floorDivide(millisecondsSince1970, 86_400_000).quotient)
    }

    /// RFC 3339 in UTC with milliseconds, fixed width: `2026-11-26T18:35:14.123Z`.
    public var rfc3339: String {
        let millisecondOfDay = Self.floorDivide(millisecondsSince1970, 86_400_000).remainder
        let seconds = millisecondOfDay / 1_000
        return
            "\(date)T\(CalendarDate.padded(seconds / 3_600, 2)):\(CalendarDate.padded(seconds / 60 % 60, 2)):\(CalendarDate.padded(seconds % 60, 2))"
            + ".\(CalendarDate.padded(millisecondOfDay % 1_000, 3))Z"
    }

    /// The HTTP `Date` header's IMF-fixdate (RFC 9110 §5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`.
    public var imfFixdate: String {
        let day = date
        let seconds = Self.floorDivide(millisecondsSince1970, 86_400_000).remainder / 1_000
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return
            "\(weekdays[day.weekday]), \(CalendarDate.padded(day.day, 2)) \(months[day.month - 1]) \(CalendarDate.padded(day.year, 4)) "
            + "\(CalendarDate.padded(seconds / 3_600, 2)):\(CalendarDate.padded(seconds / 60 % 60, 2)):\(CalendarDate.padded(seconds % 60, 2)) GMT"
    }

    /// Reads an RFC 3339 date-time with its offset (`2026-11-26T19:33:14Z`, `…T20:33:14.5+01:00`).
    public init(rfc3339 text: String) throws(RFC3339Refusal) {
        millisecondsSince1970 = try RFC3339Reader.milliseconds(text)
    }

    public static func < (lhs: UTCInstant, rhs: UTCInstant) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// Division rounding toward minus infinity, so instants before 1970 land on the right day.
    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}
