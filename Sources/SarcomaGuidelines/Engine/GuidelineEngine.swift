import JSON
/// Applies a validated guideline pack to a case. Pure: no I/O, no clock; the same case and
/// pack always give the same answer, byte for byte.
///
/// A class so that the rules, which call one another dozens of times per assessment, pass
/// the engine (and its pack) as one reference instead of copying the pack's tables.
public final class GuidelineEngine: Sendable {
    public let pack: GuidelinePack

    public init(pack: GuidelinePack) {
        self.pack = pack
    }

    /// One endpoint's answer. Assumes `consistencyIssues(in:)` was empty, but never traps on
    /// any `SarcomaCase`: contradictions are resolved conservatively, with a warning.
    public func evaluate(_ kind: EvaluationKind, for tumorCase: SarcomaCase, explain: Bool = false) -> Evaluation {
        let facts = CaseFacts(tumorCase, pack: pack)
        guard kind != .assessment else { return assess(facts, explain: explain) }
        var log = EvaluationLog(explaining: explain)
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
        Evaluation(
            kind: kind, json: json(body, log: log, explain: explain), report: report([body], log),
            ruleIds: log.fired.map(\.rawValue), warnings: log.warnings)
    }

    /// One family's response body (also an assessment's section).
    func json(_ body: any EvaluationBody, log: EvaluationLog, explain: Bool) -> JSONValue {
        var members = body.jsonMembers
        members.reserveCapacity(members.count + 3)
        members.insert(JSONMember("guidelineVersion", .string(pack.version)), at: 0)
        members.append(JSONMember("warnings", .array(log.warnings.map(\.json))))
        if explain { members.append(JSONMember("trace", .array(log.trace.map(\.json)))) }
        return .object(JSONObject(engineMembers: members))
    }

    /// The plain-text report of these answers, rendered only if asked for.
    func report(_ sections: [any EvaluationBody], _ log: EvaluationLog) -> PlainTextReport {
        PlainTextReport(sections: sections, warnings: log.warnings, packVersion: pack.version, packLabel: pack.label)
    }
}
