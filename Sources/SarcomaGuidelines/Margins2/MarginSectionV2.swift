import JSON

/// The v2 margins section (contract delta §3.4, §3.5): the resection plan with what it means
/// and which resection it is for, re-excision after a prior excision, amputation, biopsy with
/// sentinel node advice, and the recommendations of every rule that applied.
public struct MarginSectionV2: Sendable {
    public enum SentinelNodeBiopsy: String, Sendable, VocabularyCode, CaseIterable {
        case consider
        case notIndicated = "not_indicated"
    }

    public var plan: MarginPlanRow
    /// The winning rule first, then every other rule that applied (D14 v2).
    public var marginRuleIds: [String]
    public var context: MarginContext
    public var reExcision: ReExcisionAdvice
    public var amputation: AmputationAdvice
    /// `avoid` (> 3 cm or size not given) or `not_excluded`.
    public var excisionalBiopsy: String
    public var sentinelNodeBiopsy: SentinelNodeBiopsy
    public var recommendations: [RecommendationV2]
    public var warnings: [PlanWarning]
    /// Every §5 rule considered, with why (`?explain=true`).
    public var trace: [RuleTrace] = []

    public var traceJSON: JSONValue { RuleTrace.json(trace) }
    public var strategy: MarginStrategyV2 { plan.strategy }
    public var marginCm: Int? { plan.marginCm }
    public func warning(_ code: String) -> PlanWarning? { warnings.first { $0.code == code } }

    public var json: JSONValue {
        let biopsy: JSONValue = .object(
            JSONObject(uniqueMembers: [
                JSONMember("excisionalBiopsyAdvised", .bool(false)),
                JSONMember("method", .string(BiopsyMethod.coreNeedle.rawValue)),
                JSONMember("alternativeMethod", .string(BiopsyMethod.incisional.rawValue)),
                JSONMember("excisionalBiopsy", .string(excisionalBiopsy)),
                JSONMember("sentinelNodeBiopsy", .string(sentinelNodeBiopsy.rawValue)),
            ]))
        return .object(
            JSONObject(uniqueMembers: [
                JSONMember("marginCm", plan.marginCm.map { .number(Double($0)) } ?? .null),
                JSONMember("strategy", .string(plan.strategy.rawValue)),
                JSONMember("marginMeaning", .string(plan.meaning.rawValue)),
                JSONMember("alternativeStrategy", plan.alternativeStrategy.map { .string($0.rawValue) } ?? .null),
                JSONMember("alternativeMarginCm", plan.alternativeMarginCm.map { .number(Double($0)) } ?? .null),
                JSONMember("context", .string(context.rawValue)),
                JSONMember("reExcision", .string(reExcision.rawValue)),
                JSONMember("marginRuleIds", .array(marginRuleIds.map(JSONValue.string))),
                JSONMember("amputation", .string(amputation.rawValue)),
                JSONMember("biopsy", biopsy),
                JSONMember("recommendations", .array(recommendations.map(\.json))),
            ]))
    }
}
