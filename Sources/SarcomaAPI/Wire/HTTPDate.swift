import UTCTime

/// RFC 9110 IMF-fixdate (`Fri, 31 Dec 2027 23:59:59 GMT`), the only HTTP-date form a server
/// sends; read strictly, for the `Sunset` setting (RFC 8594): the text must be exactly what
/// `UTCInstant.imfFixdate` writes for its instant (so the weekday must be the date's).
enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func instant(_ text: String) -> UTCInstant? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, let month = months.firstIndex(of: parts[2]) else { return nil }
        let monthText = month < 9 ? "0\(month + 1)" : "\(month + 1)"
        guard let instant = try? UTCInstant(rfc3339: "\(parts[3])-\(monthText)-\(parts[1])T\(parts[4])Z"),
            instant.imfFixdate == text
        else { return nil }
        return instant
    }
}
