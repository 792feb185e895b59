import Testing
import UTCTime

/// `UTCInstant(rfc3339:)`, behind query parameters such as the audit trail's `since`: exact instants for valid RFC 3339 date-times (expected values computed
/// independently with Python's datetime), and a refusal with a reason for everything else.
@Suite("RFC 3339 instants in query parameters")
struct RFC3339Tests {
    @Test(arguments: [
        ("2026-11-26T19:33:14.428Z", Int64(1_795_721_594_428)),
        ("2026-11-26t19:33:14.428z", 1_795_721_594_428),
        ("2026-11-26T14:03:14.428-05:30", 1_795_721_594_428),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1000),
        ("2024-02-29T23:59:59.999Z", 1_709_251_199_999),
        ("2000-03-01T01:00:00+01:00", 951_868_800_000),
        ("0001-01-01T00:00:00Z", -62_135_596_800_000),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799_999),
        ("2026-11-26T19:33:14.4Z", 1_795_721_594_400),
        // Finer than a millisecond rounds up: "at or after 14.4281" excludes a row at 14.428.
        ("2026-11-26T19:33:14.4281Z", 1_795_721_594_429),
        ("2026-11-26T19:33:14.428000000Z", 1_795_721_594_428),
    ])
    func validInstants(text: String, milliseconds: Int64) throws {
        #expect(try UTCInstant(rfc3339: text).millisecondsSince1970 == milliseconds)
    }

    @Test(arguments: [
        ("", "year"),
        ("2026-11-26", "'T'"),
        ("2026-11-26T19:33Z", "':'"),
        ("2026-11-26T19:33:14", "offset"),
        ("2026-11-26T19:33:14 01:00", "%2B"),
        ("2026-13-01T00:00:00Z", "month"),
        ("2026-02-29T00:00:00Z", "day 29"),
        ("2026-04-31T00:00:00Z", "day 31"),
        ("2026-11-26T24:00:00Z", "time"),
        ("2026-11-26T23:59:60Z", "leap"),
        ("2026-11-26T19:33:14.Z", "decimal point"),
        ("2026-11-26T19:33:14.1234567891Z", "9 fractional"),
        ("2026-11-26T19:33:14+0100", "':'"),
        ("2026-11-26T19:33:14+24:00", "offset"),
        ("2026-11-26T19:33:14Zjunk", "after the offset"),
        ("26-11-26T19:33:14Z", "year"),
        ("２０２６-11-26T19:33:14Z", "year"),
        ("1764186794", "'-'"),
    ])
    func refusedValuesSayWhy(text: String, fragment: String) {
        let refusal = #expect(throws: RFC3339Refusal.self) { try UTCInstant(rfc3339: text) }
        #expect(refusal?.reason.contains(fragment) == true, "\(text): \(refusal?.reason ?? "-")")
    }
}
