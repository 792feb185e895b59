import CaseStore
import HTTPServer
import JSON
import SarcomaGuidelines

/// `GET /v2/guidelines/impact?from=&to=&limit=&cursor=` (contract delta §0.8, admin): what a
/// pack change does to the stored cases. One page of cases at a time, in the store's stable
/// case order and with its cursor, so the report never holds every case in memory; each case
/// is evaluated with both packs (the v1 engine for a contract-1 pack, the contract-2 engine
/// otherwise) and only what differs is listed (`AnswerChanges`). Every case read is audited
/// (action `impact`) before the page is answered; no evaluation is recorded.
struct ImpactRoutes: Sendable {
    let store: any CaseStore
    let library: GuidelineLibrary
    /// The contract-1 engines, by version (the `/v1` engine among them).
    let contractOne: [String: GuidelineEngine]
    /// The contract-2 engines, by version.
    let contractTwo: [String: ContractTwoEngine]
    let reader: CaseRequestReader

    static let limitRange = 1...50
    static let defaultLimit = 20

    init(
        store: any CaseStore, library: GuidelineLibrary, kept: GuidelineEngine,
        contractTwo: [String: ContractTwoEngine],
        reader: CaseRequestReader
    ) {
        self.store = store
        self.library = library
        var contractOne: [String: GuidelineEngine] = [kept.pack.version: kept]
        for pack in library.contractOne where contractOne[pack.version] == nil {
            contractOne[pack.version] = GuidelineEngine(pack: pack)
        }
        self.contractOne = contractOne
        self.contractTwo = contractTwo
        self.reader = reader
    }

    func register(into router: inout RouterBuilder) {
        router.add(
            "GET", "/v2/guidelines/impact",
            Endpoint.handler(query: ["from", "to", "limit", "cursor", "pretty"]) { request throws(Problem) in
                try report(request)
            })
    }

    /// One pack's assessment of a case, as the report compares it.
    private enum Evaluator {
        case contractOne(GuidelineEngine)
        case contractTwo(ContractTwoEngine)
    }

    /// The loaded pack named by `parameter`; 400 naming the parameter and the loaded versions.
    private func evaluator(_ parameter: String, in request: HTTPRequest) throws(Problem) -> (String, Evaluator) {
        let loaded = library.versions.joined(separator: ", ")
        guard let version = request.queryValue(parameter), !version.isEmpty else {
            throw Problem.badQuery("'\(parameter)' is required: a loaded pack version (\(loaded))")
        }
        if let engine = contractTwo[version] { return (version, .contractTwo(engine)) }
        if let engine = contractOne[version] { return (version, .contractOne(engine)) }
        throw Problem.badQuery("'\(parameter)' is '\(version)', not a loaded pack; loaded: \(loaded)")
    }

    private func report(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        let (fromVersion, from) = try evaluator("from", in: request)
        let (toVersion, to) = try evaluator("to", in: request)
        let limit = try PageParameters.limit(in: request, range: Self.limitRange) ?? Self.defaultLimit
        let cursor = try PageParameters.cursor(in: request)
        let page: CasePage
        do {
            page = try store.list(CaseListQuery(limit: limit, cursor: cursor))
        } catch {
            throw Problem.from(error)
        }
        var items: [JSONValue] = []
        for stored in page.items {
            let sarcomaCase = try reader.readStored(stored.document)
            let before = try answer(of: sarcomaCase, by: from, explain: false, caseId: stored.id)
            let after = try answer(of: sarcomaCase, by: to, explain: true, caseId: stored.id)
            let changes = AnswerChanges(from: before, to: after)
            var item = JSONObject()
            item["caseId"] = .string(stored.id)
            item["caseVersion"] = .number(Double(stored.version))
            item["externalId"] = stored.externalId.map(JSONValue.string) ?? .null
            item["changed"] = .bool(changes.changed)
            item["changes"] = .object(changes.changes)
            items.append(.object(item))
        }
        try ReadAudit.record(.impact, of: page.items.map { ($0.id, $0.version) }, for: request, in: store)
        var body = JSONObject()
        body["from"] = .string(fromVersion)
        body["to"] = .string(toVersion)
        body["items"] = .array(items)
        body["nextCursor"] = page.nextCursor.map(JSONValue.string) ?? .null
        return JSONResponse.make(.object(body), pretty: pretty)
    }

    /// The assessment JSON a pack gives the case; a contract-1 answer exactly as `/v1` would
    /// give it, without the `superseded_pack` announcement (it is no clinical change).
    private func answer(of sarcomaCase: SarcomaCase, by evaluator: Evaluator, explain: Bool, caseId: String)
        throws(Problem) -> JSONValue
    {
        switch evaluator {
        case .contractOne(let engine):
            return ContractOneAnswer(.assessment, for: sarcomaCase, engine: engine, explain: explain, superseded: nil)
                .json
        case .contractTwo(let engine):
            let facts: CaseFactsV2
            do {
                facts = try engine.facts(for: sarcomaCase)
            } catch {
                throw Problem.internalError("case \(caseId): pack \(engine.pack.version) cannot read it: \(error)")
            }
            return try ContractTwoRoutes.assess(facts, engine, explain: explain).json
        }
    }
}
