/// Imaging work-up: primary-site imaging, liver and chest for metastases, the role of PET,
/// and the PET metabolic response (rules IMG-*).
extension GuidelineEngine {
    func planImaging(_ facts: CaseFacts, _ log: inout EvaluationLog) -> ImagingPlan {
        let table = pack.imaging

        // IMG-PRIMARY-EXTREMITY-HN (trunk included, decision D01) or IMG-PRIMARY-ABDOMEN-CHEST.
        let primaryRule = table.primaryRule(for: facts.site)
        log.applied(
            primaryRule.ruleID,
            "site \(facts.site.rawValue) -> "
                + primaryRule.items.map(\.modality.rawValue).joined(separator: primaryRule.oneOf ? " or " : " and ")
                + ".")
        for other in table.primary where other.ruleID != primaryRule.ruleID {
            log.notApplied(
                other.ruleID,
                "it covers "
                    + other.sites.map(\.rawValue).sorted().joined(separator: ", ") + ", not \(facts.site.rawValue).")
        }
        let primary = study(primaryRule, text: primaryRule.text)

        var workup: [ImagingStudy] = []
        // IMG-LIVER: visceral and retroperitoneal lesions.
        if table.liver.sites.contains(facts.site) {
            log.applied(
                table.liver.ruleID, "\(facts.site.rawValue) lesion -> liver imaged in the initial abdominal CT or MRI.")
            workup += study(table.liver, text: table.liver.text)
        } else {
            log.notApplied(table.liver.ruleID, "site \(facts.site.rawValue) is neither visceral nor retroperitoneal.")
        }
        workup += chestStudy(facts, &log)
        let (petIndicated, petStudy) = petRole(facts, &log)
        workup += petStudy
        return ImagingPlan(
            primary: primary, primaryOneOf: primaryRule.oneOf, metastaticWorkup: workup,
            petIndicated: petIndicated, petResponse: petResponse(facts, &log))
    }

    private func study(_ rule: ImagingRule, text: GuidanceText) -> [ImagingStudy] {
        // The rule's own words: the studies' JSON was built when the pack loaded.
        let prebuilt = text.citation != nil && text.citation === rule.text.citation ? rule.studiesJSON : nil
        return rule.items.enumerated().map { index, item in
            ImagingStudy(
                spec: item, recommendation: Recommendation.citing(rule.ruleID, text: text, pack: pack),
                prebuilt: prebuilt?[index])
        }
    }

    /// IMG-CHEST-XR for low-risk extremity tumours, IMG-CHEST-CT otherwise (decisions D02, D16).
    private func chestStudy(_ facts: CaseFacts, _ log: inout EvaluationLog) -> [ImagingStudy] {
        let chest = pack.imaging.chest
        let xr = chest.radiograph
        let ct = chest.ct
        // The reasons are for the trace only: built when it is kept.
        func radiograph(_ text: GuidanceText, _ reason: @autoclosure () -> String, _ log: inout EvaluationLog)
            -> [ImagingStudy]
        {
            log.applied(xr.ruleID, "\(reason()) -> a chest radiograph suffices.")
            log.notApplied(ct.ruleID, "\(reason()), not deep or large high-grade.")
            return study(xr, text: text)
        }
        func chestCT(_ text: GuidanceText, _ reason: @autoclosure () -> String, _ log: inout EvaluationLog)
            -> [ImagingStudy]
        {
            log.applied(ct.ruleID, "\(reason()) -> CT of the chest.")
            log.notApplied(xr.ruleID, "\(reason()).")
            return study(ct, text: text)
        }

        guard chest.radiographSites.contains(facts.site) else {
            return chestCT(
                GuidanceText(rationale: chest.ctOtherSiteText, evidence: ct.text.evidence),
                "site \(facts.site.rawValue) is not an extremity", &log)
        }
        guard facts.isHighGrade(&log, table: pack.grading, purpose: "the chest work-up") else {
            return radiograph(xr.text, "low-grade (\(facts.grade.grade.rawValue)) extremity sarcoma", &log)
        }
        let grade = facts.grade.grade.rawValue
        let large = facts.sizeCm.map { $0 > chest.smallMaxCm }
        if facts.depth == .deep || large == true {
            let why = [facts.depth == .deep ? "deep" : nil, large == true ? "large (\(facts.sizeText))" : nil]
            return chestCT(
                ct.text, "\(why.compactMap { $0 }.joined(separator: " and ")) high-grade (\(grade)) extremity sarcoma",
                &log)
        }
        if facts.depth == .superficial, large == false {
            return radiograph(
                GuidanceText(rationale: chest.radiographSmallSuperficialText, evidence: xr.text.evidence),
                "small (\(facts.sizeText), at most \(ThresholdScale<Int>.format(chest.smallMaxCm)) cm) superficial high-grade (\(grade)) extremity sarcoma",
                &log)
        }
        if facts.depth == nil {
            log.warn(
                .depthUnknown, "Tumour depth not given: chest CT chosen, as for a deep high-grade extremity tumour.")
        }
        if facts.sizeCm == nil {
            log.warn(
                .sizeUnknown, "Tumour size not given: chest CT chosen, as for a large high-grade extremity tumour.")
        }
        return chestCT(
            GuidanceText(rationale: chest.ctUnknownText, evidence: ct.text.evidence),
            "high-grade (\(grade)) extremity sarcoma whose depth or size is not given", &log)
    }

