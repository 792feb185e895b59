/// The biopsy and margin rules of pack 2026.12-1 (`margins.json`, clinical rules §5): each
/// rule's words and sources, the plans of the margin rules and the excisional-biopsy size.
public struct MarginTableV2: Sendable {
    public static let fileName = "margins.json"

    /// Every rule the evaluator cites; load refuses a file that lacks one.
    static let ruleIds = [
        "BIOPSY-CORE", "BIOPSY-NO-EXCISIONAL", "BIOPSY-SLNB", "MARGIN-WIDE-1CM", "MARGIN-INFILTRATIVE-2CM",
        "MARGIN-ALT-MINIMAL", "MARGIN-DFSP-PDEMA", "MARGIN-RP-EN-BLOC", "MARGIN-REEXCISION", "MARGIN-AMPUTATION",
        "MARGIN-CONTEXT", "MARGIN-MDT",
    ]
    static let planRuleIds = [
        "MARGIN-WIDE-1CM", "MARGIN-INFILTRATIVE-2CM", "MARGIN-ALT-MINIMAL", "MARGIN-DFSP-PDEMA", "MARGIN-RP-EN-BLOC",
    ]

    public let book: RuleBookV2
    public let plans: [String: MarginPlanRow]
    public let excisionalAvoidAboveCm: Double

    /// The plan of a margin rule; every plan rule's plan was checked at load (the 1 cm default
    /// stands in for an id the evaluator never passes).
    func plan(_ ruleId: String) -> MarginPlanRow {
        plans[ruleId]
            ?? MarginPlanRow(
                strategy: .wideEnBloc, marginCm: 1, meaning: .wideMargin, alternativeStrategy: nil,
                alternativeMarginCm: nil)
    }

    public static func load(bytes: [UInt8], register: SourceRegister) throws(GuidelinePackError) -> MarginTableV2 {
        let node = try PackNode.document(bytes, file: fileName)
        var reader = try node.object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        let rulesNode = try reader.required("rules")
        var plans: [String: MarginPlanRow] = [:]
        var excisional: Double?
        var rules: [(RuleTextV2, PackNode)] = []
        for item in try rulesNode.nonEmptyArray() {
            var itemReader = try item.object()
            let rule = try RuleTextV2.load(from: &itemReader, node: item, register: register)
            if let planNode = itemReader.optional("plan") {
                guard planRuleIds.contains(rule.ruleId) else {
                    throw planNode.failure("is only for a margin plan rule")
                }
                plans[rule.ruleId] = try MarginPlanRow.load(planNode)
            }
            if let sizeNode = itemReader.optional("excisionalAvoidAboveCm") { excisional = try sizeNode.number() }
            try itemReader.finish()
            rules.append((rule, item))
        }
        let book = try RuleBookV2.make(
            rules, rulesNode: rulesNode, decisions: try reader.required("decisions"), required: ruleIds)
        try reader.finish()
        if let missing = planRuleIds.first(where: { plans[$0] == nil }) {
            throw rulesNode.failure("give no plan for \(missing)")
        }
        guard let excisional else { throw rulesNode.failure("give no excisionalAvoidAboveCm (BIOPSY-NO-EXCISIONAL)") }
        return MarginTableV2(book: book, plans: plans, excisionalAvoidAboveCm: excisional)
    }
}
