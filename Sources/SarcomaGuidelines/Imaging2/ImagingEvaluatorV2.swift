import JSON

/// The imaging work-up of pack 2026.12-1 (clinical rules §6): MRI preferred for extremity,
/// trunk and head and neck primaries, chest CT whenever N1 or M1, the histology add-ons of the
/// class table, PET by `countsHigh` and presentation, and the PET response.
public enum ImagingEvaluatorV2 {
    /// `sizeCm <= 5` with superficial depth: the small superficial tumour of IMG-CHEST-XR.
    static let smallMaxCm = 5.0

    public static func evaluate(_ facts: CaseFactsV2) -> ImagingSectionV2 {
        let table = facts.pack.imaging
        var warnings: [PlanWarning] = []
        let abdominal = facts.site == .retroperitoneum || facts.site == .visceral
        let primaryRule = table.book[abdominal ? "IMG-PRIMARY-ABDOMEN-CHEST" : "IMG-PRIMARY-EXTREMITY-HN"]
        let primary = studies(primaryRule, table: table, site: facts.site)

        var workup: [ImagingStudyV2] = []
        if abdominal { workup += studies(table.book["IMG-LIVER"], table: table, site: facts.site) }
        let (chestRule, chestWords) = chest(facts, warnings: &warnings)
        workup += studies(table.book[chestRule], table: table, site: facts.site, rationale: chestWords)
        for addOn in facts.histology.imagingAddOns where addOn.ruleId != "IMG-DFSP" {
            var items = studies(table.book[addOn.ruleId], table: table, site: facts.site)
            if addOn.ruleId == "IMG-BRAIN" {
                items = items.map {
                    var s = $0
                    s.required = addOn.required
                    return s
                }
            }
            workup += items
        }
        if facts.histology.nodalRisk, !facts.metastatic {
            workup += studies(table.book["IMG-NODAL-RISK"], table: table, site: facts.site)
        }
        let petIndicated = facts.recurrent && facts.countsHigh
        if petIndicated {
            if !facts.planningGrade.isHigh { warnings.append(gradeTreatedHigh("PET")) }
            workup += studies(table.book["IMG-PET-RECURRENT"], table: table, site: facts.site)
        }
        let response = petResponse(facts, table: table, warnings: &warnings)
        warnings += facts.defaultWarnings + facts.grade.warnings.filter { $0.code == "histology_grade_conflict" }
        warnings += facts.pathway.warnings.filter {
            $0.code == "pediatric_protocol_scope" || $0.code == "adolescent_patient"
        }
        var section = ImagingSectionV2(
            primary: primary, primaryOneOf: !abdominal, metastaticWorkup: workup, petIndicated: petIndicated,
            petResponse: response, warnings: warnings)
        section.trace = trace(facts, section: section)
        return section
    }

    /// IMG-CHEST-XR / IMG-CHEST-CT / IMG-DFSP (D02 v2, D16 v2), with the rationale for this case.
    static func chest(_ facts: CaseFactsV2, warnings: inout [PlanWarning]) -> (String, String?) {
        if facts.nodal || facts.metastatic { return ("IMG-CHEST-CT", "Known nodal or distant disease: chest CT.") }
        if facts.isDFSP { return ("IMG-DFSP", nil) }
        guard facts.site == .extremity else {
            return ("IMG-CHEST-CT", "Primary outside the extremity: CT of the chest for the metastatic work-up.")
        }
        if facts.planningGrade == .g1 {
            return ("IMG-CHEST-XR", "Low-grade extremity sarcoma: a plain chest radiograph suffices.")
        }
        if !facts.planningGrade.isHigh { warnings.append(gradeTreatedHigh("the chest work-up")) }
        guard let size = facts.sizeCm, let depth = facts.depth else {
            let missing = [facts.sizeCm == nil ? "size" : nil, facts.depth == nil ? "depth" : nil].compactMap { $0 }
            for field in missing {
                warnings.append(
                    PlanWarning(
                        code: field == "size" ? "size_unknown" : "depth_unknown",
                        message: "Tumour \(field) not given: chest CT, the safer choice until a small superficial "
                            + "tumour is confirmed."))
            }
            return ("IMG-CHEST-CT", "High-grade extremity sarcoma whose depth or size is not given: CT of the chest.")
        }
        if size <= smallMaxCm, depth == .superficial {
            return (
                "IMG-CHEST-XR",
                "Small (5 cm or less), superficial high-grade extremity sarcoma: a chest radiograph suffices."
            )
        }
        return ("IMG-CHEST-CT", "Deep or large high-grade extremity sarcoma: CT of the chest.")
    }

    static func gradeTreatedHigh(_ purpose: String) -> PlanWarning {
        PlanWarning(
            code: "grade_unknown_treated_high",
            message:
                "Grade not given or not applicable: treated as high grade for \(purpose) (the conservative choice).")
    }

    static func studies(_ rule: RuleTextV2, table: ImagingTableV2, site: Site, rationale: String? = nil)
        -> [ImagingStudyV2]
    {
        table.items(rule.ruleId).filter { $0.sites?.contains(site) ?? true }.map { item in
            ImagingStudyV2(
                modality: item.modality, required: item.required, preferred: item.preferred,
                recommendation: RecommendationV2(
                    ruleId: rule.ruleId, ruleIds: [rule.ruleId],
                    rationale: rationale.map { "\($0) \(rule.rationale)" } ?? rule.rationale,
                    source: rule.sourceText, evidence: rule.evidence))
        }
    }

    /// IMG-PET-RESPONSE (changed): v1 arithmetic and rounding; a warning when no chemotherapy is recorded.
    static func petResponse(_ facts: CaseFactsV2, table: ImagingTableV2, warnings: inout [PlanWarning]) -> JSONValue {
        let pet = facts.tumorCase.pet
        guard let baseline = pet?.suvMaxBaseline, let post = pet?.suvMaxPostTherapy, baseline > 0 else {
            if pet?.suvMaxBaseline != nil || pet?.suvMaxPostTherapy != nil {
                warnings.append(
                    PlanWarning(
                        code: "pet_incomplete", message: "Only one SUVmax value given: no PET response computed."))
            }
            return .null
        }
        let disease = facts.tumorCase.disease
        if (disease?.priorSystemicLines ?? 0) == 0, disease?.priorAnthracycline != true {
            warnings.append(
                PlanWarning(
                    code: "pet_response_without_recorded_chemotherapy",
                    message: "No chemotherapy is recorded: the 40 % threshold was derived after preoperative "
                        + "chemotherapy (the deck's cohort)."))
        }
        let reduction = PETResponse.reduction(baseline: baseline, post: post)
        let rule = table.book["IMG-PET-RESPONSE"]
        guard case .object(let object) = rule.recommendation().json else { return .null }
        return .object(
            JSONObject(
                uniqueMembers: [
                    JSONMember("suvMaxBaseline", .number(baseline)),
                    JSONMember("suvMaxPostTherapy", .number(post)),
                    JSONMember("suvMaxReductionPercent", .number(reduction)),
                    JSONMember("favorable", .bool(reduction >= table.petThresholdPercent)),
                    JSONMember("thresholdPercent", .number(table.petThresholdPercent)),
                ] + object.members))
    }
}
