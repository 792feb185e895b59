import JSON
/// `/v2/palliative` (delta §3.4): indicated only on the pathways `advanced` and
/// `best_supportive_care` (PALL-NOT-LOCALIZED, changed); there the options of the systemic
/// family (rules §8) in rank order. Elsewhere no line, no options, and the reason names the
/// pathway.
extension ContractTwoEngine {
    func palliative(_ facts: CaseFactsV2) throws(SystemicInputError) -> ContractTwoBody {
        let decision = facts.pathway
        var warnings = facts.defaults + facts.planWarnings
        var trace = [
            RuleTrace(
                ruleId: "SCOPE-PATHWAY", applied: true,
                reason:
                    "row \(decision.pathwayRow): pathway \(decision.pathway.rawValue), scope \(decision.scope.rawValue)."
            )
        ]
        var head: [JSONMember] = [
            JSONMember("scope", .string(decision.scope.rawValue)),
            JSONMember("pathway", .string(decision.pathway.rawValue)),
            JSONMember("intent", .string(decision.intent.rawValue)),
        ]
        let panel = facts.inputs.biomarkers
        let status = JSONValue.object(
            JSONObject(
                engineMembers: Biomarker.allCases.map { JSONMember($0.rawValue, .string(panel.status($0).rawValue)) }))
        guard decision.palliativeIndicated, let pathway = decision.pathway.systemicPathway else {
            let reason = decision.pathway.notIndicatedReason ?? ""
            trace.append(RuleTrace(ruleId: "PALL-NOT-LOCALIZED", applied: true, reason: reason + "."))
            head += [
                JSONMember("indicated", .bool(false)), JSONMember("line", .null), JSONMember("lineContext", .null),
                JSONMember("bestSupportiveCare", .bool(false)), JSONMember("options", .array([])),
                JSONMember("notRecommended", .array([])), JSONMember("investigational", .array([])),
                JSONMember("biomarkerStatus", status), JSONMember("reason", .string(reason)),
                JSONMember("recommendations", .array([])),
            ]
            return ContractTwoBody(
                members: head, warnings: warnings, ruleIds: decision.ruleIds, trace: trace,
                lines: [
                    .init(label: "Pathway", text: Self.pathwayText(decision), rules: ["SCOPE-PATHWAY"]),
                    .init(label: "Palliative", text: "not indicated: \(reason)", rules: ["PALL-NOT-LOCALIZED"]),
                ])
        }
        let answer = try SystemicEvaluator(table: pack.systemic).evaluate(facts.systemicCase(on: pathway))
        warnings = warnings.map {
            ContractTwoWarning(answer.namingLeftOut(PlanWarning(code: $0.code, message: $0.message)))
        }
        warnings += answer.warnings.map { ContractTwoWarning(code: $0.code, message: $0.message) }
        head += [
            JSONMember("indicated", .bool(true)), JSONMember("line", .string(answer.line.rawValue)),
            JSONMember("lineContext", .string(answer.lineContext.rawValue)),
            JSONMember("bestSupportiveCare", .bool(answer.bestSupportiveCare)),
            JSONMember("options", .array(answer.options.map(\.json))),
            JSONMember("notRecommended", .array(answer.notRecommended.map(\.json))),
            JSONMember("investigational", answer.investigationalJSON),
            JSONMember("biomarkerStatus", status), JSONMember("reason", .null),
            JSONMember("recommendations", .array([])),
        ]
        for option in answer.options {
            trace.append(
                RuleTrace(
                    ruleId: option.ruleId, applied: true,
                    reason: "\(option.agent.rawValue) listed, rank \(option.rank)."))
        }
        for item in answer.notRecommended {
            trace.append(
                RuleTrace(
                    ruleId: item.ruleId, applied: false,
                    reason: "\(item.agent.rawValue) not recommended (\(item.reasonCode.rawValue)): \(item.reason)"))
        }
        for row in answer.outsideThisLine {
            // The agent may still be in this answer through another row (trabectedin first line
            // for a non-candidate, PALL-NON-ANTHRACYCLINE-FIRST): the trace says so, never that
            // the agent "is not an option" beside the option that lists it.
            let agent = row.agent.rawValue
            let elsewhere: String
            if let option = answer.option(row.agent) {
                elsewhere = "this row does not apply; \(agent) is listed under \(option.ruleId)"
            } else if let item = answer.withheld(row.agent) {
                elsewhere = "this row does not apply; \(agent) is not recommended (\(item.reasonCode.rawValue))"
            } else {
                elsewhere = "\(agent) is not an option in it"
            }
            trace.append(
                RuleTrace(
                    ruleId: row.ruleId, applied: false,
                    reason: "this is \(Self.lineWords(answer.lineContext)): \(elsewhere)."))
        }
        let names = AgentDisplay(sets: pack.systemic.sets)
        var lines: [ContractTwoText.Line] = [
            .init(label: "Pathway", text: Self.pathwayText(decision), rules: ["SCOPE-PATHWAY"]),
            .init(
                label: "Palliative",
                text: "\(answer.line.rawValue) line (\(Self.words(answer.lineContext.rawValue))):",
                rules: []),
        ]
        let text = SystemicText(names: names)
        lines += text.options(answer.options)
        lines += text.withheld(answer.notRecommended)
        for item in answer.investigational {
            lines.append(
                .init(
                    label: "Investig.", text: "\(names.name(item.agent)): \(item.reason)", rules: [item.ruleId]))
        }
        let ruleIds =
            decision.ruleIds + answer.options.flatMap(\.ruleIds) + answer.notRecommended.flatMap(\.ruleIds)
            + answer.investigational.map(\.ruleId)
        return ContractTwoBody(members: head, warnings: warnings, ruleIds: ruleIds, trace: trace, lines: lines)
    }

    /// A snake_case code as words ("best supportive care").
    static func words(_ code: String) -> String { code.split(separator: "_").joined(separator: " ") }

    static let scopeWords: [TreatmentScope: String] = [
        .adultSTS: "adult soft tissue sarcoma", .pediatricProtocol: "pediatric protocol", .dfsp: "DFSP",
    ]

    static func pathwayText(_ decision: PathwayDecision) -> String {
        return
            "\(words(decision.pathway.rawValue)) (\(decision.intent.rawValue) intent); scope \(scopeWords[decision.scope] ?? words(decision.scope.rawValue))"
    }

    /// REND-WORDING: "the first line" / "the subsequent line" (and the FA context by name).
    static func lineWords(_ context: LineContext) -> String {
        switch context {
        case .first: "the first line"
        case .firstAfterPerioperativeAnthracycline: "the first line after perioperative anthracycline"
        case .subsequent: "the subsequent line"
        }
    }
}
