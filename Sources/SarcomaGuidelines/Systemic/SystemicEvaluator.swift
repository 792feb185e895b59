/// Systemic therapy of pack 2026.12-1 (clinical rules §8) as a pure function of a
/// `SystemicCase`: the line and line context (§8.1), the evaluation steps (§8.2) over the
/// option table (§8.3), the histology withholdings (§8.4), the biomarkers (§8.5), the
/// anthracycline rules (§8.6), best supportive care (§8.7), and merge, preferred and rank (§8.8).
public struct SystemicEvaluator: Sendable {
    public let table: SystemicTable

    public init(table: SystemicTable) {
        self.table = table
    }

    public func evaluate(_ input: SystemicCase) throws(SystemicInputError) -> SystemicAnswer {
        guard let histology = table.classes.row(for: input.histology) else {
            throw .unknownHistology(input.histology ?? "")
        }
        if let lines = input.priorSystemicLines, lines < 0 {
            throw .negativeCount(field: "priorSystemicLines", value: lines)
        }
        var facts = SystemicFacts(input, histology: histology, sets: table.sets, anthracycline: table.anthracycline)
        let evaluation = evaluateRows(facts, panel: input.biomarkers)
        let merged = merge(evaluation, facts: facts)
        warnAboutCase(&facts, evaluation: evaluation, options: merged.options)
        warnAboutBiomarkers(&facts, current: evaluation)
        return SystemicAnswer(
            pathway: input.pathway, scope: input.scope, line: facts.line, lineContext: facts.lineContext,
            options: merged.options, notRecommended: merged.withheld,
            investigational: input.pathway.isPalliative ? table.investigational : [],
            bestSupportiveCare: input.pathway == .bestSupportiveCare,
            biomarkerStatus: Biomarker.allCases.map { ($0, input.biomarkers.status($0)) },
            warnings: facts.warnings, outsideThisLine: rowsOutsideLine(facts, panel: input.biomarkers),
            leftOut: evaluation.leftOut)
    }
}
