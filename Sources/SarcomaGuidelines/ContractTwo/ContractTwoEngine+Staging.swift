import JSON
/// `/v2/staging` (delta §3.4): the AJCC staging of the kept v1 rules, with the DFSP reading of
/// rules §3.5 (no stage group) and the planning grade of GRADE-HISTOLOGY beside the AJCC grade.
/// The other staging additions of rules §4 (STAGE-PLANNING, STAGE-RECURRENCE) are not yet
/// part of this answer.
extension ContractTwoEngine {
    static let dfspStageGroupReason =
        "DFSP: FNCLCC grading does not apply and this pack assigns no AJCC soft tissue sarcoma stage group; "
        + "plan per the DFSP rules"
    /// Carried by staging answers (delta §6): the plan warnings of these codes.
    static let stagingPlanWarnings: Set<String> = [
        "histology_grade_conflict", "histology_grade_unusual", "histology_code_meaning_changed",
        "grade_inferred_from_histology", "grade_not_applicable", "pediatric_protocol_scope", "adolescent_patient",
    ]

    func staging(_ facts: CaseFactsV2, explain: Bool) -> ContractTwoBody {
        let sarcomaCase = facts.tumorCase
        let v1 = kept.evaluate(.staging, for: sarcomaCase, explain: explain)
        var members: [JSONMember] = []
        let dfsp = facts.isDFSP
        for (key, value) in (v1.json.objectValue?.members ?? []).map({ ($0.key, $0.value) }) {
            switch key {
            case "guidelineVersion", "warnings", "trace": continue
            case "stageGroup" where dfsp: members.append(JSONMember(key, .null))
            case "stageGroupReason" where dfsp: members.append(JSONMember(key, .string(Self.dfspStageGroupReason)))
            case "recommendations":
                members.append(JSONMember(key, .array((value.arrayValue ?? []).map(Self.nonTherapy))))
            default: members.append(JSONMember(key, value))
            }
        }
        members.append(
            JSONMember("gradeApplicability", .string(facts.grade.gradeApplicable ? "applicable" : "not_applicable")))
        members.append(JSONMember("planningGrade", .string(facts.grade.planningGrade.rawValue)))

        // v1's "establishing the grade may change the stage" is not given where FNCLCC does not apply (§3.5, §4).
        let keptWarnings = v1.warnings.filter { !(($0.code == .gradeUnknown) && !facts.grade.gradeApplicable) }
        var warnings = keptWarnings.map { ContractTwoWarning(code: $0.code.rawValue, message: $0.message) }
        warnings += facts.planWarnings.filter { Self.stagingPlanWarnings.contains($0.code) }
        if sarcomaCase.tumor.histology == .leiomyosarcoma, sarcomaCase.tumor.site == .visceral,
            sarcomaCase.patient?.sex == .female
        {
            warnings.append(
                .init(
                    code: "possible_uterine_primary",
                    message: "Leiomyosarcoma at a visceral site in a woman: exclude a uterine primary (staged by "
                        + "FIGO / the AJCC corpus uteri chapter, out of scope for this pack)."))
        }
        var trace = (v1.json["trace"]?.arrayValue ?? []).compactMap(RuleTrace.init(json:))
        trace.append(
            RuleTrace(
                ruleId: "GRADE-HISTOLOGY", applied: true,
                reason:
                    "planning grade \(facts.grade.planningGrade.rawValue) (AJCC grade \(facts.stage.grade.grade.rawValue))."
            ))
        if dfsp {
            trace.append(RuleTrace(ruleId: "STAGE-DFSP", applied: true, reason: "DFSP: no AJCC stage group."))
        }
        let ruleIds = v1.ruleIds + facts.grade.ruleIds
        let group = dfsp ? nil : v1.json["stageGroup"]?.stringValue
        let tnm = ["t", "n", "m", "grade"].compactMap { v1.json[$0]?.stringValue }.joined(separator: " ")
        var text = "\(tnm) -> " + (group.map { "stage \($0)" } ?? "no stage group")
        if let reason = dfsp ? Self.dfspStageGroupReason : v1.json["stageGroupReason"]?.stringValue {
            text += " (\(reason))"
        }
        text += "; planning grade \(facts.grade.planningGrade.rawValue)"
        let cited = (v1.json["recommendations"]?.arrayValue ?? []).compactMap { $0["ruleId"]?.stringValue }
        return ContractTwoBody(
            members: members, warnings: warnings, ruleIds: ruleIds, trace: trace,
            lines: [
                .init(label: "Staging", text: text, rules: cited + ["GRADE-HISTOLOGY"] + (dfsp ? ["STAGE-DFSP"] : []))
            ])
    }
}

extension ContractTwoEngine {
    /// A v1 recommendation object with the delta §3.1 fields of a non-therapy recommendation.
    static func nonTherapy(_ recommendation: JSONValue) -> JSONValue {
        guard case .object(var object) = recommendation else { return recommendation }
        object["categoryBasis"] = .string(CategoryBasis.none.rawValue)
        object["categorySource"] = JSONValue.null
        object["evidenceType"] = JSONValue.null
        object["evidenceYear"] = JSONValue.null
        object["categoryDisplay"] = JSONValue.null
        return .object(object)
    }
}

extension RuleTrace {
    /// A trace entry of a kept v1 answer.
    init?(json: JSONValue) {
        guard let ruleId = json["ruleId"]?.stringValue, let applied = json["applied"]?.boolValue,
            let reason = json["reason"]?.stringValue
        else { return nil }
        self.init(ruleId: ruleId, applied: applied, reason: reason)
    }
}
