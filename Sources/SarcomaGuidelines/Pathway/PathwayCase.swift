/// What scope and pathway read from a case (clinical rules §3.3, §3.6), as plain values.
/// Optional members are "not given"; the decision applies each default and announces it
/// (D28), so a caller never invents a value.
public struct PathwayCase: Sendable, Equatable {
    /// A histology code of `histology-classes.json`; nil = not given.
    public var histology: String?
    public var ageYears: Int?
    public var ecog: Int?
    /// `tumor.nodes == "N1"`; nil = not given (N0 assumed, v1).
    public var nodalDisease: Bool?
    /// `tumor.metastasis == "M1"`; nil = not given (M0 assumed, v1).
    public var distantMetastasis: Bool?
    /// `tumor.metastaticSites`; nil = not given.
    public var metastaticSites: [String]?
    /// `disease.presentation == "recurrent"`; nil = not given (treated as primary).
    public var recurrent: Bool?
    /// `disease.resectable`: v2 meaning, the local disease whatever M is (S7). Default true.
    public var resectable: Bool?
    public var metastasesResectable: Bool?
    /// Default `present`.
    public var localDisease: LocalDisease?
    /// Default false.
    public var conversionNotFeasible: Bool?

    public init(
        histology: String?, ageYears: Int? = nil, ecog: Int? = nil, nodalDisease: Bool? = nil,
        distantMetastasis: Bool? = nil, metastaticSites: [String]? = nil, recurrent: Bool? = nil,
        resectable: Bool? = nil, metastasesResectable: Bool? = nil, localDisease: LocalDisease? = nil,
        conversionNotFeasible: Bool? = nil
    ) {
        self.histology = histology
        self.ageYears = ageYears
        self.ecog = ecog
        self.nodalDisease = nodalDisease
        self.distantMetastasis = distantMetastasis
        self.metastaticSites = metastaticSites
        self.recurrent = recurrent
        self.resectable = resectable
        self.metastasesResectable = metastasesResectable
        self.localDisease = localDisease
        self.conversionNotFeasible = conversionNotFeasible
    }
}
