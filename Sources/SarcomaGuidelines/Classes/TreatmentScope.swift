/// The scope that narrows the perioperative and systemic options of a case (clinical rules
/// §3.3): pediatric protocols, the separate DFSP guideline, or adult soft tissue sarcoma.
public enum TreatmentScope: String, Sendable, VocabularyCode, CaseIterable {
    case adultSTS = "adult_sts"
    case pediatricProtocol = "pediatric_protocol"
    case dfsp
}
