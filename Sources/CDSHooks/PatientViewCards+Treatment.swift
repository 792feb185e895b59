import JSON
import SarcomaGuidelines

/// The treatment cards (contract delta §9): the local-treatment card (perioperative options in
/// rank order with `categoryDisplay`; on a pathway that puts systemic options there, such as
/// oligometastatic, those too) and the systemic card (palliative options in rank order,
/// preferred marked, `best_supportive_care` among them); when neither has options, the reason.
extension PatientViewCards {
    package var localTreatment: CDSCard? {
        let perioperative = section("perioperative")
        let offered = RecommendationText.ranked(perioperative["options"])
        let systemic = RecommendationText.ranked(perioperative["systemicOptions"])
        guard !offered.isEmpty || !systemic.isEmpty else { return nil }
        let pathway = Self.words(perioperative["pathway"]?.stringValue ?? assessment["pathway"]?.stringValue ?? "?")
        // Each list within its share of the 139 characters, so the systemic options are never cut off.
        var summary =
            (perioperative["highRisk"]?.boolValue == true ? "High risk. " : "") + "Local treatment (\(pathway)): "
        let budget = CDSCard.summaryLimit - summary.count
        summary += Self.listed(offered.map(modalityName), after: "", within: systemic.isEmpty ? budget : budget / 2)
        if !systemic.isEmpty {
            summary += Self.listed(
                systemic.map(rankedName), after: "; systemic: ", within: CDSCard.summaryLimit - summary.count)
        }
        var detail = [
            "**Local treatment, pathway \(pathway)**"
                + (perioperative["highRisk"]?.boolValue == true
                    ? " (high risk: consider both pre- and postoperative therapy)" : "") + ", in rank order:",
            "",
        ]
        detail += offered.map { optionLine($0, name: modalityName($0)) }
        detail += withheldLines(RecommendationText.list(perioperative["notRecommended"]))
        if !systemic.isEmpty {
            let line = perioperative["lineContext"]?.stringValue.map { " (\(Self.words($0)))" } ?? ""
            detail +=
                ["", "**Systemic options\(line)**, in rank order:"]
                + systemic.map { optionLine($0, name: agentName($0)) }
            detail += withheldLines(RecommendationText.list(perioperative["systemicNotRecommended"]))
        }
        let recommendations = RecommendationText.list(perioperative["recommendations"]).map(\.markdownLine)
        if !recommendations.isEmpty { detail += [""] + recommendations }
        return card(summary, .info, detail)
    }

    package var systemic: CDSCard? {
        let palliative = section("palliative")
        guard palliative["indicated"]?.boolValue == true else { return nil }
        if let unknownLines, !unknownLines.isEmpty { return eitherLine(unknownLines) }
        let line = palliative["line"]?.stringValue ?? "?"
        let offered = RecommendationText.ranked(palliative["options"])
        let withheld = RecommendationText.list(palliative["notRecommended"])
        var summary = "Systemic, \(line) line: " + offered.map(rankedName).joined(separator: ", ")
        if !withheld.isEmpty { summary += "; not: " + withheld.map(agentName).joined(separator: ", ") }
        return card(
            summary, .info,
            ["**Palliative systemic therapy, \(line) line**, in rank order:", ""] + palliativeDetail(palliative))
    }

    /// Neither local nor systemic options: the engine's reason.
    package var treatmentReason: CDSCard? {
        guard localTreatment == nil, systemic == nil else { return nil }
        let reason = section("perioperative")["reason"]?.stringValue ?? section("palliative")["reason"]?.stringValue
        return reason.map { card("Treatment: \($0)", .info, ["**Treatment options**: \($0)"]) }
    }

    func modalityName(_ option: RecommendationText) -> String {
        pack.name(option.modality ?? option.agent ?? "?") + (option.appliesTo.map { " (\($0))" } ?? "")
    }

    func agentName(_ option: RecommendationText) -> String { pack.name(option.agent ?? option.modality ?? "?") }

