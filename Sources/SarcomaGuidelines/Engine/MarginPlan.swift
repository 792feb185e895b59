import JSON
/// Biopsy and resection planning for one case (rules BIOPSY-*, MARGIN-*).
struct MarginPlan: Sendable {
    var marginCm: Double
    var strategy: MarginStrategy
    /// The winning margin rule first, then any other that applied.
    var marginRules: [RuleID]
    var amputation: AmputationAdvice
    var biopsyMethod: BiopsyMethod
    var alternativeBiopsyMethod: BiopsyMethod
    /// False at every size: the rule never advises excisional biopsy; "not excluded" at
    /// 3 cm or less is not "advised" (pack decision D12). The boundary is `excisionalBiopsy`.
    var excisionalBiopsyAdvised: Bool
    /// "avoid" (> 3 cm or size not given) or "not_excluded" (<= 3 cm).
    var excisionalBiopsy: String
    var recommendations: [Recommendation]
}

extension MarginPlan: EvaluationBody {
    var jsonMembers: JSONMembers {
        let biopsy: JSONValue = [
            "excisionalBiopsyAdvised": .bool(excisionalBiopsyAdvised),
            "method": .string(biopsyMethod.rawValue),
            "alternativeMethod": .string(alternativeBiopsyMethod.rawValue),
            "excisionalBiopsy": .string(excisionalBiopsy),
        ]
        return [
            JSONMember("marginCm", .number(marginCm)),
            JSONMember("strategy", .string(strategy.rawValue)),
            JSONMember("marginRuleIds", .array(marginRules.map { .string($0.rawValue) })),
            JSONMember("amputation", .string(amputation.rawValue)),
            JSONMember("biopsy", biopsy),
            JSONMember("recommendations", .array(recommendations.map(\.json))),
        ]
    }

    var reportLines: [ReportLine] {
        let resection =
            strategy == .wideEnBloc
            ? "wide en bloc, \(ThresholdScale<Int>.format(marginCm)) cm"
            : "complete excision, minimal margin"
        let biopsy =
            "biopsy: \(biopsyMethod == .coreNeedle ? "core needle" : "incisional")"
            + " (excisional: \(excisionalBiopsy == "avoid" ? "avoid" : "not excluded"))"
        let amputationText = amputation == .notIndicated ? "not indicated" : "consider if no limb-sparing option"
        return [
            ReportLine(
                label: "Margins", text: "\(resection); \(biopsy)",
                rules: marginRules + [.biopsyCore, .biopsyNoExcisional]),
            ReportLine(
                label: "", text: "amputation: \(amputationText); multidisciplinary team before treatment",
                rules: [.marginAmputation, .marginMDT]),
        ]
    }
}
