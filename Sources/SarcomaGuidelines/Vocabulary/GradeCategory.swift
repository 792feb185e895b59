/// FNCLCC histologic grade as AJCC 8 writes it; `GX` when neither a stated grade nor the
/// three FNCLCC components are available.
public enum GradeCategory: String, Sendable, VocabularyCode, CaseIterable {
    case g1 = "G1"
    case g2 = "G2"
    case g3 = "G3"
    case gx = "GX"

    init?(statedGrade: Int) {
        switch statedGrade {
        case 1: self = .g1
        case 2: self = .g2
        case 3: self = .g3
        default: return nil
        }
    }

    /// 1-3 for a known grade, for messages that quote the stated value.
    var number: Int? {
        switch self {
        case .g1: 1
        case .g2: 2
        case .g3: 3
        case .gx: nil
        }
    }
}
