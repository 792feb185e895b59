extension SarcomaCase {
    /// `disease.priorResection` (contract delta §1): what an earlier excision left, read by the
    /// post-resection rules of pack 2026.12-1. `type` is required once any member is given.
    public struct PriorResection: Sendable, Equatable, Codable {
        public var type: ResectionType
        public var margin: ResectionMargin?
        /// Centimetres, 0-50; 0 = tumour at the margin.
        public var closestMarginCm: Double?
        public var fascialPlaneIntact: Bool?

        public init(
            type: ResectionType, margin: ResectionMargin? = nil, closestMarginCm: Double? = nil,
            fascialPlaneIntact: Bool? = nil
        ) {
            self.type = type
            self.margin = margin
            self.closestMarginCm = closestMarginCm
            self.fascialPlaneIntact = fascialPlaneIntact
        }
    }
}

public enum ResectionType: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case planned, unplanned
}

public enum ResectionMargin: String, Sendable, VocabularyCode, Codable, CaseIterable {
    case r0 = "R0"
    case r1 = "R1"
    case r2 = "R2"
}
