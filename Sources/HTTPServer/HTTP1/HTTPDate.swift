import UTCTime

/// IMF-fixdate text for the `Date` header ("Sun, 06 Nov 1994 08:49:37 GMT"), from the one
/// calendar (`UTCInstant`), cached per second so a request does not format it.
struct HTTPDate {
    private var second = Int.min
    private(set) var bytes: [UInt8] = []

    /// The current date as bytes; recomputed at most once per wall-clock second.
    mutating func current() -> [UInt8] {
        let now = SystemClock.wallSeconds()
        if now != second {
            second = now
            bytes = Array(Self.format(epochSeconds: now).utf8)
        }
        return bytes
    }

    static func format(epochSeconds: Int) -> String {
        UTCInstant(secondsSince1970: epochSeconds).imfFixdate
    }
}
