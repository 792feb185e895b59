/// Why a perioperative modality is withheld (§7.0 rule 4; delta §4.6), in the order the rule
/// gives: a withheld modality's `reasonCode` is the first that applies, the rest follow.
public enum ModalityWithholding: String, Sendable, VocabularyCode, CaseIterable {
    case requiresIV = "requires_iv"
    case performanceStatus = "performance_status"
    case histologyNoActivity = "histology_no_activity"
    case priorRadiotherapyMDT = "prior_radiotherapy_mdt"
    case notRoutineRetroperitoneum = "not_routine_retroperitoneum"
}
