import Foundation

/// The text of `/v2/margins` (rules §9 REND-MARGIN): the plan in words, so `marginCm` 0 reads
/// as a complete excision and a null `marginCm` as what the plan means, never as a number;
/// the context the plan is for; re-excision, amputation and biopsy, each with the rule ids of
/// the recommendation that says it.
struct MarginText {
    let section: MarginSectionV2

    var lines: [ContractTwoText.Line] {
        var lines: [ContractTwoText.Line] = [
            .init(label: "Margins", text: plan, rules: section.marginRuleIds)
        ]
        if let winner = recommendation(section.marginRuleIds.first) {
            lines.append(.init(label: "", text: winner.rationale, rules: []))
        }
        lines.append(
            .init(label: "Context", text: section.context.sentence, rules: ids(recommendation("MARGIN-CONTEXT"))))
        lines.append(.init(label: "Re-excis.", text: reExcision, rules: ids(recommendation("MARGIN-REEXCISION"))))
        let amputation = recommendation("MARGIN-AMPUTATION")
        lines.append(
            .init(
                label: "Amputation",
                text: amputation.map {
                    $0.rationale.replacingOccurrences(
                        of: section.amputation.rawValue, with: Self.words(section.amputation.rawValue))
                } ?? "\(Self.words(section.amputation.rawValue)): not an extremity tumour.",
                rules: ids(amputation)))
        lines.append(
            .init(
                label: "Biopsy", text: biopsy,
                rules: ["BIOPSY-CORE", "BIOPSY-NO-EXCISIONAL", "BIOPSY-SLNB"].flatMap { ids(recommendation($0)) }))
        if let mdt = recommendation("MARGIN-MDT") {
            lines.append(.init(label: "MDT", text: mdt.rationale, rules: ids(mdt)))
        }
        return lines
    }

    /// REND-MARGIN: the plan as a surgeon reads it.
    var plan: String {
        let plan = section.plan
        switch plan.meaning {
        case .completeExcisionR0: return "complete excision (R0), minimal margin"
        case .enBlocMacroscopicallyComplete:
            return "en bloc, macroscopically complete (compartmental resection with adherent organs as necessary)"
        case .mohsOrPDEMA:
            let wide = plan.alternativeMarginCm.map { "wide excision \($0) cm if not available" }
            return (["Mohs or PDEMA"] + [wide].compactMap { $0 }).joined(separator: "; ")
        case .wideMargin:
            guard let cm = plan.marginCm else { return Self.words(plan.strategy.rawValue) }
            return cm > 1 ? "wide en bloc excision, at least \(cm) cm margin" : "wide en bloc excision, \(cm) cm margin"
        }
    }

    var reExcision: String {
        switch section.reExcision {
        case .advised: "re-excision of the scar and bed advised"
        case .mdt: "re-excision: MDT decision"
        case .notApplicable: "not applicable (no unplanned prior excision on a local-treatment pathway)"
        }
    }

    var biopsy: String {
        let excisional =
            section.excisionalBiopsy == "avoid" ? "avoid excisional biopsy" : "excisional biopsy not excluded"
        let sentinel =
            section.sentinelNodeBiopsy == .consider
            ? "consider sentinel node biopsy" : "sentinel node biopsy not indicated"
        return "core needle biopsy (incisional as the alternative); \(excisional); \(sentinel)"
    }

    func recommendation(_ ruleId: String?) -> RecommendationV2? {
        section.recommendations.first { $0.ruleId == ruleId }
    }

    func ids(_ recommendation: RecommendationV2?) -> [String] { recommendation?.ruleIds ?? [] }

    static func words(_ code: String) -> String { code.split(separator: "_").joined(separator: " ") }
}
