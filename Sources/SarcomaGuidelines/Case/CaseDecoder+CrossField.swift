import JSON
/// The inter-member rules of contract delta §1 (checked after the single-field rules, all
/// issues reported together). They bind case writes and `/v2` evaluations; a `/v1`
/// evaluation keeps v1's checks and ignores these members (delta §0.3, §2).
extension CaseDecoder {
    /// Which inter-member rules a decode applies.
    public enum CrossFieldRules: Sendable {
        /// v1's only (`/v1` evaluations, stored documents already checked when written).
        case contractOne
        /// v1's plus delta §1's (case writes, `/v2` evaluations).
        case contractTwo
    }

    func checkContractTwoConflicts(
        tumor: SarcomaCase.Tumor, tumorSection: CaseSection, disease: SarcomaCase.Disease,
        diseaseSection: CaseSection, _ log: inout CaseIssueLog
    ) {
        let metastasisStated = tumorSection.member("metastasis") != nil
        if metastasisStated, tumor.metastasis == nil { return }  // an invalid code, already reported
        let m1 = tumor.metastasis == .m1
        if disease.localDisease == .absent, !m1, let member = diseaseSection.member("localDisease") {
            log.add(
                member.pointer, at: member.position,
                "with M0 there is local disease to plan for; after an excision describe it with priorResection")
        }
        if disease.metastasesResectable != nil, !m1, let member = diseaseSection.member("metastasesResectable") {
            let why = metastasisStated ? "tumor.metastasis is M0" : "tumor.metastasis is not given (M0 is assumed)"
            log.add(member.pointer, at: member.position, "metastasesResectable applies to M1 disease; \(why)")
        }
        checkAnthracyclineHistory(disease, diseaseSection, &log)
        if let resection = disease.priorResection, let closest = resection.closestMarginCm,
            let section = diseaseSection.member("priorResection"),
            let index = section.value.objectValue?.members.firstIndex(where: { $0.key == "closestMarginCm" })
        {
            let pointer = section.pointer.appending("closestMarginCm")
            if resection.margin == .r0, closest == 0 {
                log.add(pointer, at: section.position + [index], "0 cm (tumour at the margin) contradicts R0")
            } else if resection.margin == .r1 || resection.margin == .r2, closest > 0 {
                log.add(
                    pointer, at: section.position + [index], "a positive margin (R1/R2) has a closest margin of 0 cm")
            }
        }
    }

    /// `priorAnthracycline` stated false contradicts every anthracycline detail; stated true
    /// contradicts a cumulative dose of 0 (delta §1).
    private func checkAnthracyclineHistory(
        _ disease: SarcomaCase.Disease, _ section: CaseSection, _ log: inout CaseIssueLog
    ) {
        let neverHad = disease.priorAnthracycline == false
        if neverHad, disease.progressedOnAnthracycline == true, let member = section.member("progressedOnAnthracycline")
        {
            log.add(
                member.pointer, at: member.position, "progression on an anthracycline requires priorAnthracycline true")
        }
        if let agents = section.member("progressedOnAgents"), let items = agents.value.arrayValue {
            for (index, item) in items.enumerated() {
                guard let code = item.stringValue, code == "doxorubicin" || code.hasPrefix("doxorubicin_") else {
                    continue
                }
                let pointer = agents.pointer.appending(index)
                if disease.progressedOnAnthracycline == false {
                    log.add(
                        pointer, at: agents.position + [index],
                        "an anthracycline regimen is listed while progressedOnAnthracycline is false")
                }
                if neverHad {
                    log.add(
                        pointer, at: agents.position + [index],
                        "an anthracycline regimen is listed while priorAnthracycline is false")
                }
            }
        }
        if let dose = disease.cumulativeDoxorubicinMgM2, let member = section.member("cumulativeDoxorubicinMgM2") {
            if dose > 0, neverHad {
                log.add(
                    member.pointer, at: member.position,
                    "a cumulative anthracycline dose requires priorAnthracycline true")
            } else if dose == 0, disease.priorAnthracycline == true {
                log.add(
                    member.pointer, at: member.position,
                    "priorAnthracycline is true: the cumulative dose is above 0 (omit it if not known)")
            }
        }
        if neverHad, disease.monthsSinceLastAnthracycline != nil,
            let member = section.member("monthsSinceLastAnthracycline")
        {
            log.add(
                member.pointer, at: member.position,
                "months since the last anthracycline requires priorAnthracycline true")
        }
    }
}
