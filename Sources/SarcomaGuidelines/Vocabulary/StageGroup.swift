/// AJCC 8 anatomic stage groups (trunk/extremity and retroperitoneum only).
public enum StageGroup: String, Sendable, VocabularyCode, CaseIterable {
    case ia = "IA", ib = "IB", ii = "II", iiia = "IIIA", iiib = "IIIB", iv = "IV"
}
