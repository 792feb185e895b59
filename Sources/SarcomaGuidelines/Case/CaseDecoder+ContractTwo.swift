import JSON
/// The members contract delta §1 adds to the case: `tumor.biomarkers` and the new `disease`
/// members, each read exactly as typed, with the delta's own wording for a bad value.
/// Inter-member conflicts are `CaseDecoder+CrossField.swift`'s.
extension CaseDecoder {
    /// The most agents `progressedOnAgents` may list (delta §1).
    public static let maxProgressedOnAgents = 20

    func biomarkers(in tumor: CaseSection, _ log: inout CaseIssueLog) -> SarcomaCase.Biomarkers? {
        guard let member = tumor.member("biomarkers") else { return nil }
        guard let object = member.value.objectValue else {
            log.add(
                member.pointer, at: member.position,
                "biomarkers must be an object; got \(CaseSection.shown(member.value))")
            return nil
        }
        let section = CaseSection(
            object: object, pointer: member.pointer, position: member.position, schema: CaseFields.biomarkers)
        for (index, item) in object.members.enumerated() where !CaseFields.biomarkers.fields.contains(item.key) {
            let detail =
                item.key == "ntrkFusion"
                ? "NTRK fusion status is /tumor/ntrkFusion"
                : "unknown biomarker '\(item.key)'; known: \(CaseFields.biomarkers.fields.joined(separator: ", "))"
            log.add(member.pointer.appending(item.key), at: member.position + [index], detail)
        }
        let biomarkers = SarcomaCase.Biomarkers(
            msiHigh: section.bool("msiHigh", &log),
            mmrDeficient: section.bool("mmrDeficient", &log),
            tmbMutPerMb: section.number(
                "tmbMutPerMb", Bounds.from(0, to: 1000).unit("of mutations per megabase"), &log),
            brafV600e: section.bool("brafV600e", &log),
            retFusion: section.bool("retFusion", &log),
            alkPositive: section.bool("alkPositive", &log),
            ini1Loss: section.bool("ini1Loss", &log),
            hlaA02Eligible: section.bool("hlaA02Eligible", &log),
            hlaA0205Present: section.bool("hlaA0205Present", &log),
            mageA4Positive: section.bool("mageA4Positive", &log))
        return biomarkers == SarcomaCase.Biomarkers() ? nil : biomarkers
    }

    /// The v1 disease members, then the delta §1 ones in the delta's order.
    func disease(in section: CaseSection, _ log: inout CaseIssueLog) -> SarcomaCase.Disease? {
        let disease = SarcomaCase.Disease(
            presentation: section.code("presentation", &log),
            resectable: section.bool("resectable", &log),
            priorSystemicLines: section.integer("priorSystemicLines", .atLeast(0), &log),
            priorAnthracycline: section.bool("priorAnthracycline", &log),
            limbSparingPossible: section.bool("limbSparingPossible", &log),
            localDisease: section.phrasedCode("localDisease", "localDisease must be present or absent", &log),
            metastasesResectable: section.bool("metastasesResectable", &log),
            conversionNotFeasible: section.bool("conversionNotFeasible", &log),
            priorRadiotherapy: section.bool("priorRadiotherapy", &log),
            progressedOnAnthracycline: section.bool("progressedOnAnthracycline", &log),
            progressedOnAgents: progressedOnAgents(in: section, &log),
            cumulativeDoxorubicinMgM2: section.number(
                "cumulativeDoxorubicinMgM2", Bounds.from(0, to: 2000).unit("of mg/m²"), &log),
            monthsSinceLastAnthracycline: monthsSinceLastAnthracycline(in: section, &log),
            priorCardiotoxicTherapy: section.bool("priorCardiotoxicTherapy", &log),
            priorResection: priorResection(in: section, &log))
        return disease == SarcomaCase.Disease() ? nil : disease
    }

    private func monthsSinceLastAnthracycline(in section: CaseSection, _ log: inout CaseIssueLog) -> Int? {
        guard let member = section.member("monthsSinceLastAnthracycline") else { return nil }
        if let months = member.value.intValue, (0...600).contains(months) { return months }
        log.add(
            member.pointer, at: member.position,
            "monthsSinceLastAnthracycline must be a whole number of months from 0 to 600; got \(CaseSection.shown(member.value))"
        )
        return nil
    }

