import JSON

/// The imaging trace (`?explain=true`): which §6 rules listed studies for this case and why
/// the others did not.
extension ImagingEvaluatorV2 {
    static func trace(_ facts: CaseFactsV2, section: ImagingSectionV2) -> [RuleTrace] {
        let listing = Set((section.primary + section.metastaticWorkup).map(\.recommendation.ruleId))
        var trace: [RuleTrace] = []
        for rule in ImagingTableV2.ruleIds where rule != "IMG-PET-RESPONSE" && rule != "IMG-PET-OPTIONAL" {
            if listing.contains(rule) {
                let studies = (section.primary + section.metastaticWorkup).filter { $0.recommendation.ruleId == rule }
                trace.append(.applied(rule, studies.map(\.modality.rawValue).joined(separator: ", ")))
            } else {
                trace.append(.notApplied(rule, whyNot(rule, facts: facts)))
            }
        }
        if !section.petIndicated {
            trace.append(.applied("IMG-PET-OPTIONAL", "PET optional (not a recurrent tumour counted high grade)"))
        }
        trace.append(
            section.petResponse == .null
                ? .notApplied("IMG-PET-RESPONSE", "both SUVmax values are needed")
                : .applied("IMG-PET-RESPONSE", "SUVmax reduction computed"))
        return trace
    }

    private static func whyNot(_ rule: String, facts: CaseFactsV2) -> String {
        switch rule {
        case "IMG-PRIMARY-EXTREMITY-HN", "IMG-PRIMARY-ABDOMEN-CHEST", "IMG-LIVER":
            return "not for site \(facts.site.rawValue)"
        case "IMG-CHEST-XR", "IMG-CHEST-CT", "IMG-DFSP":
            return "another chest rule applies (N1/M1 -> CT; DFSP N0 M0 -> IMG-DFSP; low grade or small superficial "
                + "extremity -> radiograph)"
        case "IMG-NODAL-RISK": return "needs a nodal-risk histology with M0"
        case "IMG-PET-RECURRENT": return "needs a stated recurrent presentation counted high grade, not DFSP"
        default: return "not a histology add-on of \(facts.histology.code ?? "an unknown histology")"
        }
    }
}
