/// A setting that cannot be used; the message names the key and the source it came from,
/// so an operator can fix the right line.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var source: String
    public var reason: String

    public init(key: String, source: String = "", reason: String) {
        self.key = key
        self.source = source
        self.reason = reason
    }

    public var description: String {
        source.isEmpty ? "configuration \(key): \(reason)" : "configuration \(key) (from \(source)): \(reason)"
    }
}
