import JSON
/// A recommendation as every response carries it: the rule(s) behind it, the NCCN category
/// (only therapy options have one), the sentence a clinician reads, the source and evidence.
final class Recommendation: Sendable {
    let ruleID: RuleID
    /// Further contributing rules; `ruleIds` on the wire is `[ruleId] + these`.
    let alsoRuleIDs: [RuleID]
    let category: NCCNCategory?
    let categoryDefaulted: Bool
    let rationale: String
    let source: String
    let evidence: Evidence
    /// The JSON of a recommendation that is exactly a rule's pack words (`GuidanceCitation`).
    private let prebuilt: JSONValue?

    init(
        ruleID: RuleID, alsoRuleIDs: [RuleID] = [], category: NCCNCategory?, categoryDefaulted: Bool = false,
        rationale: String, source: String, evidence: Evidence, prebuilt: JSONValue? = nil
    ) {
        self.ruleID = ruleID
        self.alsoRuleIDs = alsoRuleIDs
        self.category = category
        self.categoryDefaulted = categoryDefaulted
        self.rationale = rationale
        self.source = source
        self.evidence = evidence
        self.prebuilt = prebuilt
    }

    /// This recommendation with its JSON built now (pack load), for every answer to share.
    func prebuilding() -> Recommendation {
        Recommendation(
            ruleID: ruleID, alsoRuleIDs: alsoRuleIDs, category: category, categoryDefaulted: categoryDefaulted,
            rationale: rationale, source: source, evidence: evidence, prebuilt: json)
    }

    /// The same recommendation with words added to its rationale (no longer the pack's own).
    func appendingToRationale(_ words: String) -> Recommendation {
        Recommendation(
            ruleID: ruleID, alsoRuleIDs: alsoRuleIDs, category: category, categoryDefaulted: categoryDefaulted,
            rationale: rationale + words, source: source, evidence: evidence)
    }

    var ruleIDs: [RuleID] { [ruleID] + alsoRuleIDs.filter { $0 != ruleID } }

    /// The recommendation fields, after any item fields (`modality`, `agent`) the caller puts
    /// first; built into one array, since an assessment writes a few dozen of these.
    func jsonMembers(leading: consuming JSONMembers = []) -> JSONMembers {
        var members = leading
        members.reserveCapacity(members.count + 7)
        let ruleIds: JSONValue
        if alsoRuleIDs.allSatisfy({ $0 == ruleID }) {
            ruleIds = ruleID.soleJSON
        } else {
            var list: [JSONValue] = [.string(ruleID.rawValue)]
            for rule in alsoRuleIDs where rule != ruleID { list.append(.string(rule.rawValue)) }
            ruleIds = .array(list)
        }
        members.append(JSONMember("ruleId", .string(ruleID.rawValue)))
        members.append(JSONMember("ruleIds", ruleIds))
        members.append(JSONMember("nccnCategory", category.map { .string($0.rawValue) } ?? .null))
        members.append(JSONMember("categoryDefaulted", .bool(categoryDefaulted)))
        members.append(JSONMember("rationale", .string(rationale)))
        members.append(JSONMember("source", .string(source)))
        members.append(JSONMember("evidence", evidence.json))
        return members
    }

    var json: JSONValue {
        if let prebuilt {
            assert(prebuilt == .object(JSONObject(engineMembers: jsonMembers())), "a stale prebuilt recommendation")
            return prebuilt
        }
        return .object(JSONObject(engineMembers: jsonMembers()))
    }

    /// An item (imaging study, option) with its own fields first.
    func json(leading: consuming JSONMembers) -> JSONValue {
        .object(JSONObject(engineMembers: jsonMembers(leading: leading)))
    }
}

extension Recommendation {
    /// A recommendation without a category (staging, biopsy, margins, imaging). The rule's
    /// own pack words give the one shared instance their citation built at load.
    static func citing(_ ruleID: RuleID, also: [RuleID] = [], text: GuidanceText, pack: GuidelinePack) -> Recommendation
    {
        if let citation = text.citation, citation.rule == ruleID, also.allSatisfy({ $0 == ruleID }) {
            return citation.recommendation
        }
        return Recommendation(
            ruleID: ruleID, alsoRuleIDs: also, category: nil, categoryDefaulted: false,
            rationale: text.rationale, source: pack.catalogue.source(ruleID), evidence: text.evidence)
    }
}

extension RuleID {
    /// `["STAGE-TE"]`: the `ruleIds` of a recommendation from this rule alone (most of
    /// them), built once instead of once per answer.
    var soleJSON: JSONValue { Self.soleJSONs[ordinal] }

    /// The case's position in declaration order (= `allCases` order): a payload-free enum of
    /// fewer than 256 cases is stored as exactly that one-byte tag (checked by a test).
    var ordinal: Int { withUnsafeBytes(of: self) { Int($0[0]) } }

    private static let soleJSONs = allCases.map { JSONValue.array([.string($0.rawValue)]) }
}
