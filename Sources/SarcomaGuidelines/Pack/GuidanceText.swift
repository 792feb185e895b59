/// A recommendation's words as the pack states them: the sentence a clinician reads and
/// the evidence sentences quoted from the source.
struct GuidanceText: Sendable {
    var rationale: String
    var evidence: Evidence

    /// Reads `rationale` (or the given key) and an optional `evidence` list from an object.
    static func load(_ reader: inout PackObjectReader, rationaleKey: String = "rationale") throws(GuidelinePackError) -> GuidanceText {
        let rationale = try reader.string(rationaleKey)
        let evidence = Evidence(try reader.optional("evidence")?.strings() ?? [])
        return GuidanceText(rationale: rationale, evidence: evidence)
    }
}
