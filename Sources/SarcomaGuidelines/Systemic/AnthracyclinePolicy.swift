/// The anthracycline numbers of §0.2 and §8.6 (L-DOX, L-DEX; R12): the cumulative ceilings,
/// the one-cycle headroom, the cardioprotection and history thresholds, the label risk bands.
public struct AnthracyclinePolicy: Sendable, Equatable {
    public struct RiskBand: Sendable, Equatable {
        public var fromMgM2: Double
        public var text: String
    }

    public var ceilingMgM2: Double
    public var ceilingWithCardiotoxicTherapyMgM2: Double
    public var largestCycleMgM2: Double
    public var dexrazoxaneFromMgM2: Double
    public var cardiotoxicHistoryCheckFromMgM2: Double
    /// Ascending by `fromMgM2`, the first from 0.
    public var riskBands: [RiskBand]
    public var sources: [String]

    public func ceiling(priorCardiotoxicTherapy: Bool?) -> Double {
        priorCardiotoxicTherapy == true ? ceilingWithCardiotoxicTherapyMgM2 : ceilingMgM2
    }

    /// REND-ANTHRACYCLINE-BAND: the band of a cumulative dose.
    public func band(_ dose: Double) -> String {
        riskBands.last { dose >= $0.fromMgM2 }?.text ?? riskBands[0].text
    }

    static func load(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError) -> AnthracyclinePolicy {
        var reader = try node.object()
        func dose(_ key: String) throws(GuidelinePackError) -> Double {
            let child = try reader.required(key)
            let value = try child.number()
            guard value > 0 else { throw child.failure("must be a dose above 0 mg/m²") }
            return value
        }
        let ceiling = try dose("ceilingMgM2")
        let cardiotoxic = try dose("ceilingWithCardiotoxicTherapyMgM2")
        let cycle = try dose("largestCycleMgM2")
        let dexrazoxane = try dose("dexrazoxaneFromMgM2")
        let history = try dose("cardiotoxicHistoryCheckFromMgM2")
        let bandsNode = try reader.required("riskBands")
        var bands: [RiskBand] = []
        for item in try bandsNode.nonEmptyArray() {
            var bandReader = try item.object()
            let from = try bandReader.required("fromMgM2").number()
            if let last = bands.last, from <= last.fromMgM2 { throw item.failure("is not above the previous band") }
            bands.append(RiskBand(fromMgM2: from, text: try bandReader.string("text")))
            try bandReader.finish()
        }
        if bands[0].fromMgM2 != 0 { throw bandsNode.failure("must start at 0 mg/m²") }
        var sources: [String] = []
        for item in try reader.required("sources").nonEmptyArray() { sources.append(try register.source(item).id) }
        try reader.finish()
        if cardiotoxic >= ceiling { throw node.failure("has a cardiotoxic-therapy ceiling not below the ceiling") }
        return AnthracyclinePolicy(
            ceilingMgM2: ceiling, ceilingWithCardiotoxicTherapyMgM2: cardiotoxic, largestCycleMgM2: cycle,
            dexrazoxaneFromMgM2: dexrazoxane, cardiotoxicHistoryCheckFromMgM2: history,
            riskBands: bands, sources: sources)
    }
}
