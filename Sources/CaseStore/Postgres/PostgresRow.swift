import CPostgres

/// One row of a `PGresult`, read in text format. Valid only inside the closure it is passed to.
struct PostgresRow {
    let result: OpaquePointer
    let index: Int32

    func isNull(_ column: Int32) -> Bool {
        PQgetisnull(result, index, column) == 1
    }

    func text(_ column: Int32) -> String {
        guard let value = PQgetvalue(result, index, column) else { return "" }
        return String(cString: value)
    }

    func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }

    func integer(_ column: Int32) -> Int {
        Int(text(column)) ?? 0
    }

    func optionalInteger(_ column: Int32) -> Int? {
        isNull(column) ? nil : Int(text(column))
    }

    /// A `bytea` column: the text format is `\x` then two hex digits per byte.
    func bytes(_ column: Int32) -> [UInt8] {
        guard let value = PQgetvalue(result, index, column) else { return [] }
        let length = Int(PQgetlength(result, index, column))
        let hex = UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: length)
        guard length >= 2, hex[0] == UInt8(ascii: "\\"), hex[1] == UInt8(ascii: "x") else { return Array(hex) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((length - 2) / 2)
        var position = 2
        while position + 1 < length {
            bytes.append(Self.nibble(hex[position]) << 4 | Self.nibble(hex[position + 1]))
            position += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return 0
        }
    }
}
