/// The RFC 3339 date-time reader behind `UTCInstant(rfc3339:)`.
///
/// Strict, like the rest of the API: the full date, time and offset are required (no bare
/// dates, no local times), fields are range-checked (February 30 is refused, not rolled
/// over), and a leap second (`:60`) is refused rather than guessed at. Fractions finer than a
/// millisecond round up, so "at or after" keeps its meaning against millisecond timestamps.
enum RFC3339Reader {
    static func milliseconds(_ text: String) throws(RFC3339Refusal) -> Int64 {
        let bytes = Array(text.utf8)
        var reader = Reader(bytes: bytes)
        let year = try reader.digits(4, "a four-digit year")
        try reader.expect("-", after: "the year")
        let month = try reader.digits(2, "a two-digit month")
        try reader.expect("-", after: "the month")
        let day = try reader.digits(2, "a two-digit day")
        guard reader.next(isOneOf: "Tt") else {
            throw RFC3339Refusal(reason: "expected 'T' and a time after the date (e.g. 2026-11-26T19:33:14Z)")
        }
        let hour = try reader.digits(2, "a two-digit hour")
        try reader.expect(":", after: "the hour")
        let minute = try reader.digits(2, "two-digit minutes")
        try reader.expect(":", after: "the minutes")
        let second = try reader.digits(2, "two-digit seconds")
        var fractionMilliseconds: Int64 = 0
        if reader.next(isOneOf: ".") {
            fractionMilliseconds = try reader.fractionInMilliseconds()
        }
        let offsetMinutes = try reader.offsetMinutes()
        guard reader.atEnd else { throw RFC3339Refusal(reason: "unexpected characters after the offset") }

        guard (1...12).contains(month) else { throw RFC3339Refusal(reason: "the month must be 01 to 12") }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw RFC3339Refusal(reason: "day \(day) does not exist in that month")
        }
        guard hour <= 23, minute <= 59 else { throw RFC3339Refusal(reason: "the time must be 00:00 to 23:59") }
        guard second <= 59 else { throw RFC3339Refusal(reason: "seconds must be 00 to 59 (leap seconds are not accepted)") }

        let days = date.daysSince1970
        let secondsOfDay = Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes) * 60
        return (days * 86_400 + secondsOfDay) * 1000 + fractionMilliseconds
    }

    /// A cursor over the bytes of the value.
    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func digits(_ count: Int, _ what: String) throws(RFC3339Refusal) -> Int {
            var value = 0
            for _ in 0..<count {
                guard position < bytes.count, let digit = Self.digit(bytes[position]) else {
                    throw RFC3339Refusal(reason: "expected \(what)")
                }
                value = value * 10 + digit
                position += 1
            }
            return value
        }

        mutating func expect(_ character: Character, after what: String) throws(RFC3339Refusal) {
            guard next(isOneOf: String(character)) else {
                throw RFC3339Refusal(reason: "expected '\(character)' after \(what)")
            }
        }

        mutating func next(isOneOf characters: String) -> Bool {
            guard position < bytes.count, characters.utf8.contains(bytes[position]) else { return false }
            position += 1
            return true
        }

        /// The digits after '.', as milliseconds rounded up.
        mutating func fractionInMilliseconds() throws(RFC3339Refusal) -> Int64 {
            var milliseconds: Int64 = 0
            var count = 0
            var roundUp = false
            while position < bytes.count, let digit = Self.digit(bytes[position]) {
                if count < 3 {
                    milliseconds = milliseconds * 10 + Int64(digit)
                } else if digit != 0 {
                    roundUp = true
                }
                count += 1
                position += 1
            }
            guard count > 0 else { throw RFC3339Refusal(reason: "expected digits after the decimal point") }
            guard count <= 9 else { throw RFC3339Refusal(reason: "at most 9 fractional digits") }
            for _ in count..<max(count, 3) { milliseconds *= 10 }
            return milliseconds + (roundUp ? 1 : 0)
        }

        /// `Z` or `±HH:MM`, in minutes east of UTC.
        mutating func offsetMinutes() throws(RFC3339Refusal) -> Int {
            if next(isOneOf: "Zz") { return 0 }
            let sign: Int
            if next(isOneOf: "+") {
                sign = 1
            } else if next(isOneOf: "-") {
                sign = -1
            } else if position < bytes.count, bytes[position] == UInt8(ascii: " ") {
                // A '+' typed in a URL arrives as a space (form encoding).
                throw RFC3339Refusal(
                    reason: "found a space where the offset's sign belongs: send '+' as %2B in a URL, or use Z")
            } else {
                throw RFC3339Refusal(reason: "expected an offset after the time: Z, or +HH:MM / -HH:MM")
            }
            let hours = try digits(2, "a two-digit offset hour")
            try expect(":", after: "the offset hour")
            let minutes = try digits(2, "two-digit offset minutes")
            guard hours <= 23, minutes <= 59 else { throw RFC3339Refusal(reason: "the offset must be at most 23:59") }
            return sign * (hours * 60 + minutes)
        }

        private static func digit(_ byte: UInt8) -> Int? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
        }
    }
}
