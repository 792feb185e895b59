import Testing
import UTCTime

/// The timestamps the store records and the logs print, and the HTTP `Date` header. Expected
/// values computed independently (Python's datetime; RFC 9110's own IMF-fixdate example).
@Suite("UTC instants")
struct UTCInstantTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(1_709_208_000_001), "2024-02-29T12:00:00.001Z"),
        (Int64(1_795_718_114_123), "2026-11-26T18:35:14.123Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
    ])
    func rfc3339(milliseconds: Int64, expected: String) throws {
        let instant = UTCInstant(millisecondsSince1970: milliseconds)
        #expect(instant.rfc3339 == expected)
        // What is written reads back as the same instant.
        #expect(try UTCInstant(rfc3339: instant.rfc3339) == instant)
    }

    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"), (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"), (4_102_444_799, "Thu, 31 Dec 2099 23:59:59 GMT"),
        (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
    ])
    func imfFixdate(seconds: Int, expected: String) {
        #expect(UTCInstant(secondsSince1970: seconds).imfFixdate == expected)
    }

    @Test func nowIsAfterThisCodeWasWritten() {
        let written = UTCInstant(millisecondsSince1970: 1_796_601_600_000)  // 2026-12-07T00:00:00Z
        #expect(UTCInstant.now() > written)
        #expect(UTCInstant.now().rfc3339.count == 24)
    }
}
