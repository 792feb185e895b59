import Foundation
import HTTPServer
import Testing
import UTCTime

@testable import SarcomaAPI

/// The access log line is written as bytes by hand: it must read exactly as the
/// interpolated line with Foundation's ISO 8601 style and `Double.description` did.
@Suite("Access log line")
struct AccessLogLineTests {
    /// The timestamp the log wrote before (Foundation's format style), for comparison.
    static func foundationTimestamp(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// Instants whose milliseconds are exact binary fractions, so Foundation's own rounding
    /// of a `Double` second cannot make the reference a millisecond off.
    @Test(arguments: [
        0, 125, 1_000, 951_782_400_500, 1_709_164_799_875, 1_765_097_249_250, 4_102_444_800_375, 253_402_300_799_500,
    ])
    func timestampMatchesFoundationAndUTCInstant(_ milliseconds: Int) {
        var cache = LogTimestamp.SecondCache()
        // Twice through one cache (the second line reuses the second's prefix), once later in it.
        for offset in [0, 0, 1] {
            var bytes: [UInt8] = []
            let instant = UTCInstant(millisecondsSince1970: Int64(milliseconds + offset))
            cache.append(instant, to: &bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text == instant.rfc3339)
            if offset == 0 {
                #expect(text == Self.foundationTimestamp(Date(timeIntervalSince1970: Double(milliseconds) / 1000)))
            }
        }
    }

    @Test(arguments: [0, 1, 5, 10, 99, 120, 123, 999, 1_000, 1_500, 7_000, 12_345, 999_999, 1_000_000, 123_456_789])
    func durationReadsAsDoubleDescription(_ microseconds: Int) {
        var bytes: [UInt8] = []
        AccessLog.appendMilliseconds(microseconds: microseconds, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\(Double(microseconds) / 1000)")
    }

    @Test func lineHasEveryFieldAndNoPath() throws {
        let pipe = Pipe()
        let log = AccessLog(handle: pipe.fileHandleForWriting)
        log.write(
            RequestLogRecord(
                method: "BREW", routeTemplate: "/v1/cases/{id}", status: 404, durationSeconds: 0.0123456,
                requestID: "abc-123", bytesIn: 10, bytesOut: 20, clientName: "ehr"))
        log.write(
            RequestLogRecord(
                method: "GET", routeTemplate: nil, status: 200, durationSeconds: 2, requestID: "r", bytesIn: 0,
                bytesOut: 0))
        log.flush()
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let pattern = #/^ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z level=info msg=request /#
        #expect(lines.allSatisfy { $0.prefixMatch(of: pattern) != nil })
        #expect(
            lines[0].hasSuffix(
                " method=other route=/v1/cases/{id} status=404 duration_ms=12.346 request_id=abc-123 client=ehr"))
        #expect(lines[1].hasSuffix(" method=GET route=unmatched status=200 duration_ms=2000.0 request_id=r client=-"))
    }
}
