/// §7.1 (`localized_resectable`), §7.2 (`regional_nodal`) and §7.0 rule 3
/// (PERIOP-AFTER-RESECTION): the options for the primary, which the local-recurrence and
/// oligometastatic pathways list under their own rule.
extension PerioperativeEvaluatorV2 {
    /// The primary's options for its site, N and planning group (rTNM for a recurrence, as if
    /// M0 for an oligometastatic primary), after rule 7.0.3.
    static func primaryOptions(
        _ facts: CaseFactsV2, group: StageGroup?, reason: inout String?, warnings: inout [PlanWarning]
    ) -> [PerioperativeCandidate] {
        if facts.nodal {
            return afterResection(
                nodalOptions(facts, appliesTo: facts.casePathway == .oligometastatic), facts: facts, producers: [],
                reason: &reason, warnings: &warnings)
        }
        var producers: [String] = []
        let list = localOptions(facts, group: group, producers: &producers, reason: &reason, warnings: &warnings)
        return afterResection(list, facts: facts, producers: producers, reason: &reason, warnings: &warnings)
    }

    /// The §7.1 table (N0 M0).
    static func localOptions(
        _ facts: CaseFactsV2, group: StageGroup?, producers: inout [String], reason: inout String?,
        warnings: inout [PlanWarning]
    ) -> [PerioperativeCandidate] {
        let table = facts.pack.perioperative
        func row(_ rule: String, _ modality: PerioperativeModalityV2, also: [String] = []) -> PerioperativeCandidate {
            PerioperativeCandidate(table.row(rule, modality), also: also)
        }
        let surgery = row("PERIOP-SURGERY", .surgery)
        if facts.isDFSP {
            var list = [surgery]
            if let resection = facts.resection, resection.closeness == .positive || resection.closeness == .unknown {
                if resection.closeness == .unknown { warnings.append(MarginEvaluatorV2.marginNotGiven) }
                producers.append("PERIOP-DFSP")
                list.append(row("PERIOP-DFSP", .postoperativeRT))
            }
            return list
        }
        let rtTrio: (String) -> [PerioperativeCandidate] = { rule in
            [surgery, row(rule, .postoperativeRT), row(rule, .preoperativeRT)]
        }
        switch facts.site {
        case .retroperitoneum:
            return [
                row("PERIOP-RP", .surgery, also: ["PERIOP-SURGERY", "MARGIN-RP-EN-BLOC"]),
                row("PERIOP-RP", .preoperativeRT),
            ]
        case .visceral:
            reason = "Visceral site: surgery per the margin plan; further treatment by an organ-specific MDT."
            return [surgery]
        case .headAndNeck:
            if facts.planningGrade == .g1 {
                var list = [row("PERIOP-HN", .surgery, also: ["PERIOP-SURGERY"])]
                list += closeMargin(facts, producers: &producers, warnings: &warnings)
                return list
            }
            return [
                row("PERIOP-HN", .surgery, also: ["PERIOP-SURGERY"]), row("PERIOP-HN", .postoperativeRT),
                row("PERIOP-HN", .preoperativeRT),
            ]
        case .extremity, .trunk:
            switch group {
            case .ia?, .ib?:
                return [surgery] + closeMargin(facts, producers: &producers, warnings: &warnings)
            case .ii?:
                return rtTrio("PERIOP-STAGE2-RT")
            case .iiia?, .iiib?:
                return [
                    surgery, row("PERIOP-STAGE3-POSTOP-RT", .postoperativeRT),
                    row("PERIOP-STAGE3-PREOP", .preoperativeRT),
                    row("PERIOP-POSTOP-CHEMO", .postoperativeChemotherapy),
                    row("PERIOP-STAGE3-PREOP", .preoperativeChemotherapy),
                    row("PERIOP-STAGE3-PREOP", .preoperativeChemoradiation),
                ]
            case .iv?:
                return [surgery]
            case nil:
                switch facts.planningGrade {
                case .gx:
                    reason = "RT is part of every high-grade stage (II-IIIB); establish the grade first."
                    return rtTrio("PERIOP-GRADE-UNKNOWN-RT")
                case .notApplicable:
                    reason = "FNCLCC does not apply; histotype-specific risk assessment by the MDT."
                    return rtTrio("PERIOP-GRADE-UNKNOWN-RT")
                case .g2, .g3:
                    reason = "RT is common to stages II, IIIA and IIIB; give the size to stage."
                    return rtTrio("PERIOP-GRADE-UNKNOWN-RT")
                case .g1:
                    reason = facts.planningStageGroupReason
                    return [surgery]
                }
            }
        }
    }

