/// `POST /v1/assessment`: the five answers together, each exactly its own endpoint's body,
/// with the union of their warnings (each once) at the top.
extension GuidelineEngine {
    static let assessedKinds: [EvaluationKind] = [.staging, .margins, .imaging, .perioperative, .palliative]

    func assess(_ facts: CaseFacts, explain: Bool) -> Evaluation {
        var members: [(String, JSONValue)] = [("guidelineVersion", .string(pack.version))]
        var union = EvaluationLog()
        var sections: [(String, JSONValue)] = []
        var report = PlainTextReport()
        for kind in Self.assessedKinds {
            var log = EvaluationLog()
            let body = self.body(kind, facts, &log)
            sections.append((kind.rawValue, evaluation(kind, body: body, log: log, explain: explain).json))
            report.append(contentsOf: body.reportLines)
            union.absorb(log)
        }
        members.append(("warnings", .array(union.warnings.map(\.json))))
        members += sections
        report.append(contentsOf: footer(union))
        return Evaluation(kind: .assessment, json: .object(JSONObject(members)), plainText: report.render(),
                          ruleIds: union.fired.map(\.rawValue), warnings: union.warnings)
    }
}
