/// What a margin plan means in words (delta §3.4 `marginMeaning`), so `marginCm: 0` can never
/// be read as "no margin" and a null `marginCm` never as 0 (W1, W5).
public enum MarginMeaning: String, Sendable, VocabularyCode, CaseIterable {
    case wideMargin = "wide_margin"
    case completeExcisionR0 = "complete_excision_r0"
    case enBlocMacroscopicallyComplete = "en_bloc_macroscopically_complete"
    case mohsOrPDEMA = "mohs_or_pdema"
}
