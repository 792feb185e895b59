import JSON
import CaseStore
import HTTPServer
import SarcomaGuidelines

/// `POST /v1/validate` and the case store: create, read, replace, delete, list. Every answer
/// that writes or returns a stored case is audited (see `CaseStore+Audit.swift`); validate
/// stores and reads nothing, so it is not.
struct CaseRoutes: Sendable {
    let store: any CaseStore
    let reader: CaseRequestReader

    static let listLimitRange = 1...200

    func register(into router: inout RouterBuilder) {
        router.add("POST", "/v1/validate", Endpoint.handler(query: ["pretty"], validate))
        router.add("POST", "/v1/cases", Endpoint.handler(query: ["pretty"], create))
        router.add(
            "GET", "/v1/cases", Endpoint.handler(query: ["limit", "cursor", "site", "externalId", "pretty"], list))
        router.add("GET", "/v1/cases/{id}", Endpoint.handler(query: ["pretty"], read))
        router.add("PUT", "/v1/cases/{id}", Endpoint.handler(query: ["pretty"], replace))
        router.add("DELETE", "/v1/cases/{id}", Endpoint.handler(delete))
    }

    @Sendable func validate(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        let sarcomaCase = try reader.read(request)
        return JSONResponse.make(CaseEncoder().json(sarcomaCase), pretty: pretty)
    }

    @Sendable func create(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        // Every query check comes before the write: a stored case is never answered 400.
        let pretty = try QueryFlag.value("pretty", in: request)
        let sarcomaCase = try reader.read(request)
        let stored: StoredCase
        do {
            stored = try store.create(Self.input(sarcomaCase), audit: AuditContext(request))
        } catch {
            throw Problem.from(error)
        }
        return JSONResponse.make(
            StoredCaseRepresentation.json(stored), status: 201, pretty: pretty,
            headers: [("Location", "/v1/cases/\(stored.id)"), ("ETag", StoredCaseRepresentation.etag(stored))])
    }

    @Sendable func read(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)  // a bad query is 400 even when a 304 would follow
        let stored = try Self.load(request, from: store)
        let etag = StoredCaseRepresentation.etag(stored)
        if let condition = request.headers["If-None-Match"],
            EntityTagMatch.matches(condition, current: etag, weakComparison: true)
        {
            var headers = HTTPHeaders()
            headers.set("ETag", etag)
            return HTTPResponse(status: 304, headers: headers)  // no case data answered: not audited
        }
        try ReadAudit.record(.read, of: [(stored.id, stored.version)], for: request, in: store)
        return JSONResponse.make(StoredCaseRepresentation.json(stored), pretty: pretty, headers: [("ETag", etag)])
    }

    @Sendable func replace(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        let pretty = try QueryFlag.value("pretty", in: request)
        let (sarcomaCase, document) = try reader.readWithDocument(
            request, ignoring: CaseRequestReader.serverManagedKeys)
        try Self.checkBodyID(document, matches: id)
        let expectedVersion = try expectedVersion(request, id: id)
        let stored: StoredCase
        do {
            stored = try store.replace(
                id: id, with: Self.input(sarcomaCase), expectedVersion: expectedVersion,
                audit: AuditContext(request))
        } catch {
            throw Problem.from(error)
        }
        return JSONResponse.make(
            StoredCaseRepresentation.json(stored), pretty: pretty,
            headers: [("ETag", StoredCaseRepresentation.etag(stored))])
    }

    @Sendable func delete(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        let expectedVersion = try expectedVersion(request, id: id)
        do {
            try store.delete(id: id, expectedVersion: expectedVersion, audit: AuditContext(request))
        } catch {
            throw Problem.from(error)
        }
        return HTTPResponse(status: 204)
    }

    @Sendable func list(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        var query = CaseListQuery()
        if let limit = try PageParameters.limit(in: request, range: Self.listLimitRange) { query.limit = limit }
        if let cursor = try PageParameters.cursor(in: request) { query.cursor = cursor }
        if let site = request.queryValue("site") {
            guard Site(rawValue: site) != nil else {
                throw Problem.badQuery(
                    "'site' must be one of \(Site.allCases.map(\.rawValue).joined(separator: ", ")), not '\(site)'")
            }
            query.site = site
        }
        if let externalId = request.queryValue("externalId") {
            guard !externalId.isEmpty else { throw Problem.badQuery("'externalId' must not be empty") }
            query.externalId = externalId
        }
        let page: CasePage
        do {
            page = try store.list(query)
        } catch {
            throw Problem.from(error)
        }
        try ReadAudit.record(.list, of: page.items.map { ($0.id, $0.version) }, for: request, in: store)
        var body = JSONObject()
        body["items"] = .array(page.items.map(StoredCaseRepresentation.json))
        body["nextCursor"] = page.nextCursor.map(JSONValue.string) ?? .null
        return JSONResponse.make(.object(body), pretty: pretty)
    }

    // MARK: - Shared pieces

    static func input(_ sarcomaCase: SarcomaCase) -> CaseInput {
        CaseInput(
            externalId: sarcomaCase.externalId, site: sarcomaCase.tumor.site.rawValue,
            document: CaseEncoder().bytes(sarcomaCase))
    }

    static func load(_ request: HTTPRequest, from store: any CaseStore) throws(Problem) -> StoredCase {
        let id = request.pathParameters["id"] ?? ""
        let found: StoredCase?
        do {
            found = try store.get(id: id)
        } catch {
            throw Problem.from(error)
        }
        guard let found else { throw Problem.notFound("no case with id '\(id)'") }
        return found
    }

    /// A body may echo `id` (as GET returned it); a different one is a contradiction.
    static func checkBodyID(_ document: JSONValue, matches id: String) throws(Problem) {
        guard case .object(let object) = document, let sent = object["id"] else { return }
        guard case .string(let sentID) = sent, sentID == id else {
            throw Problem.validation([
                FieldIssue(
                    pointer: "/id",
                    detail: "the body's id does not match the case in the URL ('\(id)'); omit it or send the same id")
            ])
        }
    }

    /// `If-Match` as a version the store must still have: `*` means "any existing version".
    private func expectedVersion(_ request: HTTPRequest, id: String) throws(Problem) -> Int? {
        guard let condition = request.headers["If-Match"] else { return nil }
        let stored: StoredCase
        do {
            stored = try Self.load(request, from: store)
        } catch  where error.status == 404 {
            // RFC 9110 13.1.1: If-Match (even `*`) is false when there is no current representation.
            throw Problem(
                status: 412, slug: "precondition-failed", title: "Precondition failed",
                detail: "If-Match was given but there is no case with id '\(id)'")
        }
        guard EntityTagMatch.matches(condition, current: StoredCaseRepresentation.etag(stored), weakComparison: false)
        else {
            throw Problem(
                status: 412, slug: "precondition-failed", title: "Precondition failed",
                detail: "If-Match does not match the case's current ETag \(StoredCaseRepresentation.etag(stored))")
        }
        return stored.version
    }
}
