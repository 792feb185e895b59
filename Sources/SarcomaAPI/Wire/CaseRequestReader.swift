import JSON
import HTTPServer
import SarcomaGuidelines

/// Reads a case from a request body exactly as a create would: media type, JSON syntax
/// (400), structure and codes (422, from `CaseDecoder`), then clinical consistency (422,
/// from the engine, e.g. a stated grade that contradicts its FNCLCC components).
///
/// `rules` says which inter-member checks bind: `.contractTwo` for case writes and `/v2`
/// evaluations (delta §1 conflicts and CONS-WDLS-GRADE, delta §2), `.contractOne` for the
/// `/v1` evaluations, which keep v1's checks (delta §0.3).
struct CaseRequestReader: Sendable {
    let engine: GuidelineEngine
    let rules: CaseDecoder.CrossFieldRules
    let decoder: CaseDecoder

    init(engine: GuidelineEngine, rules: CaseDecoder.CrossFieldRules = .contractTwo) {
        self.engine = engine
        self.rules = rules
        decoder = CaseDecoder(crossFieldRules: rules)
    }

    /// Members the server manages; a client may send them back as GET returned them.
    static let serverManagedKeys: Set<String> = ["id", "createdAt", "updatedAt", "version"]

    func read(_ request: HTTPRequest, ignoring ignored: Set<String> = []) throws(Problem) -> SarcomaCase {
        try readWithDocument(request, ignoring: ignored).sarcomaCase
    }

    /// The case and the JSON it came from, parsed once: PUT also needs the body's `id`.
    func readWithDocument(_ request: HTTPRequest, ignoring ignored: Set<String> = [])
        throws(Problem) -> (sarcomaCase: SarcomaCase, document: JSONValue)
    {
        try Self.requireJSONContent(request)
        let document: JSONValue
        do {
            document = try JSONParser(maxDepth: decoder.maxDepth).parse(request.body)
        } catch {
            switch error.reason {
            case .numberOutOfRange, .depthLimitExceeded:
                // Grammatical JSON that no case can contain: a schema problem (422), not syntax.
                throw Problem.validation([FieldIssue(pointer: "", detail: "\(error)")])
            default:
                throw Problem.malformedJSON("the body is not valid JSON: \(error)")
            }
        }
        switch decoder.decode(document, ignoringTopLevelKeys: ignored) {
        case .failure(.malformedJSON(let error)):
            throw Problem.malformedJSON("the body is not valid JSON: \(error)")
        case .failure(.invalid(let issues)):
            throw Problem.validation(issues)
        case .success(let sarcomaCase):
            let issues = consistencyIssues(in: sarcomaCase)
            guard issues.isEmpty else { throw Problem.validation(issues) }
            return (sarcomaCase, document)
        }
    }

    /// The engine's clinical checks (v1 GRADE-FNCLCC), plus CONS-WDLS-GRADE under `.contractTwo`.
    func consistencyIssues(in sarcomaCase: SarcomaCase) -> [FieldIssue] {
        var issues = engine.consistencyIssues(in: sarcomaCase)
        if rules == .contractTwo,
            let wdls = GradeHistologyRule.wdlsGradeIssue(in: sarcomaCase.tumor, gradedBy: engine.pack)
        {
            issues.append(wdls)
        }
        return issues
    }

    /// A stored document was valid when written; if the pack changed since, say so rather
    /// than evaluate it. Read with v1's inter-member checks only: a case written before pack
    /// 2026.12-1 (an ALT/WDLS with G2/G3) is still evaluated, as rules §3.2 says.
    func readStored(_ document: [UInt8]) throws(Problem) -> SarcomaCase {
        switch CaseDecoder(maxDepth: decoder.maxDepth, crossFieldRules: .contractOne).decode(document) {
        case .success(let sarcomaCase):
            return sarcomaCase
        case .failure(let error):
            throw Problem(
                status: 409, slug: "stored-case-invalid", title: "Stored case no longer valid",
                detail: "the stored case does not pass today's validation (\(error)); replace it with PUT")
        }
    }

    static func requireJSONContent(_ request: HTTPRequest) throws(Problem) {
        guard let contentType = request.headers["Content-Type"] else { return }
        let mediaType = contentType.split(separator: ";").first.map { String($0).trimmingWhitespace.lowercased() } ?? ""
        // curl's `-d` labels bodies as form data; clinicians type that by hand, so it is read
        // as JSON too (a body that is not JSON still gets a 400 saying so).
        let acceptable =
            mediaType == "application/json" || mediaType == "application/x-www-form-urlencoded"
            || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
        guard acceptable else {
            throw Problem.unsupportedMediaType(contentType)
        }
    }
}
