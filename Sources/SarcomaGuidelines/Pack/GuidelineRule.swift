/// One entry of the pack's rule catalogue: what a rule id means and where it comes from.
public struct GuidelineRule: Sendable, Equatable {
    /// A rule id of `docs/clinical/clinical-rules-2026.11-1.md`, e.g. `STAGE-TE`.
    public var id: String
    /// `grade`, `staging`, `biopsy`, `margins`, `imaging`, `perioperative` or `palliative`.
    public var family: String
    public var summary: String
    /// e.g. `NCCN (source-slides)`, `AJCC 8 ch. 41`.
    public var source: String

    public init(id: String, family: String, summary: String, source: String) {
        self.id = id
        self.family = family
        self.summary = summary
        self.source = source
    }
}
