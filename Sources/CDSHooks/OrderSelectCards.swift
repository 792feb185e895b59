import JSON
import SarcomaGuidelines

/// The `order-select` cards: each drafted agent checked against the palliative evaluation
/// of the patient's case. Not recommended or trial-only agents get a warning with the
/// reason, the rule and the alternatives; listed options get a short confirmation with
/// their NCCN category; agents outside the line's options get a warning.
///
/// A verdict that depends on the line or the resectability is given only when the record
/// holds them; otherwise the card says which is unknown and shows the agent's standing in
/// each case (`OrderSelectCards+Unknown.swift`). Being withheld for the histology does not
/// depend on either, so it is still stated as fact.
package struct OrderSelectCards {
    package let scenarios: PalliativeScenarios
    package let priorAgents: PriorSystemicAgents
    package let sourceLabel: String

    package init(scenarios: PalliativeScenarios, priorAgents: PriorSystemicAgents, sourceLabel: String) {
        self.scenarios = scenarios
        self.priorAgents = priorAgents
        self.sourceLabel = sourceLabel
    }

    /// The evaluation as the record reads (used as is only when `scenarios.isKnown`).
    package var palliative: JSONObject { scenarios.assumed }

    package func cards(for agents: [SystemicAgent]) -> [CDSCard] {
        agents.map { agent in
            var card = scenarios.isKnown ? card(for: agent) : unknownCard(for: agent)
            card.detail += assumptions
            return card
        }
    }

    /// What the palliative answer assumed (nodes N0...): the check is only as good as
    /// these, so every card says them. The line and resectability are never among them
    /// when unknown: the card then shows every case instead of assuming one.
    private var assumptions: String {
        let messages =
            scenarios.isKnown
            ? (palliative["warnings"]?.arrayValue ?? []).compactMap { $0.objectValue?["message"]?.stringValue }
            : scenarios.otherAssumptions
        guard !messages.isEmpty else { return "" }
        return "\n\n**Assumed** (not in the record):\n" + messages.map { "- \($0)" }.joined(separator: "\n")
    }

    package static func options(_ palliative: JSONObject) -> [RecommendationText] {
        RecommendationText.list(palliative["options"])
    }

    private var alternatives: String {
        Self.options(palliative).map(PatientViewCards.agentWithCategory).joined(separator: ", ")
    }

    package static func optionLines(_ options: [RecommendationText]) -> [String] {
        options.map { "- **\(RecommendationText.humanName($0.agent ?? "?"))**: " + $0.markdownLine.dropFirst(2) }
    }

    private var alternativesDetail: [String] {
        let options = Self.options(palliative)
        guard !options.isEmpty else { return [] }
        return ["", "**Options for this line**:"] + Self.optionLines(options)
    }

    package static func title(_ agent: SystemicAgent) -> String {
        let name = RecommendationText.humanName(agent.rawValue)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    package func card(for agent: SystemicAgent) -> CDSCard {
        let title = Self.title(agent)
        guard palliative["indicated"]?.boolValue == true else {
            let reason =
                palliative["reason"]?.stringValue ?? "palliative systemic therapy is not indicated for this case"
            return CDSCard(
                summary: "\(title): palliative therapy not indicated; check the order against the perioperative plan",
                indicator: .info,
                detail: "**\(title)** was ordered, but palliative systemic therapy is not indicated: \(reason)\n\n"
                    + "If this is perioperative chemotherapy, the perioperative plan (patient-view card) applies.",
                sourceLabel: sourceLabel)
        }
        let line = palliative["line"]?.stringValue ?? "?"
        if let withheld = RecommendationText.list(palliative["notRecommended"]).first(where: {
            $0.agent == agent.rawValue
        }) {
            return notRecommendedCard(
                title, withheld, when: "\(line) line", alternatives: alternatives,
                alternativesDetail: alternativesDetail)
        }
        if let trial = RecommendationText.list(palliative["investigational"]).first(where: {
            $0.agent == agent.rawValue
        }) {
            return investigationalCard(title, trial, alternatives: alternatives, alternativesDetail: alternativesDetail)
        }
        if let option = Self.options(palliative).first(where: { $0.agent == agent.rawValue }) {
            let category = option.shortCategory.map { ", NCCN category \($0)" } ?? ""
            return CDSCard(
                summary: "\(title) is a \(line)-line option for this patient\(category)",
                indicator: .info,
                detail: "**\(title)**: " + option.markdownLine.dropFirst(2),
                sourceLabel: sourceLabel)
        }
        return CDSCard(
            summary: "\(title) is not among the \(line)-line options. Alternatives: \(alternatives)",
            indicator: .warning,
            detail: (["**\(title)** is not among the guideline's options for the \(line) line for this patient."]
                + alternativesDetail).joined(separator: "\n"),
            sourceLabel: sourceLabel)
    }

    package func notRecommendedCard(
        _ title: String, _ withheld: RecommendationText, when: String,
        alternatives: String, alternativesDetail: [String]
    ) -> CDSCard {
        let reason = withheld.reason ?? withheld.rationale
        return CDSCard(
            summary: "Not recommended: \(Self.firstClause(reason)). Alternatives: \(alternatives)",
            indicator: .warning,
            detail: ([
                "**\(title) is not recommended** for this patient (\(when)), rule `\(withheld.ruleId)`:", "",
                reason,
            ] + alternativesDetail).joined(separator: "\n"),
            sourceLabel: sourceLabel)
    }

    package func investigationalCard(
        _ title: String, _ trial: RecommendationText, alternatives: String, alternativesDetail: [String]
    ) -> CDSCard {
        let reason = trial.reason ?? trial.rationale
        return CDSCard(
            summary: "\(title): investigational, only within a clinical trial. Alternatives: \(alternatives)",
            indicator: .warning,
            detail: (["**\(title) is investigational** (rule `\(trial.ruleId)`):", "", reason] + alternativesDetail)
                .joined(separator: "\n"),
            sourceLabel: sourceLabel)
    }

    /// "Pazopanib has no single-agent activity in liposarcoma: not offered..." -> the part
    /// before the first colon or full stop.
    package static func firstClause(_ text: String) -> String {
        let end = text.firstIndex(where: { $0 == ":" || $0 == "." }) ?? text.endIndex
        return String(text[..<end])
    }
}
