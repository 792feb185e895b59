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

    /// The recommendation fields, after any item fields (`modality`, `agent`) the caller puts first.
    var jsonMembers: [(String, JSONValue)] {
        [
            ("ruleId", .string(ruleID.rawValue)),
            ("ruleIds", .array(ruleIDs.map { .string($0.rawValue) })),
            ("nccnCategory", category.map { .string($0.rawValue) } ?? .null),
            ("categoryDefaulted", .bool(categoryDefaulted)),
            ("rationale", .string(rationale)),
            ("source", .string(source)),
            ("evidence", .array(evidence.map { .string($0) })),
        ]
    }

    var json: JSONValue { .object(JSONObject(jsonMembers)) }

    /// An item (imaging study, option) with its own fields first.
    func json(leading: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(leading + jsonMembers))
    }
}

extension Recommendation {
    /// A recommendation without a category (staging, biopsy, margins, imaging).
    init(_ ruleID: RuleID, also: [RuleID] = [], text: GuidanceText, pack: GuidelinePack) {
        self.init(ruleID: ruleID, alsoRuleIDs: also, category: nil, categoryDefaulted: false,
                  rationale: text.rationale, source: pack.catalogue.source(ruleID), evidence: text.evidence)
    }
}
