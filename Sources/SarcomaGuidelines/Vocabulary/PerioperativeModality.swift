/// Perioperative treatment options named by the API contract.
public enum PerioperativeModality: String, Sendable, VocabularyCode, CaseIterable {
    case surgery
    case postoperativeRT = "postoperative_rt"
    case preoperativeRT = "preoperative_rt"
    case postoperativeChemotherapy = "postoperative_chemotherapy"
    case preoperativeChemotherapy = "preoperative_chemotherapy"
    case preoperativeChemoradiation = "preoperative_chemoradiation"
}
