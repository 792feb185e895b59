/// A code of the contract's vocabulary (`"T2"`, `"extremity"`, `"STAGE-TE"`).
///
/// Hashes the case, not its spelling: the rules look codes up in sets and tables on every
/// evaluation, and hashing the raw string (what `RawRepresentable` does by default) cost
/// more than the rules. Equal cases of a payload-free enum have equal bytes, so the two
/// agree with `==`.
public protocol VocabularyCode: Hashable, RawRepresentable where RawValue == String {}

extension VocabularyCode {
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }

    public var hashValue: Int {
        var hasher = Hasher()
        hash(into: &hasher)
        return hasher.finalize()
    }
}
