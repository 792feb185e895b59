/// `margins.strategy` of contract v2 (delta §3.5): the v1 values plus the en bloc plan of the
/// retroperitoneum and Mohs/PDEMA for DFSP, whose `marginCm` is null.
public enum MarginStrategyV2: String, Sendable, VocabularyCode, CaseIterable {
    case wideEnBloc = "wide_en_bloc"
    case completeExcisionMinimalMargin = "complete_excision_minimal_margin"
    case mohsOrPDEMA = "mohs_or_pdema"
    case enBlocCompartmental = "en_bloc_compartmental"
}
