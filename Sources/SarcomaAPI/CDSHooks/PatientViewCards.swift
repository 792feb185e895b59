import SarcomaGuidelines

/// The `patient-view` cards, read from an `assessment` evaluation: stage, surgical plan,
/// imaging work-up, therapy options (perioperative or palliative), and the data missing
/// for them. Every card's detail names the rules (and NCCN categories) it rests on.
struct PatientViewCards {
    let assessment: JSONObject
    let sourceLabel: String

    init(assessment: JSONValue, sourceLabel: String) {
        self.assessment = assessment.objectValue ?? JSONObject()
        self.sourceLabel = sourceLabel
    }

    var cards: [CDSCard] {
        [missingData, staging, margins, imaging, options].compactMap { $0 }
    }

    private func section(_ name: String) -> JSONObject { assessment[name]?.objectValue ?? JSONObject() }

    private func card(_ summary: String, _ indicator: CDSCard.Indicator, _ detail: [String]) -> CDSCard {
        CDSCard(summary: summary, indicator: indicator, detail: detail.joined(separator: "\n"), sourceLabel: sourceLabel)
    }

    var staging: CDSCard? {
        let staging = section("staging")
        let tnmg = ["t", "n", "m", "grade"].compactMap { staging[$0]?.stringValue }.joined(separator: " ")
        let recommendations = RecommendationText.list(staging["recommendations"])
        if let group = staging["stageGroup"]?.stringValue {
            return card("Sarcoma stage \(group) (\(tnmg)), AJCC 8", .info,
                        ["**AJCC 8 stage \(group)** (\(tnmg)).", ""] + recommendations.map(\.markdownLine))
        }
        let reason = staging["stageGroupReason"]?.stringValue ?? "the stage group cannot be assigned"
        return card("Sarcoma stage incomplete (\(tnmg)): \(reason)", .warning,
                    ["**No AJCC 8 stage group**: \(reason)", ""] + recommendations.map(\.markdownLine))
    }

    var margins: CDSCard? {
        let margins = section("margins")
        guard let strategy = margins["strategy"]?.stringValue else { return nil }
        let centimetres = margins["marginCm"]?.intValue ?? 0
        let plan = strategy == "wide_en_bloc" ? "wide en bloc resection, \(centimetres) cm margin" : "complete excision, minimal margin"
        let biopsy = margins["biopsy"]?.objectValue?["method"]?.stringValue.map { "; biopsy: \(RecommendationText.humanName($0))" } ?? ""
        let amputation = margins["amputation"]?.stringValue == "consider_if_no_limb_sparing_option"
            ? "; consider amputation only if no limb-sparing option" : ""
        return card("Surgical plan: \(plan)\(biopsy)\(amputation)", .info,
                    ["**Surgical margin plan**: \(plan)\(biopsy)\(amputation).", ""]
                        + RecommendationText.list(margins["recommendations"]).map(\.markdownLine))
    }

    var imaging: CDSCard? {
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
        let required = workup.filter { $0.object["required"]?.boolValue == true }.compactMap(\.modality).map(RecommendationText.humanName)
        if !required.isEmpty { parts.append(required.joined(separator: ", ") + " required") }
        if let pet = imaging["pet"]?.stringValue { parts.append("PET \(pet)") }
        var detail = ["**Imaging work-up** (the studies the guideline calls for; check each has been done):", ""]
        let choice = oneOf ? "one of " + primary.compactMap(\.modality).map(RecommendationText.humanName).joined(separator: " or ") : nil
        for (index, item) in (primary + workup).enumerated() {
            // Where the rule offers a choice, each item is `required: false` but one of them is needed.
            var need = item.object["required"]?.boolValue == true ? "required" : "optional"
            if index < primary.count, let choice { need = choice }
            let flags = [need, item.object["preferred"]?.boolValue == true ? "preferred" : nil].compactMap { $0 }
            detail.append("- \(RecommendationText.humanName(item.modality ?? "?")) (\(flags.joined(separator: ", "))): `\(item.ruleId)`: \(item.rationale)")
        }
        if let response = imaging["petResponse"]?.objectValue, let reduction = response["suvMaxReductionPercent"]?.doubleValue {
            detail.append("- PET response: SUVmax down \(reduction) % (\(response["favorable"]?.boolValue == true ? "favourable" : "not favourable"))")
        }
        return card("Imaging work-up: " + parts.joined(separator: "; "), .info, detail)
    }

