import JSON
/// `POST /v1/assessment`: the five answers together, each exactly its own endpoint's body,
/// with the union of their warnings (each once) at the top.
extension GuidelineEngine {
    static let assessedKinds: [EvaluationKind] = [.staging, .margins, .imaging, .perioperative, .palliative]

    func assess(_ facts: CaseFacts, explain: Bool) -> Evaluation {
        var members: JSONMembers = [JSONMember("guidelineVersion", .string(pack.version))]
        var union = EvaluationLog(explaining: explain)
        var sections: JSONMembers = []
        var bodies: [any EvaluationBody] = []
        var staged: (assignment: StageAssignment, log: EvaluationLog)?
        for kind in Self.assessedKinds {
            var log = EvaluationLog(explaining: explain)
            let body: any EvaluationBody
            switch kind {
            case .staging:
                // Staged once: the perioperative answer reuses it (with its warnings and trace).
                let assignment = stage(facts, &log)
                staged = (assignment, log)
                body = assignment
            case .perioperative:
                body = planPerioperative(facts, &log, staged: staged)
            default:
                body = self.body(kind, facts, &log)
            }
            sections.append(JSONMember(kind.rawValue, json(body, log: log, explain: explain)))
            bodies.append(body)
            union.absorb(log)
        }
        members.append(JSONMember("warnings", .array(union.warnings.map(\.json))))
        members += sections
        return Evaluation(
            kind: .assessment, json: .object(JSONObject(engineMembers: members)), report: report(bodies, union),
            ruleIds: union.fired.map(\.rawValue), warnings: union.warnings)
    }
}
