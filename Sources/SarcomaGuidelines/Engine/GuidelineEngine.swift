/// Applies a validated guideline pack to a case. Pure: no I/O, no clock; the same case and
/// pack always give the same answer, byte for byte.
public struct GuidelineEngine: Sendable {
    public let pack: GuidelinePack

    public init(pack: GuidelinePack) {
        self.pack = pack
    }

    /// One endpoint's answer. Assumes `consistencyIssues(in:)` was empty, but never traps on
    /// any `SarcomaCase`: contradictions are resolved conservatively, with a warning.
    public func evaluate(_ kind: EvaluationKind, for tumorCase: SarcomaCase, explain: Bool = false) -> Evaluation {
        let facts = CaseFacts(tumorCase, pack: pack)
        guard kind != .assessment else { return assess(facts, explain: explain) }
        var log = EvaluationLog()
        let body = self.body(kind, facts, &log)
        return evaluation(kind, body: body, log: log, explain: explain)
    }

    /// The family answer for one of the five single kinds (`assessment` is composed from
    /// them by `assess`, so it never comes here; staging stands in to keep this total).
    func body(_ kind: EvaluationKind, _ facts: CaseFacts, _ log: inout EvaluationLog) -> any EvaluationBody {
        switch kind {
        case .staging, .assessment: stage(facts, &log)
        case .margins: planMargins(facts, &log)
        case .imaging: planImaging(facts, &log)
        case .perioperative: planPerioperative(facts, &log)
        case .palliative: planPalliative(facts, &log)
        }
    }

    /// `{"guidelineVersion", <family members>, "warnings", "trace"?}` and the plain text.
    func evaluation(_ kind: EvaluationKind, body: any EvaluationBody, log: EvaluationLog, explain: Bool) -> Evaluation {
        var members: [(String, JSONValue)] = [("guidelineVersion", .string(pack.version))]
        members += body.jsonMembers
        members.append(("warnings", .array(log.warnings.map(\.json))))
        if explain { members.append(("trace", .array(log.trace.map(\.json)))) }
        var report = PlainTextReport()
        report.append(contentsOf: body.reportLines)
        report.append(contentsOf: footer(log))
        return Evaluation(kind: kind, json: .object(JSONObject(members)), plainText: report.render(),
                          ruleIds: log.fired.map(\.rawValue), warnings: log.warnings)
    }

    /// The warnings, one per line, and the pack version.
    func footer(_ log: EvaluationLog) -> [ReportLine] {
        var lines: [ReportLine] = []
        for (index, warning) in log.warnings.enumerated() {
            lines.append(ReportLine(label: index == 0 ? "Warnings" : "", text: warning.message))
        }
        lines.append(ReportLine(label: "", text: "guideline pack \(pack.version) (\(pack.label))"))
        return lines
    }
}
