/// AJCC 8 primary-tumour categories across the four soft-tissue site groups. Which of them a
/// site group uses is pack data (`staging.json`, `tCategories`); `TX` is valid everywhere.
public enum TCategory: String, Sendable, VocabularyCode, CaseIterable {
    case t1 = "T1", t2 = "T2", t2a = "T2a", t2b = "T2b", t3 = "T3"
    case t4 = "T4", t4a = "T4a", t4b = "T4b", t4c = "T4c"
    case tx = "TX"
}
