import JSON
import CaseStore
import HTTPServer
import SarcomaGuidelines

/// The six evaluations, stateless (`POST /v1/<kind>`) and on stored cases
/// (`GET /v1/cases/{id}/<kind>`, each recorded so any past answer can be audited), and the
/// record of past evaluations (`GET /v1/cases/{id}/evaluations`). Stored evaluations and the
/// record are audited; stateless evaluations touch no stored case and are not.
///
/// The `/v1` evaluations are frozen at pack 2026.11-1 (delta §0.3) and announce their
/// successor (`SuccessorAnnouncement`); `GET /v2/cases/{id}/evaluations` lists the records of
/// both contracts (delta §0.6).
struct EvaluationRoutes: Sendable {
    let store: any CaseStore
    let engine: GuidelineEngine
    let reader: CaseRequestReader
    let library: GuidelineLibrary
    let successor: SuccessorAnnouncement?

    func register(into router: inout RouterBuilder) {
        for kind in EvaluationKind.allCases {
            router.add(
                "POST", "/v1/\(kind.rawValue)",
                announced(
                    { _ in "/v2/\(kind.rawValue)" },
                    Endpoint.handler(query: ["explain", "pretty"]) { request throws(Problem) in
                        try evaluateSent(kind, request)
                    }))
            router.add(
                "GET", "/v1/cases/{id}/\(kind.rawValue)",
                announced(
                    { request in Self.storedSuccessor(request, kind) },
                    Endpoint.handler(query: ["explain", "pretty"]) { request throws(Problem) in
                        try evaluateStored(kind, request)
                    }))
        }
        router.add(
            "GET", "/v1/cases/{id}/evaluations",
            Endpoint.handler(query: ["limit", "cursor", "pretty"]) { request throws(Problem) in
                try listEvaluations(request, contractTwo: false)
            })
        router.add(
            "GET", "/v2/cases/{id}/evaluations",
            Endpoint.handler(query: ["limit", "cursor", "pretty"]) { request throws(Problem) in
                try listEvaluations(request, contractTwo: true)
            })
    }

    private func announced(
        _ target: @escaping @Sendable (HTTPRequest) -> String, _ handler: @escaping HTTPHandler
    ) -> HTTPHandler {
        successor.map { $0.announcing(target, handler) } ?? handler
    }

    private static func storedSuccessor(_ request: HTTPRequest, _ kind: EvaluationKind) -> String {
        "/v2/cases/\(request.pathParameters["id"] ?? "")/\(kind.rawValue)"
    }

    /// The `/v1` answer with `superseded_pack` appended last (delta §0.3).
    private func answer(
        _ kind: EvaluationKind, _ sarcomaCase: SarcomaCase, explain: Bool, successorPath: String
    ) -> ContractOneAnswer {
        ContractOneAnswer(
            kind, for: sarcomaCase, engine: engine, explain: explain,
            superseded: successor?.warning(successor: successorPath))
    }

    private func evaluateSent(_ kind: EvaluationKind, _ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let format = try ResponseFormat.negotiate(request)
        let explain = try QueryFlag.value("explain", in: request)
        let pretty = try QueryFlag.value("pretty", in: request)
        let sarcomaCase = try reader.read(request)
        let evaluation = answer(kind, sarcomaCase, explain: explain, successorPath: "/v2/\(kind.rawValue)")
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
        let evaluation = answer(kind, sarcomaCase, explain: explain, successorPath: Self.storedSuccessor(request, kind))
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

    /// v1 lists its own records and counts the newer ones (`newerContractRecords`); v2 lists
    /// every record with its `contractVersion` (delta §0.6). A record is v2 when its pack is a
    /// loaded contract-2 pack.
    private func listEvaluations(_ request: HTTPRequest, contractTwo: Bool) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        let stored = try CaseRoutes.load(request, from: store)
        let limit = try PageParameters.limit(in: request, range: CaseRoutes.listLimitRange) ?? 50
        let page: EvaluationPage
        do {
            page = try store.evaluations(caseId: stored.id, limit: limit, cursor: request.queryValue("cursor"))
        } catch {
            throw Problem.from(error)
        }
        let newer = contractTwo ? 0 : try countContractTwoRecords(of: stored.id)
        try ReadAudit.record(.read, of: [(stored.id, nil)], for: request, in: store)
        let items: [JSONValue] = page.items.compactMap { record in
            let isTwo = isContractTwo(record)
            guard contractTwo || !isTwo else { return nil }
            guard case .object(var meta) = Self.meta(record, contractVersion: contractTwo ? (isTwo ? "v2" : "v1") : nil)
            else { return .null }
            meta["endpoint"] = .string(record.endpoint)
            meta["guidelineVersion"] = .string(record.guidelineVersion)
            meta["result"] = (try? JSONParser().parse(record.result)) ?? .null
            return .object(meta)
        }
        var body = JSONObject()
        body["items"] = .array(items)
        body["nextCursor"] = page.nextCursor.map(JSONValue.string) ?? .null
        if !contractTwo { body["newerContractRecords"] = .number(Double(newer)) }
        return JSONResponse.make(.object(body), pretty: pretty)
    }

    private func isContractTwo(_ record: StoredEvaluation) -> Bool {
        library.contractTwoPack(version: record.guidelineVersion) != nil
    }

    /// Pages through the case's records (one page in memory at a time).
    private func countContractTwoRecords(of caseId: String) throws(Problem) -> Int {
        var count = 0
        var cursor: String?
        repeat {
            let page: EvaluationPage
            do {
                page = try store.evaluations(
                    caseId: caseId, limit: CaseRoutes.listLimitRange.upperBound, cursor: cursor)
            } catch {
                throw Problem.from(error)
            }
            count += page.items.filter(isContractTwo).count
            cursor = page.nextCursor
        } while cursor != nil
        return count
    }

    /// The record's identity; `contractVersion` only in contract-v2 answers (delta §0.6).
    static func meta(_ record: StoredEvaluation, contractVersion: String? = nil) -> JSONValue {
        var meta = JSONObject()
        meta["id"] = .string(record.id)
        meta["caseId"] = .string(record.caseId)
        meta["caseVersion"] = .number(Double(record.caseVersion))
        meta["recordedAt"] = .string(record.createdAt)
        if let contractVersion { meta["contractVersion"] = .string(contractVersion) }
        return .object(meta)
    }
}
