extension SarcomaCase {
    /// `tumor.biomarkers` (contract delta §1): each test tri-state, nil = not reported, so an
    /// unreported test is never read as positive (rules §8.5). NTRK stays `tumor.ntrkFusion` (v1).
    public struct Biomarkers: Sendable, Equatable, Codable {
        public var msiHigh: Bool?
        public var mmrDeficient: Bool?
        /// Mutations per megabase, 0-1000.
        public var tmbMutPerMb: Double?
        public var brafV600e: Bool?
        public var retFusion: Bool?
        public var alkPositive: Bool?
        public var ini1Loss: Bool?
        public var hlaA02Eligible: Bool?
        public var hlaA0205Present: Bool?
        public var mageA4Positive: Bool?

        public init(
            msiHigh: Bool? = nil, mmrDeficient: Bool? = nil, tmbMutPerMb: Double? = nil, brafV600e: Bool? = nil,
            retFusion: Bool? = nil, alkPositive: Bool? = nil, ini1Loss: Bool? = nil, hlaA02Eligible: Bool? = nil,
            hlaA0205Present: Bool? = nil, mageA4Positive: Bool? = nil
        ) {
            self.msiHigh = msiHigh
            self.mmrDeficient = mmrDeficient
            self.tmbMutPerMb = tmbMutPerMb
            self.brafV600e = brafV600e
            self.retFusion = retFusion
            self.alkPositive = alkPositive
            self.ini1Loss = ini1Loss
            self.hlaA02Eligible = hlaA02Eligible
            self.hlaA0205Present = hlaA0205Present
            self.mageA4Positive = mageA4Positive
        }
    }
}
