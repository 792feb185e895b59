/// The margins trace (`?explain=true`): every rule of §5 considered, applied or not, and why,
/// so the text can say why the centimetre rules were not applied at the retroperitoneum.
extension MarginEvaluatorV2 {
    static func trace(_ facts: CaseFactsV2, section: MarginSectionV2) -> [RuleTrace] {
        var trace: [RuleTrace] = []
        let applied = Set(section.marginRuleIds)
        for rule in MarginTableV2.planRuleIds {
            if applied.contains(rule) {
                let plan = facts.pack.margins.plan(rule)
                trace.append(
                    .applied(
                        rule,
                        "\(plan.strategy.rawValue), \(plan.marginCm.map { "\($0) cm" } ?? "no centimetre margin") "
                            + "(\(plan.meaning.rawValue))" + (rule == section.marginRuleIds.first ? "" : ", narrower")))
            } else {
                trace.append(.notApplied(rule, whyNot(rule, facts: facts)))
            }
        }
        trace.append(.applied("BIOPSY-CORE", "core-needle biopsy, incisional as the alternative"))
        trace.append(.applied("BIOPSY-NO-EXCISIONAL", "excisional biopsy: \(section.excisionalBiopsy)"))
        trace.append(
            section.sentinelNodeBiopsy == .consider
                ? .applied("BIOPSY-SLNB", "nodal-risk histology, N0, M0: consider sentinel node biopsy")
                : .notApplied("BIOPSY-SLNB", "needs a nodal-risk histology, N0, M0, outside RP and visceral sites"))
        trace.append(
            section.reExcision == .notApplicable
                ? .notApplied("MARGIN-REEXCISION", "no unplanned prior resection on a pathway that plans a resection")
                : .applied("MARGIN-REEXCISION", "unplanned prior resection -> \(section.reExcision.rawValue)"))
        trace.append(
            section.amputation == .considerIfNoLimbSparingOption
                ? .applied("MARGIN-AMPUTATION", "M0 extremity without a limb-sparing option")
                : .notApplied("MARGIN-AMPUTATION", "needs M0, an extremity and limbSparingPossible false"))
        trace.append(.applied("MARGIN-CONTEXT", "pathway \(facts.casePathway.rawValue) -> \(section.context.rawValue)"))
        trace.append(.applied("MARGIN-MDT", "every patient is evaluated by an experienced multidisciplinary team"))
        return trace
    }

    private static func whyNot(_ rule: String, facts: CaseFactsV2) -> String {
        if facts.site == .retroperitoneum {
            return "at the retroperitoneum MARGIN-RP-EN-BLOC applies alone (D14 v2)"
        }
        switch rule {
        case "MARGIN-RP-EN-BLOC": return "the site is not the retroperitoneum"
        case "MARGIN-DFSP-PDEMA":
            return facts.isDFSP ? "DFSP at a visceral site takes MARGIN-INFILTRATIVE-2CM" : "not DFSP"
        case "MARGIN-WIDE-1CM": return "a specific margin rule applies"
        case "MARGIN-INFILTRATIVE-2CM":
            return facts.isDFSP
                ? "the DFSP plan applies first" : "no infiltrative histology and no infiltrative borders reported"
        default: return "needs ALT/WDLS of the extremity with planning grade G1"
        }
    }
}
