import JSON
import SarcomaGuidelines

/// Where one drafted agent stands in one palliative evaluation.
package enum AgentStanding: Sendable {
    case option(RecommendationText)
    /// Withheld for the histology (decision D04) or because it is unknown.
    case notRecommended(RecommendationText)
    case investigational(RecommendationText)
    /// Not among this line's options (another line's, or a requirement unmet).
    case absent

    package init(_ agent: SystemicAgent, in palliative: JSONObject) {
        func find(_ key: String) -> RecommendationText? {
            RecommendationText.list(palliative[key]).first { $0.agent == agent.rawValue }
        }
        if let withheld = find("notRecommended") {
            self = .notRecommended(withheld)
        } else if let trial = find("investigational") {
            self = .investigational(trial)
        } else if let option = find("options") {
            self = .option(option)
        } else {
            self = .absent
        }
    }

    package var isOption: Bool { if case .option = self { true } else { false } }
}