    /// "doxorubicin (preferred)".
    func rankedName(_ option: RecommendationText) -> String {
        agentName(option) + (option.preferred ? " (preferred)" : "")
    }

    /// "- 1. **doxorubicin** (preferred), `PALL-DOX`: NCCN category 1; evidence: ...: rationale".
    func optionLine(_ option: RecommendationText, name: String) -> String {
        let rank = option.rank.map { "\($0). " } ?? ""
        let rules = option.ruleIds.map { "`\($0)`" }.joined(separator: ", ")
        return
            "- \(rank)**\(name)**\(option.preferred ? " (preferred)" : ""), \(rules): \(option.category): \(option.rationale)"
    }

    func withheldLines(_ withheld: [RecommendationText]) -> [String] {
        guard !withheld.isEmpty else { return [] }
        return ["", "**Not recommended**:"]
            + withheld.map { item in
                "- **\(pack.name(item.agent ?? item.modality ?? "?"))** (`\(item.ruleId)`, \(item.reasonCode ?? "?")): \(item.reason ?? item.rationale)"
            }
    }

    /// Options in rank order, agents not recommended and investigational ones, each with its rule.
    func palliativeDetail(_ palliative: JSONObject) -> [String] {
        var detail = RecommendationText.ranked(palliative["options"]).map { optionLine($0, name: agentName($0)) }
        detail += withheldLines(RecommendationText.list(palliative["notRecommended"]))
        let trial = RecommendationText.list(palliative["investigational"])
        if !trial.isEmpty {
            detail +=
                ["", "**Investigational (clinical trial only)**:"]
                + trial.map { "- **\(agentName($0))** (`\($0.ruleId)`): \($0.reason ?? $0.rationale)" }
        }
        if let reason = palliative["reason"]?.stringValue { detail += ["", reason] }
        return detail
    }

    /// The prior lines are not in the record: the options of the first and of the subsequent
    /// line, a warning so the clinician records the line rather than read one assumed.
    func eitherLine(_ lines: [PalliativeScenarios.Line]) -> CDSCard {
        // Each line's options first, each within its share of the 139 characters (the rest
        // counted as "+N more"; what a line leaves goes to the next), so a long first-line
        // list never cuts the subsequent line off.
        let head = "Systemic, "
        let tail = ". Line not in the record"
        var left = CDSCard.summaryLimit - head.count - tail.count - 2 * (lines.count - 1)
        var parts: [String] = []
        for (index, line) in lines.enumerated() {
            let part = Self.listed(
                // Names only here (the preferred marks are in the detail): every line must fit.
                RecommendationText.ranked(line.palliative["options"]).map(agentName),
                after: "\(line.name) line: ", within: left / (lines.count - index))
            left -= part.count
            parts.append(part)
        }
        let summary = head + parts.joined(separator: "; ") + tail
        var detail = [
            "**Palliative systemic therapy: the line is not in the record** (prior lines of systemic therapy); "
                + "no line is assumed, the options of each are shown."
        ]
        for line in lines {
            let heading =
                line.name == "first"
                ? "First line** (no prior systemic therapy)"
                : "\(line.name.capitalizedFirst) line** (after at least one prior line)"
            detail += ["", "**" + heading, ""] + palliativeDetail(line.palliative)
        }
        return card(summary, .warning, detail)
    }

    /// `label` and as many of `names` as fit in `budget` characters, the others as "+N more";
    /// at least the first name, whatever its length.
    package static func listed(_ names: [String], after label: String, within budget: Int) -> String {
        guard !names.isEmpty else { return label + "none" }
        var shown = [names[0]]
        for name in names.dropFirst() {
            let left = names.count - shown.count - 1
            let candidate = label + (shown + [name]).joined(separator: ", ") + (left > 0 ? " +\(left) more" : "")
            guard candidate.count <= budget else { break }
            shown.append(name)
        }
        let rest = names.count - shown.count
        return label + shown.joined(separator: ", ") + (rest > 0 ? " +\(rest) more" : "")
    }
}
