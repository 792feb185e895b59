/// How an option is given (delta §3.2); `intravenous` when any component is IV, which is
/// what PALL-IV-ALL-LINES withholds for an IV-ineligible patient.
public enum TherapyRoute: String, Sendable, VocabularyCode, CaseIterable {
    case oral, intravenous, procedure, none
}
