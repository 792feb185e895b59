import JSON
import SarcomaGuidelines

/// The endpoints the peer servers answer, byte for byte the way sarcoma-guide does:
/// `GET /health`, `POST /v1/validate` and `POST /v1/assessment`. The HTTP frameworks only
/// move bytes in and out, so a comparison measures the servers and not the handlers.
public struct GuidelineEndpoints: Sendable {
    public let engine: GuidelineEngine
    private let decoder = CaseDecoder()

    public init(engine: GuidelineEngine) {
        self.engine = engine
    }

    /// Loads the guideline pack from a folder of `*.json` files.
    public init(guidelinesFolder: String) throws {
        self.init(engine: GuidelineEngine(pack: try PackFolder.load(guidelinesFolder)))
    }

    public static let maxBodyBytes = 1_048_576

    public static let health = Reply(status: 200, contentType: Reply.jsonType, body: Array(#"{"status":"ok"}"#.utf8))

    /// The case as it would be stored (normalized), or the 400/422 problem a create would give.
    public func validate(_ body: [UInt8]) -> Reply {
        switch read(body) {
        case .valid(let sarcomaCase):
            Reply(status: 200, contentType: Reply.jsonType, body: CaseEncoder().bytes(sarcomaCase))
        case .refused(let problem):
            problem
        }
    }

    /// All five evaluations of a case.
    public func assessment(_ body: [UInt8]) -> Reply {
        switch read(body) {
        case .valid(let sarcomaCase):
            let evaluation = engine.evaluate(.assessment, for: sarcomaCase, explain: false)
            return Reply(status: 200, contentType: Reply.jsonType, body: JSONWriter.compact.bytes(evaluation.json))
        case .refused(let problem):
            return problem
        }
    }

    private enum Reading {
        case valid(SarcomaCase)
        case refused(Reply)
    }

    /// Decode, then the engine's consistency checks, as the service's request reader does.
    private func read(_ body: [UInt8]) -> Reading {
        switch decoder.decode(body) {
        case .failure(.malformedJSON(let error)):
            .refused(ProblemReply.make(400, title: "Malformed JSON", detail: "the body is not valid JSON: \(error)"))
        case .failure(.invalid(let issues)):
            .refused(ProblemReply.validation(issues))
        case .success(let sarcomaCase):
            Self.consistency(engine.consistencyIssues(in: sarcomaCase), sarcomaCase)
        }
    }

    private static func consistency(_ issues: [FieldIssue], _ sarcomaCase: SarcomaCase) -> Reading {
        issues.isEmpty ? .valid(sarcomaCase) : .refused(ProblemReply.validation(issues))
    }
}