    var options: CDSCard? {
        let palliative = section("palliative")
        if palliative["indicated"]?.boolValue == true {
            let line = palliative["line"]?.stringValue ?? "?"
            let offered = RecommendationText.list(palliative["options"])
            let withheld = RecommendationText.list(palliative["notRecommended"])
            let trial = RecommendationText.list(palliative["investigational"])
            var summary = "Palliative \(line) line: " + offered.map(Self.agentWithCategory).joined(separator: ", ")
            if !withheld.isEmpty { summary += "; not: " + withheld.compactMap(\.agent).map(RecommendationText.humanName).joined(separator: ", ") }
            var detail = ["**Palliative systemic therapy, \(line) line**", ""] + offered.map { "- **\(RecommendationText.humanName($0.agent ?? "?"))**: " + $0.markdownLine.dropFirst(2) }
            if !withheld.isEmpty {
                detail += ["", "**Not recommended**:"] + withheld.map { "- **\(RecommendationText.humanName($0.agent ?? "?"))** (`\($0.ruleId)`): \($0.reason ?? $0.rationale)" }
            }
            if !trial.isEmpty {
                detail += ["", "**Investigational (clinical trial only)**:"] + trial.map { "- **\(RecommendationText.humanName($0.agent ?? "?"))** (`\($0.ruleId)`): \($0.reason ?? $0.rationale)" }
            }
            if let reason = palliative["reason"]?.stringValue { detail += ["", reason] }
            return card(summary, .info, detail)
        }
        let perioperative = section("perioperative")
        let offered = RecommendationText.list(perioperative["options"])
        guard !offered.isEmpty else {
            let reason = perioperative["reason"]?.stringValue ?? palliative["reason"]?.stringValue
            return reason.map { card("Treatment: \($0)", .info, ["**Treatment options**: \($0)"]) }
        }
        var summary = "Perioperative options: " + offered.map { option in
            RecommendationText.humanName(option.modality ?? "?") + (option.shortCategory.map { " (cat \($0))" } ?? "")
        }.joined(separator: ", ")
        if perioperative["highRisk"]?.boolValue == true { summary = "High risk. " + summary }
        let detail = ["**Perioperative options**" + (perioperative["highRisk"]?.boolValue == true ? " (high risk: consider both pre- and postoperative therapy)" : ""), ""]
            + offered.map { "- **\(RecommendationText.humanName($0.modality ?? "?"))**: " + $0.markdownLine.dropFirst(2) }
            + RecommendationText.list(perioperative["recommendations"]).map(\.markdownLine)
        return card(summary, .info, detail)
    }

    /// Defaults and gaps the answers rest on (nodes assumed N0, size unknown...): one card
    /// so the clinician sees what to complete in the record.
    var missingData: CDSCard? {
        let warnings = (assessment["warnings"]?.arrayValue ?? []).compactMap(\.objectValue)
        let gaps = warnings.filter { warning in
            guard let code = warning["code"]?.stringValue else { return false }
            return Self.gapNames[code] != nil
        }
        guard !gaps.isEmpty else { return nil }
        let names = gaps.compactMap { $0["code"]?.stringValue }.compactMap { Self.gapNames[$0] }
        return card("Missing in the record: " + names.joined(separator: ", "), .warning,
                    ["**Data missing from the record** (the other cards assume what each line says):", ""]
                        + gaps.map { "- \($0["message"]?.stringValue ?? "")" })
    }

    /// Warning codes that mean "this is not in the record", with the short name a summary uses.
    static let gapNames: [String: String] = [
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

    static func agentWithCategory(_ option: RecommendationText) -> String {
        RecommendationText.humanName(option.agent ?? "?") + (option.shortCategory.map { " (cat \($0))" } ?? "")
    }
}
