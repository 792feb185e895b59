/// AJCC 8 primary-tumour categories across the four soft-tissue site groups. Which of them a
/// site group uses is pack data (`staging.json`, `tCategories`); `TX` is valid everywhere.
public enum TCategory: String, Sendable, VocabularyCode, CaseIterable {
    case t1 = "T1"
    case t2 = "T2"
    case t2a = "T2a"
    case t2b = "T2b"
    case t3 = "T3"
    case t4 = "T4"
    case t4a = "T4a"
    case t4b = "T4b"
    case t4c = "T4c"
    case tx = "TX"
}
