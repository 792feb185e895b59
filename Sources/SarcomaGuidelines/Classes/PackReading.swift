/// A reading beyond the literal rules text that a pack file records (clinical rules §14):
/// where the specification left a choice, the pack says what it chose and why, so a tumour
/// board can review the choice instead of discovering it in an answer.
public struct PackReading: Sendable, Equatable {
    public var id: String
    public var ruleIds: [String]
    public var decision: String
    public var justification: String

    /// The `decisions` array of a pack file; ids unique within it.
    static func loadList(_ node: PackNode) throws(GuidelinePackError) -> [PackReading] {
        var readings: [PackReading] = []
        for item in try node.array() {
            var reader = try item.object()
            let idNode = try reader.required("id")
            let id = try idNode.string()
            if readings.contains(where: { $0.id == id }) { throw idNode.failure("repeats decision id \"\(id)\"") }
            var ruleIds: [String] = []
            for ruleNode in try reader.required("ruleIds").nonEmptyArray() {
                ruleIds.append(try ruleNode.ruleIdentifier())
            }
            readings.append(
                PackReading(
                    id: id, ruleIds: ruleIds, decision: try reader.string("decision"),
                    justification: try reader.string("justification")))
            try reader.finish()
        }
        return readings
    }
}
