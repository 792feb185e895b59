/// Categories and REND-CATEGORY text of perioperative options (§0.3, §7.0 rule 2, §9).
extension PerioperativeEvaluatorV2 {
    static func option(_ candidate: PerioperativeCandidate, facts: CaseFactsV2, rank: Int) -> PerioperativeOptionV2 {
        let row = candidate.row
        // 7.0 rule 2: a category only in its setting, on localized_resectable, and never on re_excision.
        let wrapped = candidate.ruleIds[0] != row.ruleId
        var claim: CategoryClaim?
        var rowNote: String?
        if let category = row.category {
            if !wrapped && category.setting.covers(facts) {
                claim = category.claim
            } else {
                rowNote = note(category.note, facts: facts)
            }
        }
        return PerioperativeOptionV2(
            modality: row.modality, ruleId: candidate.ruleIds[0], ruleIds: candidate.ruleIds, category: claim,
            evidenceType: row.evidenceType, evidenceYear: row.evidenceYear,
            categoryDisplay: display(claim: claim, note: rowNote, evidence: row.evidenceType, year: row.evidenceYear),
            preferred: row.modality == .pediatricProtocolReferral && facts.scope == .pediatricProtocol, rank: rank,
            intent: facts.casePathway.intent, appliesTo: candidate.appliesTo, rationale: row.rationale,
            source: row.sources.joined(separator: ", "), evidence: row.evidence)
    }

    /// The note REND-CATEGORY shows for a row of §0.3 outside its setting.
    static func note(_ rowNote: String, facts: CaseFactsV2) -> String {
        facts.casePathway == .localizedResectable ? rowNote : nonPrimaryNote
    }

    /// REND-CATEGORY (§9): `<category part>; evidence: <label>[ (<year>)]`.
    static func display(claim: CategoryClaim?, note: String?, evidence: EvidenceType?, year: Int?) -> String {
        var text = claim?.displayText ?? "NCCN category not stated in the pack's sources"
        if claim == nil, let note { text += " for this setting (\(note))" }
        if let evidence {
            text += "; evidence: \(evidence.label)"
            if let year { text += " (\(year))" }
        }
        return text
    }
}
