/// The perioperative trace (`?explain=true`): the pathway row, every rule behind a listed or
/// withheld option, and the rules of the case's table that did not apply, with why.
extension PerioperativeEvaluatorV2 {
    static func trace(_ facts: CaseFactsV2, section: PerioperativeSectionV2) -> [RuleTrace] {
        var trace: [RuleTrace] = [
            .applied(
                "SCOPE-PATHWAY",
                "row \(facts.pathway.pathwayRow) -> \(facts.casePathway.rawValue), scope \(facts.scope.rawValue)")
        ]
        var seen: Set<String> = []
        for option in section.options {
            for rule in option.ruleIds where seen.insert(rule).inserted {
                let listed = section.options.filter { $0.ruleIds.contains(rule) }.map(\.modality.rawValue)
                trace.append(.applied(rule, "lists \(listed.joined(separator: ", "))"))
            }
        }
        for item in section.notRecommended {
            trace.append(.applied(item.ruleId, "\(item.modality.rawValue) withheld: \(item.reasonCode.rawValue)"))
        }
        if facts.casePathway == .localizedResectable, !facts.isDFSP, facts.site == .extremity || facts.site == .trunk,
            !seen.contains("PERIOP-POSTOP-CHEMO")
        {
            trace.append(.notApplied("PERIOP-POSTOP-CHEMO", "postoperative chemotherapy is for stage IIIA/IIIB only"))
        }
        if facts.resection != nil, facts.casePathway != .conversion {
            trace.append(.applied("PERIOP-AFTER-RESECTION", "prior resection: surgery replaced or done"))
        }
        trace.append(
            section.highRisk
                ? .applied("PERIOP-LARGE-HIGHGRADE", "extremity above 8 cm, counted high grade")
                : .notApplied(
                    "PERIOP-LARGE-HIGHGRADE", "needs an extremity tumour above 8 cm, N0 M0, counted high grade"))
        return trace
    }
}
