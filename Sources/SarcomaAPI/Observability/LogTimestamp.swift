import Foundation
import HTTPServer

/// The `ts=` of every log line: RFC 3339 UTC with milliseconds (`2026-12-07T09:47:29.981Z`),
/// written as bytes with integer arithmetic. Foundation's ISO 8601 format style, with the
/// copies of the style value it makes, cost several thousand instructions a line.
enum LogTimestamp {
    /// The current time, milliseconds truncated.
    static func now() -> [UInt8] {
        var text: [UInt8] = []
        append(millisecondsSince1970: Int((Date().timeIntervalSince1970 * 1000).rounded(.down)), to: &text)
        return text
    }

    static func append(millisecondsSince1970 milliseconds: Int, to out: inout [UInt8]) {
        let (days, millisecondOfDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = HTTPDate.civil(fromDays: days)
        let seconds = millisecondOfDay / 1000
        appendDigits(year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &out)
        out.append(UInt8(ascii: "T"))
        appendDigits(seconds / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &out)
        out.append(UInt8(ascii: "."))
        appendDigits(millisecondOfDay % 1000, width: 3, to: &out)
        out.append(UInt8(ascii: "Z"))
    }

    /// The text up to the second ("2026-12-07T09:47:29."), kept while that second lasts:
    /// a log line per request then formats three digits, not a calendar date.
    struct SecondCache {
        private var second = Int.min
        private var prefix: [UInt8] = []

        mutating func append(millisecondsSince1970 milliseconds: Int, to out: inout [UInt8]) {
            let (seconds, millisecond) = LogTimestamp.floorDivide(milliseconds, 1000)
            if seconds != second {
                second = seconds
                prefix.removeAll(keepingCapacity: true)
                LogTimestamp.append(millisecondsSince1970: seconds * 1000, to: &prefix)
                prefix.removeLast(4)  // "000Z"
            }
            out.append(contentsOf: prefix)
            LogTimestamp.appendDigits(millisecond, width: 3, to: &out)
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

    fileprivate static func floorDivide(_ value: Int, _ divisor: Int) -> (Int, Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}
