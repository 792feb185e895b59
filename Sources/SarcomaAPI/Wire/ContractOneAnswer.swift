import JSON
import SarcomaGuidelines

/// A `/v1` evaluation answer (contract delta §0.3): pack 2026.11-1's answer for the case it
/// can read (`ContractOneReading`), then the delta's warnings appended as the last elements of
/// the top-level `warnings` array, and as the last lines of the text, so removing them gives
/// the pack 2026.11-1 answer byte for byte.
struct ContractOneAnswer {
    var json: JSONValue
    private let evaluation: Evaluation
    private let warnings: [(code: String, message: String)]

    /// Rendered only when asked for: the text report costs more than the whole JSON answer
    /// (callgrind: 92 % of a JSON `POST /v1/assessment` went to a text nobody read).
    var plainText: String { evaluation.plainText + warnings.map { $0.message + "\n" }.joined() }

    /// `superseded` is the `superseded_pack` warning, last of all (nil when no successor is loaded).
    init(
        _ kind: EvaluationKind, for sarcomaCase: SarcomaCase, engine: GuidelineEngine, explain: Bool,
        superseded: (code: String, message: String)?
    ) {
        let reading = ContractOneReading(sarcomaCase, packVersion: engine.pack.version)
        let evaluation = engine.evaluate(kind, for: reading.sarcomaCase, explain: explain)
        let warnings = reading.warnings + (superseded.map { [$0] } ?? [])
        self.evaluation = evaluation
        self.warnings = warnings
        json = Self.appending(warnings, to: evaluation.json)
    }

    static func appending(_ warnings: [(code: String, message: String)], to json: JSONValue) -> JSONValue {
        guard !warnings.isEmpty, case .object(var body) = json, case .array(var list)? = body["warnings"] else {
            return json
        }
        for warning in warnings {
            list.append(.object(JSONObject([("code", .string(warning.code)), ("message", .string(warning.message))])))
        }
        body["warnings"] = .array(list)
        return .object(body)
    }
}
