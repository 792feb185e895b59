/// RFC 9110 IMF-fixdate (`Fri, 31 Dec 2027 23:59:59 GMT`), the only HTTP-date form a server
/// sends; read strictly, for the `Sunset` setting (RFC 8594).
enum HTTPDate {
    static let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Unix seconds, or nil when `text` is not an IMF-fixdate (the weekday must be the date's).
    static func seconds(_ text: String) -> Int64? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0].hasSuffix(","), days.contains(String(parts[0].dropLast())),
            parts[1].count == 2, let day = Int(parts[1]), let month = months.firstIndex(of: parts[2]),
            parts[3].count == 4, let year = Int(parts[3]), parts[5] == "GMT", parts[4].count == 8
        else { return nil }
        let instant = "\(parts[3])-\(month < 9 ? "0" : "")\(month + 1)-\(parts[1])T\(parts[4])Z"
        guard let milliseconds = try? RFC3339Instant.milliseconds(instant), day >= 1, year >= 1970 else { return nil }
        let seconds = milliseconds / 1000
        // 1970-01-01 was a Thursday (index 3).
        let weekday = Int((seconds / 86_400 + 3) % 7)
        return days[weekday] == String(parts[0].dropLast()) ? seconds : nil
    }
}
