import CaseStore
import HTTPServer
import JSON
import SarcomaGuidelines
import UTCTime

/// `GET /v1/audit`: the audit trail, oldest first, for admins (see `AccessPolicy.standard`).
/// Only GET (and HEAD) is routed: no request can change or remove a row (405 with `Allow`).
///
/// Reading the trail is not itself audited: it answers who did what, never a case's data.
struct AuditRoutes: Sendable {
    let store: any CaseStore

    /// Longest `caseId` filter accepted (ids are UUIDs; this only bounds nonsense).
    static let maximumCaseIdLength = 128

    func register(into router: inout RouterBuilder) {
        router.add(
            "GET", "/v1/audit", Endpoint.handler(query: ["caseId", "since", "limit", "cursor", "pretty"], trail))
    }

    @Sendable func trail(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        var query = AuditQuery()
        if let limit = try PageParameters.limit(in: request, range: CaseRoutes.listLimitRange) { query.limit = limit }
        if let cursor = try PageParameters.cursor(in: request) { query.cursor = cursor }
        if let caseId = request.queryValue("caseId") {
            guard !caseId.isEmpty, caseId.utf8.count <= Self.maximumCaseIdLength else {
                throw Problem.badQuery("'caseId' must be a case id (1 to \(Self.maximumCaseIdLength) characters)")
            }
            query.caseId = caseId
        }
        if let since = request.queryValue("since") {
            do {
                query.sinceMilliseconds = try UTCInstant(rfc3339: since).millisecondsSince1970
            } catch {
                throw Problem.badQuery(
                    "'since' must be an RFC 3339 date-time such as 2026-11-26T19:33:14Z: \(error.reason)")
            }
        }
        let page: AuditPage
        do {
            page = try store.auditTrail(query)
        } catch {
            throw Problem.from(error)
        }
        var body = JSONObject()
        body["items"] = .array(page.items.map(Self.json))
        body["nextCursor"] = page.nextCursor.map(JSONValue.string) ?? .null
        return JSONResponse.make(.object(body), pretty: pretty, headers: [("Cache-Control", "no-store")])
    }

    static func json(_ record: AuditRecord) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(record.id)
        object["at"] = .string(record.at)
        object["actor"] = .string(record.actor)
        object["action"] = .string(record.action.rawValue)
        object["caseId"] = record.caseId.map(JSONValue.string) ?? .null
        object["caseVersion"] = record.caseVersion.map { .number(Double($0)) } ?? .null
        object["requestId"] = .string(record.requestId)
        object["route"] = .string(record.route)
        return .object(object)
    }
}
