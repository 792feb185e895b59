import CaseStore
import HTTPServer
import JSON
import SarcomaGuidelines

/// Contract v2 under `/v2` (delta §0.4): the sections whose rules exist
/// (`ContractTwoSection`), stateless (`POST /v2/<section>`) and on stored cases
/// (`GET /v2/cases/{id}/<section>`, recorded like v1's with the pack used). Same body, status
/// codes, problems and roles as v1; the case passes the case-write checks (delta §2).
/// `?guidelineVersion=` picks a loaded contract-2 pack; the default is the newest.
struct ContractTwoRoutes: Sendable {
    let store: any CaseStore
    let library: GuidelineLibrary
    /// One engine per loaded contract-2 pack, by version.
    let engines: [String: ContractTwoEngine]
    let reader: CaseRequestReader

    init(store: any CaseStore, library: GuidelineLibrary, kept: GuidelineEngine, reader: CaseRequestReader) {
        self.store = store
        self.library = library
        var engines: [String: ContractTwoEngine] = [:]
        for pack in library.contractTwo { engines[pack.version] = ContractTwoEngine(pack: pack, kept: kept) }
        self.engines = engines
        self.reader = reader
    }

    static let query: Set<String> = ["explain", "pretty", "guidelineVersion"]

    /// The case-storage routes with no `/v2` alias (delta §0.4), by the methods their `/v1`
    /// path has, each answered 404 naming the `/v1` path to use.
    static let storageAliases: [(method: String, template: String, v1: String)] = [
        ("GET", "/v2/cases", "/v1/cases"), ("POST", "/v2/cases", "/v1/cases"),
        ("GET", "/v2/cases/{id}", "/v1/cases/{id}"), ("PUT", "/v2/cases/{id}", "/v1/cases/{id}"),
        ("DELETE", "/v2/cases/{id}", "/v1/cases/{id}"), ("POST", "/v2/validate", "/v1/validate"),
        ("POST", "/v2/fhir/import", "/v1/fhir/import"),
    ]

    func register(into router: inout RouterBuilder) {
        for section in ContractTwoSection.allCases {
            router.add(
                "POST", "/v2/\(section.rawValue)",
                Endpoint.handler(query: Self.query) { request throws(Problem) in
                    try evaluateSent(section, request)
                })
            router.add(
                "GET", "/v2/cases/{id}/\(section.rawValue)",
                Endpoint.handler(query: Self.query) { request throws(Problem) in
                    try evaluateStored(section, request)
                })
        }
        router.add(
            "POST", "/v2/assessment",
            Endpoint.handler(query: Self.query) { request throws(Problem) in try assessSent(request) })
        router.add(
            "GET", "/v2/cases/{id}/assessment",
            Endpoint.handler(query: Self.query) { request throws(Problem) in try assessStored(request) })
        for alias in Self.storageAliases {
            router.add(
                alias.method, alias.template,
                { request in
                    ProblemPresenter.response(
                        for: Problem.notFound(
                            "case storage has no /v2 path: use \(alias.method) \(alias.v1) (a stored case is shared by both contract versions)"
                        ), requestID: request.requestID)
                })
        }
    }

    /// The engine of `?guidelineVersion=`, or of the newest contract-2 pack (delta §0.4).
    func engine(for request: HTTPRequest) throws(Problem) -> ContractTwoEngine {
        let loaded = library.contractTwo.map(\.version)
        guard let version = request.queryValue("guidelineVersion") ?? library.newestContractTwo?.version else {
            throw Problem.unavailable("no contract-2 guideline pack is loaded")
        }
        if let engine = engines[version] { return engine }
        if library.contractOnePack(version: version) != nil {
            throw Problem.badQuery("pack \(version) is answered by the /v1 endpoints only")
        }
        throw Problem.badQuery(
            "guidelineVersion '\(version)' is not a loaded contract-2 pack; loaded: \(loaded.joined(separator: ", "))")
    }

