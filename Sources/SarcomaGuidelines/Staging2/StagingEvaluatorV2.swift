import JSON

/// Staging of pack 2026.12-1 (clinical rules §4): STAGE-TE/-RP/-HN/-VI kept exactly (the AJCC
/// group), STAGE-PLANNING beside it, STAGE-RECURRENCE (rTNM display), STAGE-DFSP (no AJCC STS
/// group) and STAGE-PEDIATRIC (computed, with the scope warning).
public enum StagingEvaluatorV2 {
    static let dfspReason =
        "DFSP: FNCLCC grading does not apply and this pack assigns no AJCC soft tissue sarcoma stage group; plan per the DFSP rules"

    public static func evaluate(_ facts: CaseFactsV2) -> StagingSectionV2 {
        let stage = facts.stage
        let classification: StagingSectionV2.Classification = facts.recurrent ? .recurrence : .clinical
        let prefix = classification == .recurrence ? "r" : ""
        let displayTnm =
            "\(prefix)\(stage.t.rawValue) \(stage.n.rawValue) \(stage.m.rawValue) \(stage.grade.grade.rawValue)"
        var stageGroup = stage.stageGroup
        var reason = stage.stageGroupReason
        if facts.isDFSP {
            stageGroup = nil
            reason = dfspReason
        }
        var warnings = facts.stagingWarnings
        warnings += facts.grade.warnings
        warnings += facts.pathway.warnings.filter { stagingWarningCodes.contains($0.code) }
        if facts.histology.code == "leiomyosarcoma", facts.site == .visceral, facts.tumorCase.patient?.sex == .female {
            // §3.1 heuristic (G9): no decision changes.
            warnings.append(
                PlanWarning(
                    code: "possible_uterine_primary",
                    message: "Visceral leiomyosarcoma in a female patient: if the primary is uterine, it is staged by "
                        + "FIGO / the AJCC corpus uteri chapter and is out of scope of this pack"))
        }

        var recommendations = stage.recommendations.map { v1 in
            RecommendationV2(
                ruleId: v1.ruleID.rawValue, ruleIds: v1.ruleIDs.map(\.rawValue), rationale: v1.rationale,
                source: v1.source, evidence: v1.evidence.sentences)
        }
        let book = facts.pack.staging.book
        if facts.isDFSP {
            recommendations.append(book["STAGE-DFSP"].recommendation(also: ["SCOPE-DFSP"]))
        }
        if facts.scope == .pediatricProtocol {
            recommendations.append(book["STAGE-PEDIATRIC"].recommendation(also: ["SCOPE-PEDIATRIC"]))
        }
        if facts.planningStageGroup != stageGroup || facts.planningGrade.rawValue != stage.grade.grade.rawValue {
            let planned =
                facts.planningStageGroup.map { "planning stage group \($0.rawValue)" }
                ?? "no planning stage group (\(facts.planningStageGroupReason ?? ""))"
            recommendations.append(
                book["STAGE-PLANNING"].recommendation(
                    also: facts.grade.ruleIds,
                    rationale: "Planning grade \(facts.planningGrade.rawValue): \(planned). "
                        + book["STAGE-PLANNING"].rationale))
        }
        if classification == .recurrence {
            recommendations.append(
                book["STAGE-RECURRENCE"].recommendation(
                    rationale: "Shown as \(displayTnm). " + book["STAGE-RECURRENCE"].rationale))
        }
        var trace = facts.stagingTrace
        trace.append(
            .applied(
                "GRADE-HISTOLOGY",
                "\(facts.histology.code ?? "histology not given") (\(facts.histology.gradePolicy.kind.rawValue)), AJCC grade "
                    + "\(stage.grade.grade.rawValue) -> planning grade \(facts.planningGrade.rawValue)"))
        trace.append(
            .applied(
                "STAGE-PLANNING",
                facts.planningStageGroup.map { "planning stage group \($0.rawValue)" }
                    ?? "no planning stage group: \(facts.planningStageGroupReason ?? "")"))
        trace.append(
            classification == .recurrence
                ? .applied("STAGE-RECURRENCE", "presentation recurrent -> \(displayTnm)")
                : .notApplied("STAGE-RECURRENCE", "the presentation is not stated as recurrent"))
        trace.append(
            facts.isDFSP
                ? .applied("STAGE-DFSP", "DFSP: no AJCC soft tissue sarcoma stage group")
                : .notApplied("STAGE-DFSP", "not dermatofibrosarcoma protuberans"))
        if facts.scope == .pediatricProtocol {
            trace.append(
                .applied("STAGE-PEDIATRIC", "pediatric-protocol scope: the AJCC group is shown for information"))
        }
        return StagingSectionV2(
            classification: classification, displayTnm: displayTnm, t: stage.t, n: stage.n, m: stage.m,
            grade: stage.grade.grade, stageGroup: stageGroup, stageGroupReason: reason,
            gradeApplicable: facts.grade.gradeApplicable, planningGrade: facts.planningGrade,
            planningStageGroup: facts.planningStageGroup, planningStageGroupReason: facts.planningStageGroupReason,
            recommendations: recommendations, warnings: warnings, trace: trace,
            v1Members: v1Members(stage, group: stageGroup, reason: reason))
    }

    /// Scope and pathway warnings the staging answer carries (delta §6 "carried by").
    static let stagingWarningCodes: Set<String> = [
        "pediatric_protocol_scope", "adolescent_patient", "histology_code_meaning_changed",
    ]

    /// The v1 staging members (contract v1 names), with the v2 group and reason.
    private static func v1Members(_ stage: StageAssignment, group: StageGroup?, reason: String?) -> [JSONMember] {
        var members: [JSONMember] = []
        for member in stage.jsonMembers where member.key != "recommendations" {
            switch member.key {
            case "stageGroup": members.append(JSONMember("stageGroup", group.map { .string($0.rawValue) } ?? .null))
            case "stageGroupReason":
                members.append(JSONMember("stageGroupReason", reason.map(JSONValue.string) ?? .null))
            default: members.append(member)
            }
        }
        return members
    }
}
