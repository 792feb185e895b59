import Crypto

/// One `NNNN_name.sql` file: its version, its SQL, and the checksum that pins it once applied.
struct MigrationFile: Sendable, Equatable {
    let version: Int
    /// The part between `NNNN_` and `.sql`, e.g. `cases`.
    let name: String
    /// The file name as found, e.g. `0001_cases.sql`: what error messages point the operator to.
    let fileName: String
    let sql: String
    /// SHA-256 of the file's bytes in lowercase hex (as databases already record it).
    let checksum: String

    /// Parses a file; throws `.invalidMigration` naming the file when its name or bytes are wrong.
    init(fileName: String, bytes: [UInt8]) throws(CaseStoreError) {
        guard let (version, name) = Self.parse(fileName: fileName) else {
            throw .invalidMigration(
                file: fileName,
                reason: "malformed file name: expected NNNN_name.sql (four digits from 0001, an underscore, "
                    + "then lowercase letters, digits or underscores). Rename or remove the file.")
        }
        guard let sql = String(validating: bytes, as: UTF8.self) else {
            throw .invalidMigration(file: fileName, reason: "the file is not valid UTF-8 text")
        }
        self.version = version
        self.name = name
        self.fileName = fileName
        self.sql = sql
        self.checksum = Self.checksum(of: bytes)
    }

    /// Lowercase hex SHA-256: a shipped migration edited after it was applied is detected by it.
    static func checksum(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `0002_evaluations.sql` -> (2, "evaluations"); nil for anything else.
    static func parse(fileName: String) -> (version: Int, name: String)? {
        let characters = Array(fileName.utf8)
        let suffix = Array(".sql".utf8)
        guard characters.count > 5 + suffix.count, characters.suffix(suffix.count).elementsEqual(suffix) else {
            return nil
        }
        let digits = characters.prefix(4)
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            characters[4] == UInt8(ascii: "_")
        else { return nil }
        let nameBytes = characters[5..<(characters.count - suffix.count)]
        let allowed = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        guard nameBytes.allSatisfy(allowed), let version = Int(String(decoding: digits, as: UTF8.self)), version > 0
        else {
            return nil
        }
        return (version, String(decoding: nameBytes, as: UTF8.self))
    }
}
