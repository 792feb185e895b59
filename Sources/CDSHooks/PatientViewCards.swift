import JSON
import SarcomaGuidelines

/// The `patient-view` cards, read from an `assessment` evaluation: stage, surgical plan,
/// imaging work-up, therapy options (perioperative or palliative), and the data missing
/// for them. Every card's detail names the rules (and NCCN categories) it rests on.
package struct PatientViewCards {
    package let assessment: JSONObject
    package let sourceLabel: String
    /// The palliative evaluation for each line (first, subsequent) when the record does not
    /// give the prior lines: the options card then shows both instead of assuming first line.
    package let unknownLines: [PalliativeScenarios.Line]?

    package init(assessment: JSONValue, sourceLabel: String, unknownLines: [PalliativeScenarios.Line]? = nil) {
        self.assessment = assessment.objectValue ?? JSONObject()
        self.sourceLabel = sourceLabel
        self.unknownLines = unknownLines
    }

    package var cards: [CDSCard] {
        [missingData, staging, margins, imaging, options].compactMap { $0 }
    }

    private func section(_ name: String) -> JSONObject { assessment[name]?.objectValue ?? JSONObject() }

    private func card(_ summary: String, _ indicator: CDSCard.Indicator, _ detail: [String]) -> CDSCard {
        CDSCard(
            summary: summary, indicator: indicator, detail: detail.joined(separator: "\n"), sourceLabel: sourceLabel)
    }

    package var staging: CDSCard? {
        let staging = section("staging")
        let tnmg = ["t", "n", "m", "grade"].compactMap { staging[$0]?.stringValue }.joined(separator: " ")
        let recommendations = RecommendationText.list(staging["recommendations"])
        if let group = staging["stageGroup"]?.stringValue {
            return card(
                "Sarcoma stage \(group) (\(tnmg)), AJCC 8", .info,
                ["**AJCC 8 stage \(group)** (\(tnmg)).", ""] + recommendations.map(\.markdownLine))
        }
        let reason = staging["stageGroupReason"]?.stringValue ?? "the stage group cannot be assigned"
        return card(
            "Sarcoma stage incomplete (\(tnmg)): \(reason)", .warning,
            ["**No AJCC 8 stage group**: \(reason)", ""] + recommendations.map(\.markdownLine))
    }

    package var margins: CDSCard? {
        let margins = section("margins")
        guard let strategy = margins["strategy"]?.stringValue else { return nil }
        let centimetres = margins["marginCm"]?.intValue ?? 0
        let plan =
            strategy == "wide_en_bloc"
            ? "wide en bloc resection, \(centimetres) cm margin" : "complete excision, minimal margin"
        let biopsy =
            margins["biopsy"]?.objectValue?["method"]?.stringValue.map {
                "; biopsy: \(RecommendationText.humanName($0))"
            } ?? ""
        let amputation =
            margins["amputation"]?.stringValue == "consider_if_no_limb_sparing_option"
            ? "; consider amputation only if no limb-sparing option" : ""
        return card(
            "Surgical plan: \(plan)\(biopsy)\(amputation)", .info,
            ["**Surgical margin plan**: \(plan)\(biopsy)\(amputation).", ""]
                + RecommendationText.list(margins["recommendations"]).map(\.markdownLine))
    }

    package var imaging: CDSCard? {
        let imaging = section("imaging")
        let primary = RecommendationText.list(imaging["primary"])
        let workup = RecommendationText.list(imaging["metastaticWorkup"])
        guard !primary.isEmpty || !workup.isEmpty else { return nil }
        let oneOf = imaging["primaryChoice"]?.stringValue == "one_of"
        var parts: [String] = []
        if !primary.isEmpty {
            let names = primary.compactMap(\.modality).map(RecommendationText.humanName)
            parts.append("primary: " + names.joined(separator: oneOf ? " or " : " and "))
        }
        let required = workup.filter { $0.object["required"]?.boolValue == true }.compactMap(\.modality).map(
            RecommendationText.humanName)
        if !required.isEmpty { parts.append(required.joined(separator: ", ") + " required") }
        if let pet = imaging["pet"]?.stringValue { parts.append("PET \(pet)") }
        var detail = ["**Imaging work-up** (the studies the guideline calls for; check each has been done):", ""]
        let choice =
            oneOf
            ? "one of " + primary.compactMap(\.modality).map(RecommendationText.humanName).joined(separator: " or ")
            : nil
        for (index, item) in (primary + workup).enumerated() {
            // Where the rule offers a choice, each item is `required: false` but one of them is needed.
            var need = item.object["required"]?.boolValue == true ? "required" : "optional"
            if index < primary.count, let choice { need = choice }
            let flags = [need, item.object["preferred"]?.boolValue == true ? "preferred" : nil].compactMap { $0 }
            detail.append(
                "- \(RecommendationText.humanName(item.modality ?? "?")) (\(flags.joined(separator: ", "))): `\(item.ruleId)`: \(item.rationale)"
            )
        }
        if let response = imaging["petResponse"]?.objectValue,
            let reduction = response["suvMaxReductionPercent"]?.doubleValue
        {
            detail.append(
                "- PET response: SUVmax down \(reduction) % (\(response["favorable"]?.boolValue == true ? "favourable" : "not favourable"))"
            )
        }
        return card("Imaging work-up: " + parts.joined(separator: "; "), .info, detail)
    }

    package var options: CDSCard? {
        let palliative = section("palliative")
        if palliative["indicated"]?.boolValue == true {
            if let unknownLines, !unknownLines.isEmpty { return eitherLine(unknownLines) }
            let line = palliative["line"]?.stringValue ?? "?"
            let offered = RecommendationText.list(palliative["options"])
            let withheld = RecommendationText.list(palliative["notRecommended"])
            var summary = "Palliative \(line) line: " + offered.map(Self.agentWithCategory).joined(separator: ", ")
            if !withheld.isEmpty {
                summary +=
                    "; not: " + withheld.compactMap(\.agent).map(RecommendationText.humanName).joined(separator: ", ")
            }
            return card(
                summary, .info,
                ["**Palliative systemic therapy, \(line) line**", ""] + Self.palliativeDetail(palliative))
        }
        let perioperative = section("perioperative")
        let offered = RecommendationText.list(perioperative["options"])
        guard !offered.isEmpty else {
            let reason = perioperative["reason"]?.stringValue ?? palliative["reason"]?.stringValue
            return reason.map { card("Treatment: \($0)", .info, ["**Treatment options**: \($0)"]) }
        }
        var summary =
            "Perioperative options: "
            + offered.map { option in
                RecommendationText.humanName(option.modality ?? "?")
                    + (option.shortCategory.map { " (cat \($0))" } ?? "")
            }.joined(separator: ", ")
        if perioperative["highRisk"]?.boolValue == true { summary = "High risk. " + summary }
        let detail =
            [
                "**Perioperative options**"
                    + (perioperative["highRisk"]?.boolValue == true
                        ? " (high risk: consider both pre- and postoperative therapy)" : ""),
                "",
            ]
            + offered.map {
                "- **\(RecommendationText.humanName($0.modality ?? "?"))**: " + $0.markdownLine.dropFirst(2)
            }
            + RecommendationText.list(perioperative["recommendations"]).map(\.markdownLine)
        return card(summary, .info, detail)
    }

    /// The prior lines are not in the record: the options of the first and of the subsequent
    /// line, a warning so the clinician records the line rather than read one assumed.
    private func eitherLine(_ lines: [PalliativeScenarios.Line]) -> CDSCard {
        // Each line's options first, each within its share of the 139 characters (the rest
        // counted as "+N more"; what a line leaves goes to the next), so a long first-line
        // list never cuts the subsequent line off.
        let head = "Palliative, "
        let tail = ". Line not in the record"
        var left = CDSCard.summaryLimit - head.count - tail.count - 2 * (lines.count - 1)
        var parts: [String] = []
        for (index, line) in lines.enumerated() {
            let part = Self.listed(
                RecommendationText.list(line.palliative["options"]).map(Self.agentWithCategory),
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
            detail += ["", "**" + heading, ""] + Self.palliativeDetail(line.palliative)
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

    /// Options, agents not recommended and investigational ones, each with its rule.
    package static func palliativeDetail(_ palliative: JSONObject) -> [String] {
        let offered = RecommendationText.list(palliative["options"])
        let withheld = RecommendationText.list(palliative["notRecommended"])
        let trial = RecommendationText.list(palliative["investigational"])
        var detail = offered.map {
            "- **\(RecommendationText.humanName($0.agent ?? "?"))**: " + $0.markdownLine.dropFirst(2)
        }
        if !withheld.isEmpty {
            detail +=
                ["", "**Not recommended**:"]
                + withheld.map {
                    "- **\(RecommendationText.humanName($0.agent ?? "?"))** (`\($0.ruleId)`): \($0.reason ?? $0.rationale)"
                }
        }
        if !trial.isEmpty {
            detail +=
                ["", "**Investigational (clinical trial only)**:"]
                + trial.map {
                    "- **\(RecommendationText.humanName($0.agent ?? "?"))** (`\($0.ruleId)`): \($0.reason ?? $0.rationale)"
                }
        }
        if let reason = palliative["reason"]?.stringValue { detail += ["", reason] }
        return detail
    }

    /// Defaults and gaps the answers rest on (nodes assumed N0, size unknown...): one card
    /// so the clinician sees what to complete in the record.
    package var missingData: CDSCard? {
        let warnings = (assessment["warnings"]?.arrayValue ?? []).compactMap(\.objectValue)
        let gaps = warnings.filter { warning in
            guard let code = warning["code"]?.stringValue else { return false }
            return Self.gapNames[code] != nil
        }
        guard !gaps.isEmpty else { return nil }
        // With both lines shown, the line is not assumed: say so instead of "0 assumed".
        let bothLines = unknownLines?.isEmpty == false
        let lines = PalliativeScenarios.linesDefaulted
        let names = gaps.compactMap { $0["code"]?.stringValue }.map { code in
            bothLines && code == lines ? "prior systemic lines (both lines shown)" : Self.gapNames[code] ?? code
        }
        return card(
            "Missing in the record: " + names.joined(separator: ", "), .warning,
            ["**Data missing from the record** (the other cards assume what each line says):", ""]
                + gaps.map { gap in
                    bothLines && gap["code"]?.stringValue == lines
                        ? "- Prior lines of systemic therapy not given: the palliative options card shows the first and the subsequent line."
                        : "- \(gap["message"]?.stringValue ?? "")"
                })
    }

    /// Warning codes that mean "this is not in the record", with the short name a summary uses.
    package static let gapNames: [String: String] = [
        "size_unknown": "tumour size",
        "depth_unknown": "depth",
        "grade_unknown": "grade",
        "fnclcc_incomplete": "FNCLCC components",
        "histology_unknown": "histology",
        "nodes_defaulted_n0": "nodal status (N0 assumed)",
        "metastasis_defaulted_m0": "metastasis status (M0 assumed)",
        "resectable_defaulted": "resectability (resectable assumed)",
        "ntrk_status_unknown": "NTRK fusion status",
        "prior_systemic_lines_defaulted": "prior systemic lines (0 assumed)",
        "iv_therapy_eligible_defaulted": "IV therapy eligibility",
        "anthracycline_candidate_defaulted": "anthracycline candidacy",
        "pet_incomplete": "one SUVmax value",
    ]

    package static func agentWithCategory(_ option: RecommendationText) -> String {
        RecommendationText.humanName(option.agent ?? "?") + (option.shortCategory.map { " (cat \($0))" } ?? "")
    }
}
