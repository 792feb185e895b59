import JSON
import SarcomaGuidelines

/// The `order-select` cards (contract delta §9): each drafted agent checked against the card
/// pack's systemic evaluation of the patient's case: the palliative answer, or, on a pathway
/// that puts the systemic options in the perioperative answer (oligometastatic, conversion),
/// those. An agent found among the not-recommended items gets a card naming the reason and the
/// ranked alternatives, `critical` for `label_contraindication` and
/// `anthracycline_cumulative_ceiling` (its own or one of its other reasons), `warning` for any
/// other reason; trial-only agents and agents outside the line's options get a warning; listed
/// options a short confirmation with their rank and `categoryDisplay`.
///
/// A verdict that depends on the line or the resectability is given only when the record
/// holds them; otherwise the card says which is unknown and shows the agent's standing in
/// each case (`OrderSelectCards+Unknown.swift`). A withholding that holds in every case is
/// still stated as fact.
package struct OrderSelectCards {
    /// Which members of an evaluation hold the options, the not-recommended and the trial-only agents.
    package struct Lists: Sendable {
        package var options: String
        package var notRecommended: String
        package var investigational: String?

        package static let palliative = Lists(
            options: "options", notRecommended: "notRecommended", investigational: "investigational")
        package static let perioperative = Lists(
            options: "systemicOptions", notRecommended: "systemicNotRecommended", investigational: nil)
    }

    /// The reason codes that make a not-recommended order `critical` (delta §9).
    package static let criticalReasons: Set<String> = ["label_contraindication", "anthracycline_cumulative_ceiling"]

    package let scenarios: PalliativeScenarios
    package let priorAgents: PriorSystemicAgents
    package let pack: CardPack

    package init(scenarios: PalliativeScenarios, priorAgents: PriorSystemicAgents, pack: CardPack) {
        self.scenarios = scenarios
        self.priorAgents = priorAgents
        self.pack = pack
    }

    package var sourceLabel: String { pack.sourceLabel }

    /// The evaluation as the record reads (used as is only when `scenarios.isKnown`).
    package var palliative: JSONObject { scenarios.assumed }

    package func cards(for agents: [TherapyAgent]) -> [CDSCard] {
        agents.map { agent in
            var card = scenarios.isKnown ? card(for: agent) : unknownCard(for: agent)
            card.detail += assumptions
            return card
        }
    }

    /// What the answer assumed (nodes N0...): the check is only as good as these, so every card
    /// says them. The line and resectability are never among them when unknown: the card then
    /// shows every case instead of assuming one.
    private var assumptions: String {
        let messages =
            scenarios.isKnown
            ? (palliative["warnings"]?.arrayValue ?? []).compactMap { $0.objectValue?["message"]?.stringValue }
            : scenarios.otherAssumptions
        guard !messages.isEmpty else { return "" }
        return "\n\n**Assumed** (not in the record):\n" + messages.map { "- \($0)" }.joined(separator: "\n")
    }

    package func title(_ agent: TherapyAgent) -> String { pack.name(agent.rawValue).capitalizedFirst }

    /// "1. doxorubicin (preferred), 2. gemcitabine + docetaxel".
    package func ranked(_ options: [RecommendationText]) -> String {
        options.enumerated().map { index, option in
            "\(option.rank ?? index + 1). \(pack.name(option.agent ?? "?"))" + (option.preferred ? " (preferred)" : "")
        }.joined(separator: ", ")
    }

    package func optionLines(_ options: [RecommendationText]) -> [String] {
        options.map { option in
            "- \(option.rank.map { "\($0). " } ?? "")**\(pack.name(option.agent ?? "?"))**"
                + (option.preferred ? " (preferred)" : "") + ", "
                + option.ruleIds.map { "`\($0)`" }.joined(separator: ", ") + ": \(option.category): \(option.rationale)"
        }
    }

    package func card(for agent: TherapyAgent) -> CDSCard {
        let title = title(agent)
        var evaluation = palliative
        var lists = Lists.palliative
        var when = "\(palliative["line"]?.stringValue ?? "?") line"
        if palliative["indicated"]?.boolValue != true {
            let perioperative = scenarios.perioperative
            let systemic =
                !RecommendationText.list(perioperative["systemicOptions"]).isEmpty
                || !RecommendationText.list(perioperative["systemicNotRecommended"]).isEmpty
            guard systemic else {
                let reason =
                    palliative["reason"]?.stringValue ?? "palliative systemic therapy is not indicated for this case"
                return CDSCard(
                    summary:
                        "\(title): palliative therapy not indicated; check the order against the perioperative plan",
                    indicator: .info,
                    detail: "**\(title)** was ordered, but palliative systemic therapy is not indicated: \(reason)\n\n"
                        + "If this is perioperative chemotherapy, the perioperative plan (patient-view card) applies.",
                    sourceLabel: sourceLabel)
            }
            evaluation = perioperative
            lists = .perioperative
            when = "pathway \(PatientViewCards.words(perioperative["pathway"]?.stringValue ?? "?"))"
        }
        let options = RecommendationText.ranked(evaluation[lists.options])
        let alternatives = ranked(options)
        let alternativesDetail = options.isEmpty ? [] : ["", "**Options, in rank order**:"] + optionLines(options)
        switch AgentStanding(agent, in: evaluation, keys: lists) {
        case .notRecommended(let withheld):
            return notRecommendedCard(
                title, withheld, when: when, alternatives: alternatives, alternativesDetail: alternativesDetail)
        case .investigational(let trial):
            return investigationalCard(title, trial, alternatives: alternatives, alternativesDetail: alternativesDetail)
        case .option(let option):
            let rank = option.rank.map { ", rank \($0)" } ?? ""
            return CDSCard(
                summary:
                    "\(title) is an option for this patient (\(when)\(rank)\(option.preferred ? ", preferred" : ""))",
                indicator: .info,
                detail: "**\(title)** (\(when)): " + optionLines([option])[0].dropFirst(2),
                sourceLabel: sourceLabel)
        case .absent:
            return CDSCard(
                summary: "\(title) is not among the options (\(when)). Alternatives: \(alternatives)",
                indicator: .warning,
                detail: (["**\(title)** is not among the guideline's options for this patient (\(when))."]
                    + alternativesDetail).joined(separator: "\n"),
                sourceLabel: sourceLabel)
        }
    }

    /// `critical` when the reason (or one of its other reasons) is a label contraindication or
    /// the cumulative anthracycline ceiling; `warning` otherwise.
    package static func indicator(_ withheld: RecommendationText) -> CDSCard.Indicator {
        let codes = [withheld.reasonCode].compactMap { $0 } + withheld.otherReasonCodes
        return codes.contains(where: criticalReasons.contains) ? .critical : .warning
    }

    package func notRecommendedCard(
        _ title: String, _ withheld: RecommendationText, when: String,
        alternatives: String, alternativesDetail: [String]
    ) -> CDSCard {
        let reason = withheld.reason ?? withheld.rationale
        let code = withheld.reasonCode ?? "not_recommended"
        let others =
            withheld.otherReasonCodes.isEmpty ? "" : "; also \(withheld.otherReasonCodes.joined(separator: ", "))"
        return CDSCard(
            summary: "\(title) not recommended (\(PatientViewCards.words(code))). "
                + "Alternatives: \(alternatives.isEmpty ? "none listed" : alternatives)",
            indicator: Self.indicator(withheld),
            detail: ([
                "**\(title) is not recommended** for this patient (\(when)): reason `\(code)`\(others), rule "
                    + withheld.ruleIds.map { "`\($0)`" }.joined(separator: ", ") + ":",
                "", reason,
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
