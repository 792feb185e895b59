/// AJCC 8 anatomic stage groups (trunk/extremity and retroperitoneum only).
public enum StageGroup: String, Sendable, VocabularyCode, CaseIterable {
    case ia = "IA"
    case ib = "IB"
    case ii = "II"
    case iiia = "IIIA"
    case iiib = "IIIB"
    case iv = "IV"
}
