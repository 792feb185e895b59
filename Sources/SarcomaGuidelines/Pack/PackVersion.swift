/// Pack version strings (`2026.11-1`: year.month-revision) and the release instant of a pack.
/// Versions order by their numbers, so "newest" never depends on how a folder lists them.
enum PackVersion {
    /// The numbers of a well-formed version, nil otherwise.
    static func numbers(_ version: String) -> [Int]? {
        let parts = version.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let rest = parts[1].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard rest.count == 2 else { return nil }
        let fields = [parts[0], rest[0], rest[1]]
        guard fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        return fields.compactMap { Int($0) }
    }

    static func isWellFormed(_ version: String) -> Bool { numbers(version) != nil }

    /// True when `left` is an older pack than `right` (both well formed).
    static func precedes(_ left: String, _ right: String) -> Bool {
        (numbers(left) ?? []).lexicographicallyPrecedes(numbers(right) ?? [])
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, the one instant form a pack manifest may use.
    static func isInstant(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        let pattern = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        guard characters.count == pattern.count else { return false }
        for (character, expected) in zip(characters, pattern) {
            if expected == UInt8(ascii: "d") {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) else { return false }
            } else if character != expected {
                return false
            }
        }
        return true
    }
}
