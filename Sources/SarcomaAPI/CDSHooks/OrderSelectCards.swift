import SarcomaGuidelines

/// The `order-select` cards: each drafted agent checked against the palliative evaluation
/// of the patient's case. Not recommended or trial-only agents get a warning with the
/// reason, the rule and the alternatives; listed options get a short confirmation with
/// their NCCN category; agents outside the line's options get a warning.
struct OrderSelectCards {
    let palliative: JSONObject
    let sourceLabel: String

    init(palliative: JSONValue, sourceLabel: String) {
        self.palliative = palliative.objectValue ?? JSONObject()
        self.sourceLabel = sourceLabel
    }

    func cards(for agents: [SystemicAgent]) -> [CDSCard] {
        agents.map { agent in
            var card = card(for: agent)
            card.detail += assumptions
            return card
        }
    }

    /// What the palliative answer assumed (prior lines not in the record, so first line...):
    /// the check is only as good as these, so every card says them.
    private var assumptions: String {
        let messages = (palliative["warnings"]?.arrayValue ?? []).compactMap { $0.objectValue?["message"]?.stringValue }
        guard !messages.isEmpty else { return "" }
        return "\n\n**Assumed** (not in the record):\n" + messages.map { "- \($0)" }.joined(separator: "\n")
    }

    private var options: [RecommendationText] { RecommendationText.list(palliative["options"]) }

    private var alternatives: String {
        options.map(PatientViewCards.agentWithCategory).joined(separator: ", ")
    }

    private var alternativesDetail: [String] {
        guard !options.isEmpty else { return [] }
        return ["", "**Options for this line**:"]
            + options.map { "- **\(RecommendationText.humanName($0.agent ?? "?"))**: " + $0.markdownLine.dropFirst(2) }
    }

    func card(for agent: SystemicAgent) -> CDSCard {
        let name = RecommendationText.humanName(agent.rawValue)
        let title = name.prefix(1).uppercased() + name.dropFirst()
        guard palliative["indicated"]?.boolValue == true else {
            let reason = palliative["reason"]?.stringValue ?? "palliative systemic therapy is not indicated for this case"
            return CDSCard(summary: "\(title): palliative therapy not indicated; check the order against the perioperative plan",
                           indicator: .info,
                           detail: "**\(title)** was ordered, but palliative systemic therapy is not indicated: \(reason)\n\n"
                               + "If this is perioperative chemotherapy, the perioperative plan (patient-view card) applies.",
                           sourceLabel: sourceLabel)
        }
        let line = palliative["line"]?.stringValue ?? "?"
        if let withheld = RecommendationText.list(palliative["notRecommended"]).first(where: { $0.agent == agent.rawValue }) {
            let reason = withheld.reason ?? withheld.rationale
            return CDSCard(summary: "Not recommended: \(Self.firstClause(reason)). Alternatives: \(alternatives)",
                           indicator: .warning,
                           detail: (["**\(title) is not recommended** for this patient (\(line) line), rule `\(withheld.ruleId)`:", "",
                                     reason] + alternativesDetail).joined(separator: "\n"),
                           sourceLabel: sourceLabel)
        }
        if let trial = RecommendationText.list(palliative["investigational"]).first(where: { $0.agent == agent.rawValue }) {
            let reason = trial.reason ?? trial.rationale
            return CDSCard(summary: "\(title): investigational, only within a clinical trial. Alternatives: \(alternatives)",
                           indicator: .warning,
                           detail: (["**\(title) is investigational** (rule `\(trial.ruleId)`):", "", reason] + alternativesDetail)
                               .joined(separator: "\n"),
                           sourceLabel: sourceLabel)
        }
        if let option = options.first(where: { $0.agent == agent.rawValue }) {
            let category = option.shortCategory.map { ", NCCN category \($0)" } ?? ""
            return CDSCard(summary: "\(title) is a \(line)-line option for this patient\(category)",
                           indicator: .info,
                           detail: "**\(title)**: " + option.markdownLine.dropFirst(2),
                           sourceLabel: sourceLabel)
        }
        return CDSCard(summary: "\(title) is not among the \(line)-line options. Alternatives: \(alternatives)",
                       indicator: .warning,
                       detail: (["**\(title)** is not among the guideline's options for the \(line) line for this patient."]
                                + alternativesDetail).joined(separator: "\n"),
                       sourceLabel: sourceLabel)
    }

    /// "Pazopanib has no single-agent activity in liposarcoma: not offered..." -> the part
    /// before the first colon or full stop.
    static func firstClause(_ text: String) -> String {
        let end = text.firstIndex(where: { $0 == ":" || $0 == "." }) ?? text.endIndex
        return String(text[..<end])
    }
}
