import JSON

/// What `GET /v2/guidelines` lists beyond the family files (`catalogue.json`): the rules no
/// family file describes (scope, consistency, grade, the kept AJCC tables, systemic therapy,
/// rendering), the v1 decisions as this pack keeps, changes or retires them (clinical rules
/// §11), the readings (§14) and the open verification items with their release-gate state
/// (§15). Load refuses a rule id that a pack table cites but no file gives a status, so the
/// listing can never omit a rule an answer names.
public struct GuidelineCatalogue: Sendable {
    public static let fileName = "catalogue.json"

    /// A v1 decision that this pack keeps or rewrites; a kept one without `text` keeps its v1 words.
    public struct Decision: Sendable, Equatable {
        public enum Status: String, Sendable, CaseIterable {
            case kept
            case changed
        }

        public var id: String
        public var status: Status
        public var text: String?
        public var note: String?
    }

    /// A v1 decision this pack no longer applies, with the rules that took its place.
    public struct RetiredDecision: Sendable, Equatable {
        public var id: String
        public var replacedBy: [String]
        public var note: String
    }

    /// A reading beyond the literal source (§14); a deleted one keeps its number.
    public struct Reading: Sendable, Equatable {
        public var id: String
        public var deleted: Bool
        public var decision: String?
        public var justification: String
    }

    /// A release-gate item (§15) and what the pack ships because of it.
    public struct OpenItem: Sendable, Equatable {
        public enum State: String, Sendable, CaseIterable {
            case verified
            case partlyVerified = "partly_verified"
            case notVerified = "not_verified"
        }

        public var item: Int
        public var subject: String
        public var state: State
        public var finding: String
        public var packShips: String
        public var sources: [String]
    }

    /// The contract-1 pack whose decisions §11 revisits and against which `status` is read.
    public let predecessor: String
    public let rules: [RuleTextV2]
    public let decisions: [Decision]
    public let retiredDecisions: [RetiredDecision]
    public let readings: [Reading]
    public let openItems: [OpenItem]

    /// `described`: the rule ids the family files give a status; `cited`: every rule id a
    /// pack table names, with where, each of which must have a status in exactly one file.
    static func load(
        bytes: [UInt8], register: SourceRegister, described: [String], cited: [(ruleId: String, by: String)]
    ) throws(GuidelinePackError) -> GuidelineCatalogue {
        var reader = try PackNode.document(bytes, file: fileName).object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        let predecessor = try reader.string("predecessor")
        let rulesNode = try reader.required("rules")
        var rules: [RuleTextV2] = []
        var known = Set(described)
        for item in try rulesNode.nonEmptyArray() {
            let rule = try RuleTextV2.load(item, register: register)
            guard known.insert(rule.ruleId).inserted else {
                throw item.failure("repeats rule \(rule.ruleId), which already has a status (one place per rule)")
            }
            rules.append(rule)
        }
        if let missing = cited.first(where: { !known.contains($0.ruleId) }) {
            throw rulesNode.failure(
                "lack rule \(missing.ruleId), which \(missing.by) cites: every rule needs a status (kept, changed or new)"
            )
        }
        let decisions = try loadDecisions(try reader.required("decisions"))
        let retired = try loadRetired(try reader.required("retiredDecisions"), known: known)
        var seen: Set<String> = []
        for id in decisions.map(\.id) + retired.map(\.id) where !seen.insert(id).inserted {
            throw rulesNode.failure("lists decision \(id) twice (decisions and retiredDecisions)")
        }
        let catalogue = GuidelineCatalogue(
            predecessor: predecessor, rules: rules, decisions: decisions, retiredDecisions: retired,
            readings: try loadReadings(try reader.required("readings")),
            openItems: try loadOpenItems(try reader.required("openItems"), register: register))
        try reader.finish()
        return catalogue
    }

    private static func loadDecisions(_ node: PackNode) throws(GuidelinePackError) -> [Decision] {
        var decisions: [Decision] = []
        for item in try node.nonEmptyArray() {
            var reader = try item.object()
            let id = try reader.string("id")
            let statusNode = try reader.required("status")
            let status = try statusNode.code(Decision.Status.self, "a decision status")
            let text = try reader.nullable("text")?.string()
            if status == .changed, text == nil {
                throw statusNode.failure("is changed but text is null: a changed decision states its v2 text")
            }
            let note = try reader.nullable("note")?.string()
            try reader.finish()
            decisions.append(Decision(id: id, status: status, text: text, note: note))
        }
        return decisions
    }

    private static func loadRetired(_ node: PackNode, known: Set<String>) throws(GuidelinePackError)
        -> [RetiredDecision]
    {
        var retired: [RetiredDecision] = []
        for item in try node.array() {
            var reader = try item.object()
            let id = try reader.string("id")
            let replacedNode = try reader.required("replacedBy")
            var replacedBy: [String] = []
            for ruleNode in try replacedNode.nonEmptyArray() {
                let ruleId = try ruleNode.ruleIdentifier()
                guard known.contains(ruleId) else { throw ruleNode.failure("names \(ruleId), which the pack lacks") }
                replacedBy.append(ruleId)
            }
            let note = try reader.string("note")
            try reader.finish()
            retired.append(RetiredDecision(id: id, replacedBy: replacedBy, note: note))
        }
        return retired
    }

    private static func loadReadings(_ node: PackNode) throws(GuidelinePackError) -> [Reading] {
        var readings: [Reading] = []
        for item in try node.nonEmptyArray() {
            var reader = try item.object()
            let id = try reader.string("id")
            let deleted = try reader.required("deleted").bool()
            let decisionNode = try reader.required("decision")
            let decision = decisionNode.isNull ? nil : try decisionNode.string()
            guard deleted == (decision == nil) else {
                throw decisionNode.failure("must be null exactly when the reading is deleted")
            }
            let justification = try reader.string("justification")
            try reader.finish()
            readings.append(Reading(id: id, deleted: deleted, decision: decision, justification: justification))
        }
        return readings
    }

    private static func loadOpenItems(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError)
        -> [OpenItem]
    {
        var items: [OpenItem] = []
        for item in try node.nonEmptyArray() {
            var reader = try item.object()
            let numberNode = try reader.required("item")
            let number = try numberNode.integer()
            guard number == items.count + 1 else {
                throw numberNode.failure("is \(number); expected \(items.count + 1)")
            }
            let subject = try reader.string("subject")
            let state = try reader.required("state").code(OpenItem.State.self, "a verification state")
            let finding = try reader.string("finding")
            let packShips = try reader.string("packShips")
            var sources: [String] = []
            for sourceNode in try reader.required("sources").array() {
                sources.append(try register.source(sourceNode).id)
            }
            try reader.finish()
            items.append(
                OpenItem(
                    item: number, subject: subject, state: state, finding: finding, packShips: packShips,
                    sources: sources))
        }
        return items
    }
}
