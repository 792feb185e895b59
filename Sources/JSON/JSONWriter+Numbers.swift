/// Number text: stable, shortest, and readable for ordinary clinical values.
extension JSONWriter {
    /// 2^53: beyond it not every integer is a Double, so "integral" stops meaning "exact".
    package static let exactIntegerLimit = 9_007_199_254_740_992.0

    /// `12`, `12.5`, `0.1`, `-3`, `1e-7`, `1.5e300`; `null` for NaN and infinities.
    public static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(.towardZero), abs(number) <= exactIntegerLimit {
            return String(Int64(number))  // -0.0 becomes "0"
        }
        // Swift's description is the shortest text that reads back to the same Double
        // (and locale-independent); tidy its exponent to JSON's plainest spelling.
        let text = number.description
        guard text.utf8.contains(Byte.e) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = parts[1]
        var sign = ""
        if exponent.first == "+" {
            exponent = exponent.dropFirst()
        } else if exponent.first == "-" {
            sign = "-"
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == "0" }
        return "\(parts[0])e\(sign)\(digits.isEmpty ? "0" : String(digits))"
    }
}
