import UTCTime

/// The `ts=` of an access log line as bytes: `UTCInstant`'s RFC 3339 text, formatted once a
/// second and completed with the milliseconds. Building the whole text for every line (and
/// Foundation's ISO 8601 style before it) cost several thousand instructions a request.
enum LogTimestamp {
    /// The text up to the second ("2026-12-07T09:47:29."), kept while that second lasts.
    struct SecondCache {
        private var second = Int64.min
        private var prefix: [UInt8] = []

        mutating func append(_ instant: UTCInstant, to out: inout [UInt8]) {
            let milliseconds = instant.millisecondsSince1970
            let millisecond = ((milliseconds % 1_000) + 1_000) % 1_000
            let seconds = (milliseconds - millisecond) / 1_000
            if seconds != second {
                second = seconds
                prefix = Array(UTCInstant(millisecondsSince1970: seconds * 1_000).rfc3339.utf8.dropLast(4))  // "000Z"
            }
            out.append(contentsOf: prefix)
            LogTimestamp.appendDigits(Int(millisecond), width: 3, to: &out)
            out.append(UInt8(ascii: "Z"))
        }
    }

    /// A non-negative number, zero-padded to `width` digits (more when it needs them).
    static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        var digits = 1
        while digits < width || value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