    private func evaluateSent(_ section: ContractTwoSection, _ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let explain = try QueryFlag.value("explain", in: request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let engine = try engine(for: request)
        let facts = try Self.facts(try reader.read(request), engine)
        let evaluation = try Self.evaluate(section, facts, engine, explain: explain)
        switch format {
        case .plainText: return JSONResponse.text(evaluation.plainText)
        case .json: return JSONResponse.make(evaluation.json, pretty: pretty)
        }
    }

    private func evaluateStored(_ section: ContractTwoSection, _ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let explain = try QueryFlag.value("explain", in: request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let engine = try engine(for: request)
        let stored = try CaseRoutes.load(request, from: store)
        let facts = try Self.facts(try reader.readStored(stored.document), engine)
        let evaluation = try Self.evaluate(section, facts, engine, explain: explain)
        guard request.method != "HEAD" else {
            switch format {
            case .plainText: return JSONResponse.text(evaluation.plainText)
            case .json: return JSONResponse.make(evaluation.json, pretty: pretty)
            }
        }
        let record: StoredEvaluation
        do {
            record = try store.recordEvaluation(
                EvaluationInput(
                    caseId: stored.id, caseVersion: stored.version, endpoint: section.rawValue,
                    guidelineVersion: engine.pack.version, result: JSONBody.bytes(evaluation.json, pretty: false)),
                audit: AuditContext(request))
        } catch {
            throw Problem.from(error)
        }
        switch format {
        case .plainText:
            var response = JSONResponse.text(evaluation.plainText)
            response.headers.set("X-Evaluation-ID", record.id)
            return response
        case .json:
            guard case .object(var body) = evaluation.json else {
                return JSONResponse.make(evaluation.json, pretty: pretty)
            }
            body["evaluation"] = EvaluationRoutes.meta(record, contractVersion: "v2")
            return JSONResponse.make(.object(body), pretty: pretty, headers: [("X-Evaluation-ID", record.id)])
        }
    }

    private func assessSent(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let explain = try QueryFlag.value("explain", in: request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let engine = try engine(for: request)
        let answer = try Self.assess(try Self.facts(try reader.read(request), engine), engine, explain: explain)
        switch format {
        case .plainText: return JSONResponse.text(answer.plainText)
        case .json: return JSONResponse.make(answer.json, pretty: pretty)
        }
    }

    /// The stored case's assessment, recorded like a section's (endpoint `assessment`).
    private func assessStored(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let explain = try QueryFlag.value("explain", in: request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let engine = try engine(for: request)
        let stored = try CaseRoutes.load(request, from: store)
        let facts = try Self.facts(try reader.readStored(stored.document), engine)
        let answer = try Self.assess(facts, engine, explain: explain)
        guard request.method != "HEAD" else {
            switch format {
            case .plainText: return JSONResponse.text(answer.plainText)
            case .json: return JSONResponse.make(answer.json, pretty: pretty)
            }
        }
        let record: StoredEvaluation
        do {
            record = try store.recordEvaluation(
                EvaluationInput(
                    caseId: stored.id, caseVersion: stored.version, endpoint: "assessment",
                    guidelineVersion: engine.pack.version, result: JSONBody.bytes(answer.json, pretty: false)),
                audit: AuditContext(request))
        } catch {
            throw Problem.from(error)
        }
        switch format {
        case .plainText:
            var response = JSONResponse.text(answer.plainText)
            response.headers.set("X-Evaluation-ID", record.id)
            return response
        case .json:
            guard case .object(var body) = answer.json else { return JSONResponse.make(answer.json, pretty: pretty) }
            body["evaluation"] = EvaluationRoutes.meta(record, contractVersion: "v2")
            return JSONResponse.make(.object(body), pretty: pretty, headers: [("X-Evaluation-ID", record.id)])
        }
    }

    /// The one `CaseFactsV2` of a request, built where its case is decoded and read by every
    /// section of the answer. The engine never meets an unknown histology (every pack carries
    /// every case code, checked at load); if it did, that is the service's fault, said plainly.
    static func facts(_ sarcomaCase: SarcomaCase, _ engine: ContractTwoEngine) throws(Problem) -> CaseFactsV2 {
        do {
            return try engine.facts(for: sarcomaCase)
        } catch {
            throw Problem.internalError("pack \(engine.pack.version) cannot evaluate this case: \(error)")
        }
    }

    static func assess(_ facts: CaseFactsV2, _ engine: ContractTwoEngine, explain: Bool) throws(Problem)
        -> ContractTwoAssessmentAnswer
    {
        let answer: ContractTwoAssessmentAnswer?
        do {
            answer = try engine.assessmentAnswer(facts: facts, explain: explain)
        } catch {
            throw Problem.internalError("pack \(engine.pack.version) cannot evaluate this case: \(error)")
        }
        guard let answer else {
            throw Problem.internalError("pack \(engine.pack.version) has no answer for every assessment section")
        }
        return answer
    }

    static func evaluate(
        _ section: ContractTwoSection, _ facts: CaseFactsV2, _ engine: ContractTwoEngine, explain: Bool
    )
        throws(Problem) -> ContractTwoEvaluation
    {
        do {
            return try engine.evaluate(section, facts: facts, explain: explain)
        } catch {
            throw Problem.internalError("pack \(engine.pack.version) cannot evaluate this case: \(error)")
        }
    }
}
