/// Why a guideline pack was refused, naming the file and the row or key to fix, e.g.
/// `staging.json: trunkExtremity.rows[3] overlaps rows[1] at T2 N0 M0 G2`.
///
/// The service refuses to start on any of these: a pack that is ambiguous or incomplete
/// would produce a wrong stage or an invented category, which is worse than no answer.
public struct GuidelinePackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pack file, e.g. `staging.json`.
    public var file: String
    /// A path into the file (`trunkExtremity.rows[3].g[1]`); empty for the whole document.
    public var location: String
    /// What is wrong there, phrased to follow the location ("overlaps rows[1] at ...").
    public var reason: String

    public init(file: String, location: String, reason: String) {
        self.file = file
        self.location = location
        self.reason = reason
    }

    public var description: String {
        location.isEmpty ? "\(file): \(reason)" : "\(file): \(location) \(reason)"
    }
}
