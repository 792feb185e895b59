/// `disease.priorResection` (contract delta §1): an excision done before this plan, as the
/// case decoder reads it and as the margin and perioperative rules read it (clinical rules §5
/// resection facts), one type for the one fact. `type` is required whenever the object has
/// members; the other members may be unknown.
public struct PriorResection: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, VocabularyCode, Codable, CaseIterable {
        case planned
        case unplanned
    }

    public enum Margin: String, Sendable, VocabularyCode, Codable, CaseIterable {
        case r0 = "R0"
        case r1 = "R1"
        case r2 = "R2"

        /// R1 or R2: tumour at the inked margin.
        public var isPositive: Bool { self != .r0 }
    }

    public var type: Kind
    public var margin: Margin?
    /// 0 to 50 cm; 0 = tumour at the margin.
    public var closestMarginCm: Double?
    public var fascialPlaneIntact: Bool?

    public init(type: Kind, margin: Margin? = nil, closestMarginCm: Double? = nil, fascialPlaneIntact: Bool? = nil) {
        self.type = type
        self.margin = margin
        self.closestMarginCm = closestMarginCm
        self.fascialPlaneIntact = fascialPlaneIntact
    }
}
