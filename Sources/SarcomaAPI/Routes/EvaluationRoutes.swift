import JSON
import CaseStore
import HTTPServer
import SarcomaGuidelines

/// The six evaluations, stateless (`POST /v1/<kind>`) and on stored cases
/// (`GET /v1/cases/{id}/<kind>`, each recorded so any past answer can be audited), and the
/// record of past evaluations (`GET /v1/cases/{id}/evaluations`). Stored evaluations and the
/// record are audited; stateless evaluations touch no stored case and are not.
struct EvaluationRoutes: Sendable {
    let store: CaseStore
    let engine: GuidelineEngine
    let reader: CaseRequestReader

    func register(into router: inout RouterBuilder) {
        for kind in EvaluationKind.allCases {
            router.add(
                "POST", "/v1/\(kind.rawValue)",
                Endpoint.handler(query: ["explain", "pretty"]) { request throws(Problem) in
                    try evaluateSent(kind, request)
                })
            router.add(
                "GET", "/v1/cases/{id}/\(kind.rawValue)",
                Endpoint.handler(query: ["explain", "pretty"]) { request throws(Problem) in
                    try evaluateStored(kind, request)
                })
        }
        router.add(
            "GET", "/v1/cases/{id}/evaluations",
            Endpoint.handler(query: ["limit", "cursor", "pretty"], listEvaluations))
    }

    private func evaluateSent(_ kind: EvaluationKind, _ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let explain = try QueryFlag.value("explain", in: request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let sarcomaCase = try reader.read(request)
        let evaluation = ContractOneAnswer(kind, for: sarcomaCase, engine: engine, explain: explain)
        switch format {
        case .plainText: return JSONResponse.text(evaluation.plainText)
        case .json: return JSONResponse.make(evaluation.json, pretty: pretty)
        }
    }

    private func evaluateStored(_ kind: EvaluationKind, _ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let explain = try QueryFlag.value("explain", in: request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let stored = try CaseRoutes.load(request, from: store)
        let sarcomaCase = try reader.readStored(stored.document)
        let evaluation = ContractOneAnswer(kind, for: sarcomaCase, engine: engine, explain: explain)
        guard request.method != "HEAD" else {
            // HEAD is safe (RFC 9110 9.2.1): link checkers must not fill the audit trail.
            switch format {
            case .plainText: return JSONResponse.text(evaluation.plainText)
            case .json: return JSONResponse.make(evaluation.json, pretty: pretty)
            }
        }
        let record: StoredEvaluation
        do {
            record = try store.recordEvaluation(
                EvaluationInput(
                    caseId: stored.id, caseVersion: stored.version, endpoint: kind.rawValue,
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
            body["evaluation"] = Self.meta(record)
            return JSONResponse.make(.object(body), pretty: pretty, headers: [("X-Evaluation-ID", record.id)])
        }
    }

    @Sendable private func listEvaluations(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        let stored = try CaseRoutes.load(request, from: store)
        let limit = try PageParameters.limit(in: request, range: CaseRoutes.listLimitRange) ?? 50
        let page: EvaluationPage
        do {
            page = try store.evaluations(caseId: stored.id, limit: limit, cursor: request.queryValue("cursor"))
        } catch {
            throw Problem.from(error)
        }
        try ReadAudit.record(.read, of: [(stored.id, nil)], for: request, in: store)
        let items: [JSONValue] = page.items.map { record in
            guard case .object(var meta) = Self.meta(record) else { return .null }
            meta["endpoint"] = .string(record.endpoint)
            meta["guidelineVersion"] = .string(record.guidelineVersion)
            meta["result"] = (try? JSONParser().parse(record.result)) ?? .null
            return .object(meta)
        }
        var body = JSONObject()
        body["items"] = .array(items)
        body["nextCursor"] = page.nextCursor.map(JSONValue.string) ?? .null
        return JSONResponse.make(.object(body), pretty: pretty)
    }

    private static func meta(_ record: StoredEvaluation) -> JSONValue {
        var meta = JSONObject()
        meta["id"] = .string(record.id)
        meta["caseId"] = .string(record.caseId)
        meta["caseVersion"] = .number(Double(record.caseVersion))
        meta["recordedAt"] = .string(record.createdAt)
        return .object(meta)
    }
}
