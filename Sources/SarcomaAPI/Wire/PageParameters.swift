import HTTPServer

/// The `limit` and `cursor` query parameters every paged listing (`/v1/cases`, `/v1/audit`)
/// reads the same way, with the same 400 wording.
enum PageParameters {
    /// nil when absent; a 400 when not a whole number in `range`.
    static func limit(in request: HTTPRequest, range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let raw = request.queryValue("limit") else { return nil }
        guard let limit = Int(raw), range.contains(limit) else {
            throw Problem.badQuery(
                "'limit' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(raw)'")
        }
        return limit
    }

    /// nil when absent; a 400 when empty (whether the store issued it is the store's check).
    static func cursor(in request: HTTPRequest) throws(Problem) -> String? {
        guard let cursor = request.queryValue("cursor") else { return nil }
        guard !cursor.isEmpty else { throw Problem.badQuery("'cursor' must not be empty") }
        return cursor
    }
}
