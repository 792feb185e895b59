/// Numbers: the RFC 8259 grammar, then a correctly rounded `Double`.
extension JSONReader {
    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` at `index`.
    ///
    /// Most clinical numbers (12.5, 30, 0.01) take Clinger's fast path: an exact integer
    /// mantissa below 2^53 scaled by an exact power of ten is one correctly rounded IEEE
    /// operation. Anything else goes to the standard library's correctly rounded parser.
    package mutating func readNumber() throws(JSONParseError) -> Double {
        let start = index
        var negative = false
        if bytes[index] == Byte.minus {
            negative = true
            index += 1
            if index < bytes.count, bytes[index] == Byte.upperI {
                throw failure(.nonFiniteNumberLiteral, at: start)
            }
        }
        var mantissa: UInt64 = 0
        var mantissaExact = true
        guard let first = peek, isDigit(first) else {
            throw failure(.invalidNumber("a digit after '-'"), at: index)
        }
        if first == Byte.zero {
            index += 1
            if let next = peek, isDigit(next) { throw failure(.leadingZero, at: start) }
        } else {
            accumulateDigits(into: &mantissa, exact: &mantissaExact)
        }
        var fractionDigits = 0
        if peek == Byte.dot {
            index += 1
            guard let next = peek, isDigit(next) else {
                throw failure(.invalidNumber("a digit after '.'"), at: index)
            }
            let before = index
            accumulateDigits(into: &mantissa, exact: &mantissaExact)
            fractionDigits = index - before
        }
        var exponent = 0
        if peek == Byte.e || peek == Byte.upperE {
            index += 1
            var exponentNegative = false
            if peek == Byte.plus || peek == Byte.minus {
                exponentNegative = peek == Byte.minus
                index += 1
            }
            guard let next = peek, isDigit(next) else {
                throw failure(.invalidNumber("a digit in the exponent"), at: index)
            }
            while let digit = peek, isDigit(digit) {
                // Saturate: 1e999999999 is out of range either way.
                exponent = min(exponent * 10 + Int(digit - Byte.zero), 1_000_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        let scale = exponent - fractionDigits
        if mantissaExact, mantissa <= 1 << 53, (-22...22).contains(scale) {
            let magnitude =
                scale < 0
                ? Double(mantissa) / Self.powersOfTen[-scale]
                : Double(mantissa) * Self.powersOfTen[scale]
            return negative ? -magnitude : magnitude
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw failure(.numberOutOfRange, at: start)
        }
        return value
    }

    private mutating func accumulateDigits(into mantissa: inout UInt64, exact: inout Bool) {
        while let digit = peek, isDigit(digit) {
            if exact {
                let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit - Byte.zero))
                if overflow1 || overflow2 { exact = false } else { mantissa = sum }
            }
            index += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= Byte.zero && byte <= Byte.nine }

    /// 10^0 ... 10^22: every one exactly representable in a Double.
    package static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }
}