    /// Distinct agent codes a tumour progressed on; `[]` reads as not given.
    private func progressedOnAgents(in section: CaseSection, _ log: inout CaseIssueLog) -> [TherapyAgent]? {
        guard let member = section.member("progressedOnAgents") else { return nil }
        guard let items = member.value.arrayValue else {
            log.add(
                member.pointer, at: member.position,
                "progressedOnAgents must be an array of agent codes; got \(CaseSection.shown(member.value))")
            return nil
        }
        if items.count > Self.maxProgressedOnAgents {
            log.add(
                member.pointer, at: member.position,
                "progressedOnAgents lists at most \(Self.maxProgressedOnAgents) agent codes; got \(items.count)")
            return nil
        }
        var agents: [TherapyAgent] = []
        var valid = true
        for (index, item) in items.enumerated() {
            let pointer = member.pointer.appending(index)
            let position = member.position + [index]
            guard let text = item.stringValue, let agent = TherapyAgent(rawValue: text) else {
                var detail =
                    item.stringValue.map { "unknown agent code '\($0)'" }
                    ?? "each item of progressedOnAgents must be an agent code; got \(CaseSection.shown(item))"
                if let text = item.stringValue,
                    let near = NearMatch.suggestion(for: text, among: TherapyAgent.allCases.map(\.rawValue))
                {
                    detail += ": did you mean `\(near)`?"
                }
                log.add(pointer, at: position, detail)
                valid = false
                continue
            }
            if agent.isFixedOption {
                log.add(pointer, at: position, "'\(text)' is not a therapy a tumour progresses on")
                valid = false
            } else if agents.contains(agent) {
                log.add(pointer, at: position, "'\(text)' is listed twice")
                valid = false
            } else {
                agents.append(agent)
            }
        }
        return valid && !agents.isEmpty ? agents : nil
    }

    private func priorResection(in disease: CaseSection, _ log: inout CaseIssueLog) -> PriorResection? {
        guard let member = disease.member("priorResection") else { return nil }
        guard let object = member.value.objectValue else {
            log.add(
                member.pointer, at: member.position,
                "priorResection must be an object with type, margin, closestMarginCm and fascialPlaneIntact; got \(CaseSection.shown(member.value))"
            )
            return nil
        }
        let section = CaseSection(
            object: object, pointer: member.pointer, position: member.position, schema: CaseFields.priorResection)
        section.reportUnknownMembers(ignoring: [], into: &log)
        let type: PriorResection.Kind? = section.phrasedCode("type", "type must be planned or unplanned", &log)
        let margin: PriorResection.Margin? = section.phrasedCode("margin", "margin must be R0, R1 or R2", &log)
        let closest = section.number(
            "closestMarginCm", Bounds.from(0, to: 50).unit("of centimetres"), &log)
        let fascialPlaneIntact = section.bool("fascialPlaneIntact", &log)
        let given = ["margin", "closestMarginCm", "fascialPlaneIntact"].contains { section.member($0) != nil }
        if section.member("type") == nil, given {
            log.add(
                section.pointer.appending("type"), at: section.position + [-1],
                "type is required when priorResection has members: planned or unplanned")
        }
        guard let type else { return nil }
        return PriorResection(
            type: type, margin: margin, closestMarginCm: closest, fascialPlaneIntact: fascialPlaneIntact)
    }
}

extension CaseSection {
    /// A code whose bad value is refused with the contract's own sentence (`phrase; got …`).
    func phrasedCode<Code: RawRepresentable & CaseIterable>(
        _ key: String, _ phrase: String, _ log: inout CaseIssueLog
    ) -> Code? where Code.RawValue == String {
        guard let member = member(key) else { return nil }
        if let text = member.value.stringValue, let code = Code(rawValue: text) { return code }
        log.add(member.pointer, at: member.position, "\(phrase); got \(Self.shown(member.value))")
        return nil
    }
}

extension Bounds {
    /// The same interval, worded with a unit ("of centimetres from 0 to 50").
    func unit(_ words: String) -> Bounds {
        var bounds = self
        bounds.unit = words
        return bounds
    }
}
