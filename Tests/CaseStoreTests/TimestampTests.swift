import Testing

@testable import CaseStore

@Suite("Timestamps")
struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(1_709_208_000_001), "2024-02-29T12:00:00.001Z"),
        (Int64(1_795_718_114_123), "2026-11-26T18:35:14.123Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
    ])
    func formats(milliseconds: Int64, expected: String) {
        #expect(Timestamp.format(millisecondsSince1970: milliseconds) == expected)
    }
}
