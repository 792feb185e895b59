/// The FNCLCC score computed from its three components (rule GRADE-FNCLCC).
struct FNCLCCScore: Sendable, Equatable {
    var differentiation: Int
    var mitoses: Int
    var mitoticScore: Int
    var necrosisPercent: Double
    var necrosisScore: Int
    var total: Int { differentiation + mitoticScore + necrosisScore }
    var grade: GradeCategory

    /// "differentiation 3 + mitotic score 3 (22 mitoses/10 HPF) + necrosis score 1 (30 %) = 7".
    var arithmetic: String {
        String(sentence: [
            "differentiation ", String(differentiation), " + mitotic score ", String(mitoticScore), " (",
            String(mitoses),
            " mitoses/10 HPF) + necrosis score ", String(necrosisScore), " (",
            ThresholdScale<Int>.format(necrosisPercent),
            " %) = ", String(total),
        ])
    }

    /// Nil unless all three components are given; the decoder checks their ranges, this
    /// clamps anyway so no input can trap.
    init?(_ components: SarcomaCase.FNCLCC?, table: GradingTable) {
        guard let components, let differentiation = components.differentiation,
            let mitoses = components.mitosesPer10Hpf, let necrosis = components.necrosisPercent,
            necrosis.isFinite
        else { return nil }
        self.differentiation = min(
            max(differentiation, table.differentiationRange.lowerBound),
            table.differentiationRange.upperBound)
        self.mitoses = mitoses
        mitoticScore = table.mitoticScore.value(for: Double(mitoses))
        necrosisPercent = necrosis
        necrosisScore = table.necrosisScore.value(for: necrosis)
        grade = table.grade.value(for: Double(self.differentiation + mitoticScore + necrosisScore))
    }

    /// The components that are missing, for the "incomplete" warning; empty when all given.
    static func missingComponents(_ components: SarcomaCase.FNCLCC?) -> [String] {
        guard let components else { return [] }
        var missing: [String] = []
        if components.differentiation == nil { missing.append("differentiation") }
        if components.mitosesPer10Hpf == nil { missing.append("mitosesPer10Hpf") }
        if components.necrosisPercent == nil { missing.append("necrosisPercent") }
        return missing.count == 3 ? [] : missing
    }
}
