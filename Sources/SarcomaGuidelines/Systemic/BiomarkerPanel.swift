/// The reported biomarkers of a case, each tri-state (nil = not reported). Unknown is never
/// positive, and an unknown contraindication (HLA-A*02:05P) is never absent (§8.5, R20).
public struct BiomarkerPanel: Sendable, Equatable {
    /// TMB-high boundary, inclusive, no rounding (§0.2).
    public static let tmbHighFrom = 10.0

    public var ntrkFusion: Bool?
    public var msiHigh: Bool?
    public var mmrDeficient: Bool?
    public var tmbMutPerMb: Double?
    public var brafV600e: Bool?
    public var retFusion: Bool?
    public var alkPositive: Bool?
    public var ini1Loss: Bool?
    public var hlaA02Eligible: Bool?
    public var hlaA0205Present: Bool?
    public var mageA4Positive: Bool?

    public init(
        ntrkFusion: Bool? = nil, msiHigh: Bool? = nil, mmrDeficient: Bool? = nil, tmbMutPerMb: Double? = nil,
        brafV600e: Bool? = nil, retFusion: Bool? = nil, alkPositive: Bool? = nil, ini1Loss: Bool? = nil,
        hlaA02Eligible: Bool? = nil, hlaA0205Present: Bool? = nil, mageA4Positive: Bool? = nil
    ) {
        self.ntrkFusion = ntrkFusion
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

    /// The reported value as true/false, nil when not reported.
    public subscript(marker: Biomarker) -> Bool? {
        get {
            switch marker {
            case .ntrkFusion: ntrkFusion
            case .msiHigh: msiHigh
            case .mmrDeficient: mmrDeficient
            case .tmbHigh: tmbMutPerMb.map { $0 >= Self.tmbHighFrom }
            case .brafV600e: brafV600e
            case .retFusion: retFusion
            case .alkPositive: alkPositive
            case .ini1Loss: ini1Loss
            case .hlaA02Eligible: hlaA02Eligible
            case .hlaA0205Present: hlaA0205Present
            case .mageA4Positive: mageA4Positive
            }
        }
        set {
            switch marker {
            case .ntrkFusion: ntrkFusion = newValue
            case .msiHigh: msiHigh = newValue
            case .mmrDeficient: mmrDeficient = newValue
            case .tmbHigh: tmbMutPerMb = newValue.map { $0 ? Self.tmbHighFrom : 0 }
            case .brafV600e: brafV600e = newValue
            case .retFusion: retFusion = newValue
            case .alkPositive: alkPositive = newValue
            case .ini1Loss: ini1Loss = newValue
            case .hlaA02Eligible: hlaA02Eligible = newValue
            case .hlaA0205Present: hlaA0205Present = newValue
            case .mageA4Positive: mageA4Positive = newValue
            }
        }
    }

    public func status(_ marker: Biomarker) -> BiomarkerStatus {
        switch self[marker] {
        case true?: .positive
        case false?: .negative
        case nil: .unknown
        }
    }

    /// This panel with every unreported marker set to its qualifying value: what the case
    /// would look like if every missing test came back in the patient's favour.
    func qualifyingUnknowns() -> BiomarkerPanel {
        var panel = self
        for marker in Biomarker.allCases where self[marker] == nil { panel[marker] = marker.qualifyingValue }
        return panel
    }
}
