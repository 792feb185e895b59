/// The staging rules new in pack 2026.12-1 (`staging.json`, clinical rules §4); the AJCC and
/// FNCLCC tables themselves are those of pack 2026.11-1 (decision ST1).
public struct StagingTableV2: Sendable {
    public static let fileName = "staging.json"

    static let ruleIds = ["STAGE-PLANNING", "STAGE-RECURRENCE", "STAGE-DFSP", "STAGE-PEDIATRIC"]

    public let book: RuleBookV2

    public static func load(bytes: [UInt8], register: SourceRegister) throws(GuidelinePackError) -> StagingTableV2 {
        let node = try PackNode.document(bytes, file: fileName)
        var reader = try node.object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        let rulesNode = try reader.required("rules")
        var rules: [(RuleTextV2, PackNode)] = []
        for item in try rulesNode.nonEmptyArray() {
            rules.append((try RuleTextV2.load(item, register: register), item))
        }
        let book = try RuleBookV2.make(
            rules, rulesNode: rulesNode, decisions: try reader.required("decisions"), required: ruleIds)
        try reader.finish()
        return StagingTableV2(book: book)
    }
}
