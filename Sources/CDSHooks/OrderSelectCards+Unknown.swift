import JSON
import SarcomaGuidelines

/// The card for a drafted agent when the record lacks the line of therapy or the
/// resectability: no verdict resting on the engine's default, but the agent's standing for
/// each possibility (first and subsequent line; resectable or not), each with its rules and
/// NCCN categories, and the prior agents the record shows.
extension OrderSelectCards {
    package func unknownCard(for agent: TherapyAgent) -> CDSCard {
        let title = title(agent)
        let standings = scenarios.lines.map { AgentStanding(agent, in: $0.palliative, keys: $0.keys) }
        // Withheld for the histology (D04) or trial-only in every line that mentions it, and
        // an option in none: that does not depend on the line, so it is said as fact.
        if !standings.contains(where: \.isOption) {
            let allOptions = scenarios.lines.flatMap { RecommendationText.ranked($0.palliative[$0.keys.options]) }
            var seen = Set<String>()
            // Each line's options in rank order, each agent once, numbered in that order.
            let alternatives = allOptions.filter { seen.insert($0.agent ?? "").inserted }.enumerated()
                .map { "\($0.offset + 1). \(pack.name($0.element.agent ?? "?"))" }.joined(separator: ", ")
            for standing in standings {
                if case .notRecommended(let withheld) = standing {
                    return notRecommendedCard(
                        title, withheld, when: "whatever the line", alternatives: alternatives,
                        alternativesDetail: linesDetail(agent, standings))
                }
                if case .investigational(let trial) = standing {
                    return investigationalCard(
                        title, trial, alternatives: alternatives, alternativesDetail: linesDetail(agent, standings))
                }
            }
        }
        var unknown: [String] = []
        if scenarios.resectabilityUnknown { unknown.append("resectability") }
        if scenarios.lineUnknown { unknown.append("line of therapy") }
        let what = unknown.joined(separator: " and ")
        // The summary is short (140 characters, cut beyond): the verdicts come first so a cut
        // can only fall on the note after them, "later lines" stands for the subsequent line,
        // and the prior agents (a list of any length) are named in the detail only.
        let verdicts = zip(scenarios.lines, standings).map { line, standing in
            (line.name == PalliativeScenarios.conversion
                ? "conversion: "
                : scenarios.lineUnknown ? (line.name == "first" ? "first line: " : "later lines: ") : "")
                + Self.short(standing)
        }
        var summary = "\(title): "
        if scenarios.resectabilityUnknown {
            summary += "if resectable, not indicated; else " + verdicts.joined(separator: ", ")
        } else {
            summary += verdicts.joined(separator: "; ")
        }
        let missing =
            (scenarios.resectabilityUnknown ? ["resectability"] : []) + (scenarios.lineUnknown ? ["line"] : [])
        summary +=
            ". Not in the record: " + missing.joined(separator: ", ")
            + (priorAgents.isEmpty ? "" : "; prior therapy recorded")
        var detail = [
            "**The \(what) \(unknown.count > 1 ? "are" : "is") not in the record**, so this check assumes "
                + (unknown.count > 1 ? "neither" : "none") + " and shows \(title.lowercased())'s standing in each case."
        ]
        if !priorAgents.isEmpty {
            detail += [
                "",
                "The record shows **\(priorAgents.text)** given before (MedicationStatement / MedicationRequest): "
                    + "a subsequent-line option may apply. Whether that was a palliative line or perioperative therapy "
                    + "the record does not say, so no line is inferred from it.",
            ]
        }
        if scenarios.resectabilityUnknown {
            let rule =
                RecommendationText.list(scenarios.assumed["recommendations"]).first.map { " (`\($0.ruleId)`)" } ?? ""
            let reason = scenarios.assumed["reason"]?.stringValue ?? "palliative systemic therapy is not indicated"
            detail += [
                "",
                "**If resectable** (M0): palliative systemic therapy is not indicated\(rule): \(reason) "
                    + "If this is perioperative chemotherapy, the perioperative plan (patient-view card) applies.",
            ]
        }
        detail += linesDetail(agent, standings)
        return CDSCard(
            summary: summary, indicator: .warning, detail: detail.joined(separator: "\n"), sourceLabel: sourceLabel)
    }

    /// Per line: the agent's standing with its rule and category, then the line's options.
    private func linesDetail(_ agent: TherapyAgent, _ standings: [AgentStanding]) -> [String] {
        let title = title(agent)
        var detail: [String] = []
        for (line, standing) in zip(scenarios.lines, standings) {
            let prefix = scenarios.resectabilityUnknown ? "If not resectable, " : ""
            let heading =
                line.name == PalliativeScenarios.conversion
                ? "conversion pathway** (systemic therapy to make the local disease resectable)"
                : line.name == "first"
                    ? "first line** (no prior systemic therapy)" : "\(line.name) line** (after at least one prior line)"
            detail += ["", "**" + (prefix + heading).capitalizedFirst + ": " + Self.long(title, standing)]
            let options = RecommendationText.ranked(line.palliative[line.keys.options])
            if !options.isEmpty { detail += ["", "Options, in rank order:"] + optionLines(options) }
        }
        return detail
    }

    /// "option (rank 1, preferred)", "not recommended (performance status)", "not an option".
    package static func short(_ standing: AgentStanding) -> String {
        switch standing {
        case .option(let option):
            "option" + (option.rank.map { " (rank \($0)\(option.preferred ? ", preferred" : ""))" } ?? "")
        case .notRecommended(let withheld):
            "not recommended" + (withheld.reasonCode.map { " (\(PatientViewCards.words($0)))" } ?? "")
        case .investigational: "trial only"
        case .absent: "not an option"
        }
    }

    package static func long(_ title: String, _ standing: AgentStanding) -> String {
        switch standing {
        case .option(let option):
            "\(title) is an option\(option.rank.map { ", rank \($0)" } ?? "")\(option.preferred ? " (preferred)" : ""), \(option.category) (\(option.ruleIds.map { "`\($0)`" }.joined(separator: ", ")))."
        case .notRecommended(let withheld):
            "\(title) is not recommended (`\(withheld.ruleId)`, \(withheld.reasonCode ?? "?")): \(withheld.reason ?? withheld.rationale)"
        case .investigational(let trial):
            "\(title) is investigational, only within a clinical trial (`\(trial.ruleId)`): \(trial.reason ?? trial.rationale)"
        case .absent:
            "\(title) is not among the options."
        }
    }
}
