import FHIRMapping
import JSON
import SarcomaGuidelines

/// The `patient-view` cards, read from the `/v2/assessment` answer of the card pack (contract
/// delta §9): the caution card (data missing or dated, poor performance status), stage (AJCC
/// group and, when different, the planning group), pathway, surgical plan, imaging work-up, the
/// local treatment (perioperative options in rank order; systemic options where the pathway puts
/// them there) and the systemic options (palliative, ranked, preferred marked). Every card's
/// detail names the rules and `categoryDisplay` it rests on.
package struct PatientViewCards {
    package let assessment: JSONObject
    package let pack: CardPack
    /// The prefetch mapping's warnings (ECOG dated or undated, counted back from the hook call).
    package let mappingWarnings: [FHIRMappingWarning]
    /// The palliative evaluation for each line (first, subsequent) when the record does not
    /// give the prior lines: the systemic card then shows both instead of assuming first line.
    package let unknownLines: [PalliativeScenarios.Line]?

    package init(
        assessment: JSONObject, pack: CardPack, mappingWarnings: [FHIRMappingWarning] = [],
        unknownLines: [PalliativeScenarios.Line]? = nil
    ) {
        self.assessment = assessment
        self.pack = pack
        self.mappingWarnings = mappingWarnings
        self.unknownLines = unknownLines
    }

    package var sourceLabel: String { pack.sourceLabel }

    package var cards: [CDSCard] {
        [caution, staging, pathway, margins, imaging, localTreatment, systemic, treatmentReason].compactMap { $0 }
    }

    func section(_ name: String) -> JSONObject { assessment[name]?.objectValue ?? JSONObject() }

    func card(_ summary: String, _ indicator: CDSCard.Indicator, _ detail: [String]) -> CDSCard {
        CDSCard(
            summary: summary, indicator: indicator, detail: detail.joined(separator: "\n"), sourceLabel: sourceLabel)
    }

    /// Warning codes that say why the planning grade differs from the AJCC grade.
    static let planningGradeWarnings = [
        "histology_grade_conflict", "histology_grade_unusual", "grade_inferred_from_histology",
    ]

    /// The AJCC group (never replaced by the planning group) and, when different, the planning
    /// group with why: "AJCC IB; planned as IIIB: synovial sarcoma is high grade by definition".
    package var staging: CDSCard? {
        let staging = section("staging")
        let tnm =
            staging["displayTnm"]?.stringValue
            ?? ["t", "n", "m", "grade"].compactMap { staging[$0]?.stringValue }.joined(separator: " ")
        let recommendations = RecommendationText.list(staging["recommendations"]).map(\.markdownLine)
        let group = staging["stageGroup"]?.stringValue
        let planning = staging["planningStageGroup"]?.stringValue
        var planned = ""
        var plannedDetail: [String] = []
        if let planning, planning != group {
            let why = plannedWhy(staging)
            planned = "; planned as \(planning): \(why)"
            plannedDetail = [
                "",
                "**Planned as \(planning)** (planning grade \(staging["planningGrade"]?.stringValue ?? "?")): \(why).",
            ]
        }
        if let group {
            return card(
                "Sarcoma stage: AJCC \(group) (\(tnm))\(planned)", .info,
                ["**AJCC 8 stage \(group)** (\(tnm))."] + plannedDetail + [""] + recommendations)
        }
        let reason = staging["stageGroupReason"]?.stringValue ?? "the stage group cannot be assigned"
        // DFSP has no AJCC group by the pack's rule: that is information, not missing data.
        let indicator: CDSCard.Indicator = recommendations.contains { $0.contains("`STAGE-DFSP`") } ? .info : .warning
        return card(
            "Sarcoma stage: no AJCC group (\(tnm)): \(reason)\(planned)", indicator,
            ["**No AJCC 8 stage group** (\(tnm)): \(reason)"] + plannedDetail + [""] + recommendations)
    }

    /// The grade decision's own words, shortened: "synovial sarcoma is high grade by definition".
    private func plannedWhy(_ staging: JSONObject) -> String {
        let warnings = (assessment["warnings"]?.arrayValue ?? []).compactMap(\.objectValue)
        for code in Self.planningGradeWarnings {
            guard let message = warnings.first(where: { $0["code"]?.stringValue == code })?["message"]?.stringValue
            else { continue }
            var text = message
            if text.hasPrefix("no grade given: ") { text.removeFirst("no grade given: ".count) }
            // The clause before its basis in brackets or the next clause.
            let parts = text.split(separator: " (", maxSplits: 1, omittingEmptySubsequences: false)
            text = String(parts.first ?? "")
            let clause = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return Self.words(String(clause))
        }
        return "planning grade \(staging["planningGrade"]?.stringValue ?? "?")"
    }

    static let scopeWords = [
        "adult_sts": "adult soft tissue sarcoma", "pediatric_protocol": "pediatric protocol", "dfsp": "DFSP",
    ]

    static func words(_ code: String) -> String { code.split(separator: "_").joined(separator: " ") }

    /// Pathway, intent and scope (rules §3.6): one per case, decided before any option.
    package var pathway: CDSCard? {
        guard let pathway = assessment["pathway"]?.stringValue else { return nil }
        let intent = assessment["intent"]?.stringValue ?? "?"
        let scopeCode = assessment["scope"]?.stringValue ?? "?"
        let scope = Self.scopeWords[scopeCode] ?? Self.words(scopeCode)
        var detail = ["**Pathway: \(Self.words(pathway))** (\(intent) intent); scope: \(scope) (`SCOPE-PATHWAY`)."]
        if let reason = section("palliative")["reason"]?.stringValue { detail += ["", "Palliative: \(reason)"] }
        return card("Pathway: \(Self.words(pathway)) (\(intent) intent); scope \(scope)", .info, detail)
    }

    /// REND-MARGIN: 0 cm is "complete excision (R0), minimal margin"; a null margin prints its
    /// meaning; every plan says which resection it is for.
    package var margins: CDSCard? {
        let margins = section("margins")
        guard let strategy = margins["strategy"]?.stringValue else { return nil }
        var plan: String
        switch (strategy, margins["marginCm"]?.intValue) {
        case ("wide_en_bloc", let centimetres?) where centimetres > 0:
            plan = "wide en bloc resection, \(centimetres) cm margin"
        case ("en_bloc_compartmental", _): plan = "en bloc resection, macroscopically complete"
        case ("mohs_or_pdema", _):
            plan = "Mohs or PDEMA"
            if let alternative = margins["alternativeMarginCm"]?.intValue {
                plan += "; wide excision \(alternative) cm if not available"
            }
        default: plan = "complete excision (R0), minimal margin"
        }
        if let context = margins["context"]?.stringValue, context != "planned_resection" {
            plan += " (\(Self.words(context)))"
        }
        switch margins["reExcision"]?.stringValue {
        case "advised": plan += "; re-excision advised"
        case "mdt": plan += "; re-excision: MDT decision"
        default: break
        }
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

}
