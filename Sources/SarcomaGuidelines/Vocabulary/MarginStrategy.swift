/// Resection strategy named by the API contract (`margins.strategy`).
public enum MarginStrategy: String, Sendable, VocabularyCode, CaseIterable {
    case wideEnBloc = "wide_en_bloc"
    case completeExcisionMinimalMargin = "complete_excision_minimal_margin"
}
