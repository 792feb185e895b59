/// The pack's rule catalogue, checked against the rules the engine implements: every
/// `RuleID` exactly once, each in the family its prefix names, each citing a declared source.
struct RuleCatalogue: Sendable {
    private(set) var rules: [GuidelineRule] = []
    private var byID: [RuleID: GuidelineRule] = [:]

    /// Family names, keyed by the id prefix that implies them.
    static let families: [(prefix: String, family: String)] = [
        ("GRADE-", "grade"), ("STAGE-", "staging"), ("BIOPSY-", "biopsy"), ("MARGIN-", "margins"),
        ("IMG-", "imaging"), ("PERIOP-", "perioperative"), ("PALL-", "palliative"),
    ]

    subscript(id: RuleID) -> GuidelineRule {
        // Load guarantees every RuleID is catalogued.
        byID[id] ?? GuidelineRule(id: id.rawValue, family: "", summary: "", source: "")
    }

    func source(_ id: RuleID) -> String { self[id].source }

    static func load(_ node: PackNode, sources: Set<String>) throws(GuidelinePackError) -> RuleCatalogue {
        var catalogue = RuleCatalogue()
        var seenAt: [RuleID: String] = [:]
        for item in try node.nonEmptyArray() {
            var reader = try item.object()
            let idNode = try reader.required("id")
            let text = try idNode.string()
            guard let id = RuleID(rawValue: text) else {
                throw idNode.failure(
                    "\"\(text)\" is not a rule id of `docs/clinical/clinical-rules-2026.11-1.md` that this engine implements"
                )
            }
            if let first = seenAt[id] { throw idNode.failure("repeats rule id \(text), already at \(first)") }
            seenAt[id] = item.path
            let familyNode = try reader.required("family")
            let family = try familyNode.string()
            guard let expected = families.first(where: { text.hasPrefix($0.prefix) })?.family, family == expected else {
                throw familyNode.failure("\"\(family)\" is not the family of \(text)")
            }
            let summary = try reader.string("summary")
            let sourceNode = try reader.required("source")
            let source = try sourceNode.string()
            guard sources.contains(source) else {
                throw sourceNode.failure("\"\(source)\" is not one of the pack's declared sources")
            }
            try reader.finish()
            let rule = GuidelineRule(id: text, family: family, summary: summary, source: source)
            catalogue.rules.append(rule)
            catalogue.byID[id] = rule
        }
        if let missing = RuleID.allCases.first(where: { seenAt[$0] == nil }) {
            throw node.failure("lacks rule \(missing.rawValue), which the engine applies")
        }
        return catalogue
    }

    /// A rule id cited by a table: must be catalogued (load order guarantees the catalogue
    /// is read first).
    func ruleID(_ node: PackNode) throws(GuidelinePackError) -> RuleID {
        let text = try node.string()
        guard let id = RuleID(rawValue: text), byID[id] != nil else {
            throw node.failure("cites \"\(text)\", which is not in the rule catalogue (pack.json rules)")
        }
        return id
    }
}
