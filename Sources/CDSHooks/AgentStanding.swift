import JSON
import SarcomaGuidelines

/// Where one drafted agent stands in one systemic evaluation (palliative, or the perioperative
/// `systemicOptions` of a pathway that puts them there).
package enum AgentStanding: Sendable {
    case option(RecommendationText)
    /// Withheld, with its `reasonCode` (histology, ceiling, label contraindication ...).
    case notRecommended(RecommendationText)
    case investigational(RecommendationText)
    /// Not among this line's options (another line's, or a requirement unmet).
    case absent

    /// `keys`: the option, not-recommended and investigational lists, in that order.
    package init(_ agent: TherapyAgent, in evaluation: JSONObject, keys: OrderSelectCards.Lists = .palliative) {
        func find(_ key: String?) -> RecommendationText? {
            guard let key else { return nil }
            return RecommendationText.list(evaluation[key]).first { $0.agent == agent.rawValue }
        }
        if let withheld = find(keys.notRecommended) {
            self = .notRecommended(withheld)
        } else if let trial = find(keys.investigational) {
            self = .investigational(trial)
        } else if let option = find(keys.options) {
            self = .option(option)
        } else {
            self = .absent
        }
    }

    package var isOption: Bool { if case .option = self { true } else { false } }
}
