/// A recommendation as every response carries it: the rule(s) behind it, the NCCN category
/// (only therapy options have one), the sentence a clinician reads, the source and evidence.
struct Recommendation: Sendable {
    var ruleID: RuleID
    /// Further contributing rules; `ruleIds` on the wire is `[ruleId] + these`.
    var alsoRuleIDs: [RuleID] = []
    var category: NCCNCategory?
    var categoryDefaulted: Bool = false
    var rationale: String
    var source: String
    var evidence: [String]

    var ruleIDs: [RuleID] { [ruleID] + alsoRuleIDs.filter { $0 != ruleID } }

    /// The recommendation fields, after any item fields (`modality`, `agent`) the caller puts
    /// first; built into one array, since an assessment writes a few dozen of these.
    func jsonMembers(leading: JSONMembers = []) -> JSONMembers {
        var members = leading
        members.reserveCapacity(leading.count + 7)
        var ruleIds: [JSONValue] = [.string(ruleID.rawValue)]
        for rule in alsoRuleIDs where rule != ruleID { ruleIds.append(.string(rule.rawValue)) }
        members.append(("ruleId", .string(ruleID.rawValue)))
        members.append(("ruleIds", .array(ruleIds)))
        members.append(("nccnCategory", category.map { .string($0.rawValue) } ?? .null))
        members.append(("categoryDefaulted", .bool(categoryDefaulted)))
        members.append(("rationale", .string(rationale)))
        members.append(("source", .string(source)))
        members.append(("evidence", .array(evidence.map { .string($0) })))
        return members
    }

    var json: JSONValue { .object(JSONObject(engineMembers: jsonMembers())) }

    /// An item (imaging study, option) with its own fields first.
    func json(leading: JSONMembers) -> JSONValue {
        .object(JSONObject(engineMembers: jsonMembers(leading: leading)))
    }
}

extension Recommendation {
    /// A recommendation without a category (staging, biopsy, margins, imaging).
    init(_ ruleID: RuleID, also: [RuleID] = [], text: GuidanceText, pack: GuidelinePack) {
        self.init(ruleID: ruleID, alsoRuleIDs: also, category: nil, categoryDefaulted: false,
                  rationale: text.rationale, source: pack.catalogue.source(ruleID), evidence: text.evidence)
    }
}
