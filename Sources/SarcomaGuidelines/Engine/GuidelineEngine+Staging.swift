/// AJCC 8 staging: T by the site group's method, N and M (defaults announced), grade, and the
/// stage group from the group's table (rules STAGE-TE, STAGE-RP, STAGE-HN, STAGE-VI).
extension GuidelineEngine {
    func stage(_ facts: CaseFacts, _ log: inout EvaluationLog) -> StageAssignment {
        let group = pack.staging.group(for: facts.site)
        noteGrade(facts, &log)
        noteInapplicableFields(facts, group: group, &log)
        let (t, tBasis) = tCategory(facts, group: group)
        let n = facts.nodes(&log)
        let m = facts.metastasis(&log)
        let grade = facts.grade.grade
        if grade == .gx {
            log.warn(
                .gradeUnknown,
                "Grade not given and not computable (GX): staged with the AJCC GX column;"
                    + " establishing the grade may change the stage.")
        }

        let stageGroup: StageGroup?
        let reason: String?
        let row = group.stageTable.flatMap { $0.row(t, n, m, grade) }
        if let row {
            stageGroup = row.group
            reason = row.group == nil ? row.reason : nil
        } else {
            stageGroup = nil
            reason =
                group.noStageGroupReason
                ?? "No stage-group row matches \(t.rawValue) \(n.rawValue) \(m.rawValue) \(grade.rawValue)."
        }
        var assignment = StageAssignment(
            siteGroup: group, t: t, tBasis: tBasis, n: n, nodesStated: facts.tumor.nodes != nil, m: m,
            metastasisStated: facts.tumor.metastasis != nil, grade: facts.grade, sizeCm: facts.sizeCm,
            stageGroup: stageGroup, stageGroupReason: reason, ajccEdition: pack.staging.ajccEdition, recommendations: []
        )

        // STAGE-* for the case's site group; the others were not this site's.
        log.applied(
            group.ruleID,
            "\(assignment.tnmg) (T: \(tBasis)) -> \(assignment.groupText) ("
                + (row.map { "rows[\($0.index)] of the \(group.label) table" }
                    ?? "AJCC 8 defines no stage groups for \(group.label)") + ")")
        for other in pack.staging.siteGroups where other.ruleID != group.ruleID {
            log.notApplied(other.ruleID, "site \(facts.site.rawValue) is staged as \(group.label).")
        }
        let tnmg = assignment.tnmg
        let rationale =
            stageGroup != nil
            ? String(sentence: [
                "AJCC 8, ", group.label, ": ", tnmg, " (T from ", tBasis, ") is ", assignment.groupText, ".",
            ])
            : String(sentence: [
                "AJCC 8, ", group.label, ": ", tnmg, " (T from ", tBasis, "); no stage group. ", reason ?? "",
            ])
        var recommendations = [
            Recommendation.citing(
                group.ruleID, also: facts.grade.score == nil ? [] : [pack.grading.ruleID],
                text: GuidanceText(rationale: rationale, evidence: []), pack: pack)
        ]
        if let score = facts.grade.score {
            recommendations.append(
                Recommendation.citing(
                    pack.grading.ruleID,
                    text: GuidanceText(
                        rationale: String(sentence: [
                            "FNCLCC grade: ", score.arithmetic, ", ", score.grade.rawValue, ".",
                        ]), evidence: []),
                    pack: pack))
        }
        assignment.recommendations = recommendations
        return assignment
    }

    /// GRADE-FNCLCC: traced whenever the grade was looked at; warnings for partial components
    /// and for a conflict that slipped past `consistencyIssues`.
    private func noteGrade(_ facts: CaseFacts, _ log: inout EvaluationLog) {
        let grade = facts.grade
        if let score = grade.score {
            log.applied(
                pack.grading.ruleID,
                "FNCLCC \(score.arithmetic) -> \(score.grade.rawValue)"
                    + (grade.stated.map {
                        ", the stated grade \($0.number ?? 0)" + (grade.conflicts ? " disagrees" : " agrees")
                    } ?? ""))
            if grade.conflicts {
                log.warn(
                    .gradeConflict,
                    "Stated grade and FNCLCC components disagree: the higher grade, \(grade.grade.rawValue), is used.")
            }
            return
        }
        if !grade.missingComponents.isEmpty {
            log.warn(
                .fnclccIncomplete,
                "FNCLCC components incomplete (missing \(grade.missingComponents.joined(separator: ", "))): no score computed."
            )
        }
        let basis = grade.stated.map { "stated grade \($0.number ?? 0) used" } ?? "grade unknown (GX)"
        let why =
            grade.missingComponents.isEmpty
            ? "FNCLCC components not given"
            : "FNCLCC components incomplete (missing \(grade.missingComponents.joined(separator: ", ")))"
        log.notApplied(pack.grading.ruleID, "\(why); \(basis).")
    }

    private func noteInapplicableFields(_ facts: CaseFacts, group: SiteGroupStaging, _ log: inout EvaluationLog) {
        let tumor = facts.tumor
        var ignored: [String] = []
        if case .sizeAndInvasion = group.tMethod {
        } else if tumor.headNeckInvasion != nil {
            ignored.append("headNeckInvasion")
        }
        if case .visceralExtent = group.tMethod {
        } else {
            if tumor.visceralExtent != nil { ignored.append("visceralExtent") }
            if tumor.multifocalSites != nil { ignored.append("multifocalSites") }
        }
        for field in ignored {
            log.warn(.fieldNotApplicable, "\(field) does not apply to site \(facts.site.rawValue): ignored.")
        }
    }

    /// T by the site group's method; TX with the reason when the input lacks what T needs.
    private func tCategory(_ facts: CaseFacts, group: SiteGroupStaging) -> (TCategory, String) {
        switch group.tMethod {
        case .size(let scale):
            return sizeT(facts.sizeCm, scale: scale)
        case .sizeAndInvasion(let scale, let invasions):
            let findings = Set(facts.tumor.headNeckInvasion ?? [])
            for level in invasions where !level.findings.isDisjoint(with: findings) {
                let named = level.findings.intersection(findings).map(\.rawValue).sorted().joined(separator: ", ")
                return (level.t, "invasion of \(named), which overrides size")
            }
            return sizeT(facts.sizeCm, scale: scale)
        case .visceralExtent(let extentT, let from, let multifocal):
            if let sites = facts.tumor.multifocalSites, sites >= from {
                return (multifocal.value(for: Double(sites)), "multifocal, \(sites) sites")
            }
            if let extent = facts.tumor.visceralExtent, let t = extentT[extent] {
                return (t, "extent \(extent.rawValue)")
            }
            return (.tx, "organ extent not given")
        }
    }

    private func sizeT(_ size: Double?, scale: ThresholdScale<TCategory>) -> (TCategory, String) {
        guard let size else { return (.tx, "size not given") }
        return (
            scale.value(for: size),
            String(sentence: [CaseFacts.centimetres(size), " cm, ", scale.boundText(for: size), " cm"])
        )
    }
}