    /// IMG-PET-RECURRENT when a recurrent high-grade tumour is stated; IMG-PET-OPTIONAL otherwise.
    private func petRole(_ facts: CaseFacts, _ log: inout EvaluationLog) -> (Bool, [ImagingStudy]) {
        let pet = pack.imaging.pet
        if facts.presentation == .recurrent, facts.isHighGrade(&log, table: pack.grading, purpose: "the role of PET") {
            log.applied(
                pet.recurrent.ruleID, "recurrent high-grade (\(facts.grade.grade.rawValue)) tumour -> PET indicated.")
            log.notApplied(pet.optional.ruleID, "PET is indicated.")
            return (true, study(pet.recurrent, text: pet.recurrent.text))
        }
        let why =
            switch facts.presentation {
            case .recurrent: "recurrent but low-grade (\(facts.grade.grade.rawValue))"
            case .primary: "primary presentation"
            case nil: "presentation not given"
            }
        log.notApplied(pet.recurrent.ruleID, "\(why).")
        log.applied(pet.optional.ruleID, "\(why) -> PET optional.")
        return (false, study(pet.optional, text: pet.optional.text))
    }

    /// IMG-PET-RESPONSE: only with both SUVmax values (> 0).
    private func petResponse(_ facts: CaseFacts, _ log: inout EvaluationLog) -> PETResponse? {
        let rule = pack.imaging.pet
        let baseline = facts.tumorCase.pet?.suvMaxBaseline
        let post = facts.tumorCase.pet?.suvMaxPostTherapy
        guard let baseline, let post, baseline > 0, post > 0, baseline.isFinite, post.isFinite else {
            if baseline != nil || post != nil {
                log.warn(
                    .petIncomplete,
                    "Only one SUVmax value (or a value not above 0) given: no metabolic response computed.")
            }
            log.notApplied(rule.responseRuleID, "baseline and post-therapy SUVmax are not both given.")
            return nil
        }
        let reduction = PETResponse.reduction(baseline: baseline, post: post)
        guard reduction.isFinite else {
            // e.g. a baseline of 5e-324: the ratio overflows. Say so rather than answer a
            // percentage that is not a number.
            log.warn(
                .petIncomplete,
                "SUVmax values \(baseline) and \(post) give no finite reduction: no metabolic response computed.")
            log.notApplied(rule.responseRuleID, "the SUVmax values give no finite reduction.")
            return nil
        }
        let favorable = reduction >= rule.favorableFromPercent
        let threshold = ThresholdScale<Int>.format(rule.favorableFromPercent)
        log.applied(
            rule.responseRuleID,
            "SUVmax \(baseline) -> \(post) is a \(reduction) % reduction, "
                + (favorable ? "at least" : "below") + " \(threshold) %: "
                + (favorable ? "favourable." : "not favourable."))
        let text = favorable ? rule.favorableText : rule.unfavorableText
        return PETResponse(
            baseline: baseline, post: post, reductionPercent: reduction, favorable: favorable,
            thresholdPercent: rule.favorableFromPercent,
            recommendation: Recommendation.citing(rule.responseRuleID, text: text, pack: pack))
    }
}
