/// The resection plan a margin rule sets (`margins.json` `plan`): strategy, centimetres or
/// null, what it means, and the wide-excision alternative of the DFSP plan.
public struct MarginPlanRow: Sendable, Equatable {
    public var strategy: MarginStrategyV2
    /// nil only with `en_bloc_compartmental` or `mohs_or_pdema` (delta §3.5).
    public var marginCm: Int?
    public var meaning: MarginMeaning
    public var alternativeStrategy: MarginStrategyV2?
    public var alternativeMarginCm: Int?

    static func load(_ node: PackNode) throws(GuidelinePackError) -> MarginPlanRow {
        var reader = try node.object()
        let strategy = try reader.required("strategy").code(MarginStrategyV2.self, "a margin strategy")
        let cmNode = try reader.required("marginCm")
        let cm = cmNode.isNull ? nil : try cmNode.integer()
        let meaningNode = try reader.required("marginMeaning")
        let meaning = try meaningNode.code(MarginMeaning.self, "a margin meaning")
        let alternative = try reader.optional("alternativeStrategy")?.code(MarginStrategyV2.self, "a margin strategy")
        let alternativeCm = try reader.optional("alternativeMarginCm")?.integer()
        try reader.finish()
        let nullCm = strategy == .enBlocCompartmental || strategy == .mohsOrPDEMA
        guard (cm == nil) == nullCm else {
            throw cmNode.failure("must be null exactly for en_bloc_compartmental and mohs_or_pdema (delta §3.5)")
        }
        if cm == 0, meaning != .completeExcisionR0 {
            throw meaningNode.failure("must be complete_excision_r0 with marginCm 0 (delta §3.5)")
        }
        if let cm, ![0, 1, 2].contains(cm) { throw cmNode.failure("must be 0, 1 or 2") }
        return MarginPlanRow(
            strategy: strategy, marginCm: cm, meaning: meaning, alternativeStrategy: alternative,
            alternativeMarginCm: alternativeCm)
    }
}