    /// PERIOP-STAGE1-CLOSE-MARGIN: after a resection with a positive margin, or a close or
    /// unknown margin without a stated intact fascial plane (unknown read as close / breached, R22).
    static func closeMargin(_ facts: CaseFactsV2, producers: inout [String], warnings: inout [PlanWarning])
        -> [PerioperativeCandidate]
    {
        guard let resection = facts.resection else { return [] }
        if resection.closeness == .unknown { warnings.append(MarginEvaluatorV2.marginNotGiven) }
        let fires: Bool
        switch resection.treatedCloseness(site: facts.site) {
        case .positive: fires = true
        case .close, .unknown:
            if resection.fascia == .unknown {
                warnings.append(
                    PlanWarning(
                        code: "fascial_plane_not_given",
                        message: "Prior resection without fascialPlaneIntact: the fascial plane is treated as breached "
                            + "(pack policy R22); a defaulted value never carries a category"))
            }
            fires = resection.fascia != .intact
        case .clear: fires = false
        }
        guard fires else { return [] }
        producers.append("PERIOP-STAGE1-CLOSE-MARGIN")
        return [PerioperativeCandidate(facts.pack.perioperative.row("PERIOP-STAGE1-CLOSE-MARGIN", .postoperativeRT))]
    }

    /// The §7.2 table (N1 M0): `appliesTo` only on the nodal and oligometastatic pathways (delta §3.2).
    static func nodalOptions(_ facts: CaseFactsV2, appliesTo: Bool) -> [PerioperativeCandidate] {
        let table = facts.pack.perioperative
        func row(_ modality: PerioperativeModalityV2, also: [String] = []) -> PerioperativeCandidate {
            let target: PerioperativeOptionV2.AppliesTo? =
                appliesTo ? (modality == .regionalLymphadenectomy ? .nodes : .primary) : nil
            return PerioperativeCandidate(table.row("PERIOP-NODAL", modality), also: also, appliesTo: target)
        }
        switch facts.site {
        case .retroperitoneum:
            var rt = PerioperativeCandidate(table.row("PERIOP-RP", .preoperativeRT), also: ["PERIOP-NODAL"])
            rt.appliesTo = appliesTo ? .primary : nil
            return [row(.surgery, also: ["PERIOP-SURGERY", "PERIOP-RP"]), rt]
        case .visceral:
            return [row(.surgery, also: ["PERIOP-SURGERY"])]
        case .extremity, .trunk, .headAndNeck:
            return [
                row(.surgery, also: ["PERIOP-SURGERY"]), row(.regionalLymphadenectomy), row(.postoperativeRT),
                row(.preoperativeRT), row(.postoperativeChemotherapy), row(.preoperativeChemotherapy),
            ]
        }
    }

    /// §7.0 rule 3 (PERIOP-AFTER-RESECTION): one `re_excision` first when a rule produced it,
    /// `surgery` not listed, preoperative modalities only with a re-excision, postoperative kept.
    static func afterResection(
        _ list: [PerioperativeCandidate], facts: CaseFactsV2, producers: [String], reason: inout String?,
        warnings: inout [PlanWarning]
    ) -> [PerioperativeCandidate] {
        guard facts.resection != nil else { return list }
        var margins: [PlanWarning] = []
        var producing: [String] = []
        if MarginEvaluatorV2.reExcision(facts, warnings: &margins) == .advised { producing.append("MARGIN-REEXCISION") }
        for warning in margins where !warnings.contains(warning) { warnings.append(warning) }
        producing += producers
        var result: [PerioperativeCandidate] = []
        if let first = producing.first {
            let row = facts.pack.perioperative.row(first, .reExcision)
            result.append(
                PerioperativeCandidate(
                    row, also: producing + ["PERIOP-SURGERY"],
                    appliesTo: list.first?.appliesTo))
        }
        for candidate in list where candidate.modality != .surgery {
            if candidate.modality.isPreoperative, producing.isEmpty { continue }
            result.append(candidate)
        }
        if result.isEmpty {
            reason =
                facts.isDFSP
                ? "Resected with clear margins: for DFSP the resection is definitive treatment (NCCN-DFSP); follow-up."
                : "Resected with margins > 1 cm or an intact fascial plane: for stage IA/IB the resection is definitive "
                    + "treatment (MSC-NCCN); follow-up."
        }
        return result
    }
}
