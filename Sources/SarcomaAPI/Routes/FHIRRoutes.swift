import CaseStore
import FHIRMapping
import Foundation
import HTTPServer
import JSON
import SarcomaGuidelines
import UTCTime

/// FHIR R4 / mCODE: `POST /v1/fhir/import` turns a Bundle into a stored case (created, or
/// updated when a case with the same externalId exists), and `GET /v1/cases/{id}/fhir`
/// exports the service's AJCC staging of a stored case as mCODE Observations, staged with the
/// newest loaded contract-2 pack (contract delta §0.7; no pack parameter).
///
/// Every store call of both routes is in `save`, `load` and `recordExport` below; each write
/// and each answered export leaves an audit row (`import`, `export`).
struct FHIRRoutes: Sendable {
    let store: any CaseStore
    let engine: GuidelineEngine
    /// The newest loaded contract-2 pack's engine, which the export stages with; nil when no
    /// contract-2 pack is loaded (the export is then a 503, never a v1 staging in its place).
    let current: ContractTwoEngine?
    let reader: CaseRequestReader

    /// A Bundle nests deeper than a case: entry / resource / extension / value / coding.
    static let maxDepth = 64

    /// The FHIR routes' templates: their problems are OperationOutcomes for FHIR clients,
    /// the access gate's refusals included.
    static let templates: Set<String> = ["/v1/fhir/import", "/v1/cases/{id}/fhir"]

    func register(into router: inout RouterBuilder) {
        router.add("POST", "/v1/fhir/import", Self.fhir(query: ["pretty"], importBundle))
        router.add("GET", "/v1/cases/{id}/fhir", Self.fhir(query: ["pretty", "patient", "condition"], export))
    }

    /// `_format` taken, the format negotiated (XML is a 406) before the work, and problems
    /// presented as OperationOutcomes to FHIR clients.
    static func fhir(query: Set<String>, _ work: @escaping Endpoint.Work) -> HTTPHandler {
        Endpoint.handler(query: query.union(["_format"]), presenter: OperationOutcomePresenter.response) {
            request throws(Problem) in
            _ = try FHIRFormat.negotiate(request)
            return try work(request)
        }
    }

    @Sendable func importBundle(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        try CaseRequestReader.requireJSONContent(request)
        let payload = try Self.parse(request.body)
        let shape = FHIRBundleShape.issues(payload)
        guard shape.isEmpty else { throw Problem.fhirImportRefused(shape, mapping: nil) }

        let mapping = FHIRCaseMapper(referenceDate: Self.today()).map(entries: FHIRResources.locate(payload))
        guard mapping.issues.isEmpty else { throw Problem.fhirImportRefused(mapping.issues, mapping: mapping) }
        let sarcomaCase = try decode(mapping)
        let evaluation = engine.evaluate(.staging, for: sarcomaCase, explain: false)
        let staging = evaluation.json
        let contradictions = FHIRImportReport.consistencyIssues(mapping, staging: staging)
        guard contradictions.isEmpty else { throw Problem.fhirImportRefused(contradictions, mapping: mapping) }
        let input = CaseRoutes.input(sarcomaCase)
        let (stored, created, previous) = try save(input, audit: AuditContext(request)) { previous in
            FHIRImportReport.droppedStagingIssues(
                previous: try? JSONParser().parse(previous), imported: mapping.caseDocument)
        }

        var warnings = FHIRImportReport.engineWarnings(evaluation)
        warnings += mapping.warnings.map(\.json)
        warnings += FHIRImportReport.uncheckedWarnings(mapping, staging: staging)
        if let previous,
            let dropped = FHIRImportReport.droppedFieldsWarning(
                previous: try? JSONParser().parse(previous),
                imported: (try? JSONParser().parse(input.document))?.objectValue ?? JSONObject())
        {
            warnings.append(dropped)
        }
        var body = JSONObject()
        body["id"] = .string(stored.id)
        body["status"] = .string(created ? "created" : "updated")
        body["externalId"] = stored.externalId.map(JSONValue.string) ?? .null
        body["case"] = StoredCaseRepresentation.json(stored)
        body["stageGroup"] = staging["stageGroup"] ?? .null
        body["mapped"] = FHIRImportReport.mapped(mapping)
        body["ignored"] = FHIRImportReport.ignored(mapping)
        body["warnings"] = .array(warnings)
        return JSONResponse.make(
            .object(body), status: created ? 201 : 200, pretty: pretty,
            headers: [
                ("Location", "/v1/cases/\(stored.id)"), ("ETag", StoredCaseRepresentation.etag(stored)),
            ])
    }

    @Sendable func export(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let pretty = try QueryFlag.value("pretty", in: request)
        let patient = try Self.reference("patient", type: "Patient", in: request)
        let named = try Self.reference("condition", type: "Condition", in: request)
        let stored = try load(request)
        guard let patient else { throw Problem.fhirExportNeeds(.patient) }
        guard
            let condition = named.map(PrimaryConditionReference.literal)
                ?? stored.externalId.map(PrimaryConditionReference.identifier)
        else {
            throw Problem.fhirExportNeeds(.condition)
        }
        let sarcomaCase = try reader.readStored(stored.document)
        guard let current else { throw Problem.unavailable("no contract-2 guideline pack is loaded") }
        let staging: JSONValue
        do {
            staging = try current.stagingSection(for: sarcomaCase)
        } catch {
            throw Problem.internalError("pack \(current.pack.version) cannot stage this case: \(error)")
        }
        let export = FHIRStagingExport(
            caseId: stored.id, patientReference: patient, condition: condition, effective: stored.updatedAt)
        try recordExport(stored, for: request)
        return FHIRMediaType.response(JSONBody.bytes(export.bundle(staging: staging), pretty: pretty))
    }

    // MARK: - Store (the only calls to the case store in these routes)

    /// Creates the case, or replaces the one holding the same externalId (the EHR is the
    /// source: an import is a full replace). A concurrent import that created it first
    /// turns the create into a replace rather than a 409. `previous` is the replaced
    /// document (to name the fields the replace dropped).
    /// `refusal` sees the stored document before it is replaced; issues it returns are a 422
    /// and nothing is written (a PUT landing between this check and the replace is not seen:
    /// the import is a full replace, as before).
    private func save(_ input: CaseInput, audit: AuditContext, refusal: ([UInt8]) -> [FieldIssue]) throws(Problem)
        -> (StoredCase, created: Bool, previous: [UInt8]?)
    {
        var existing: StoredCase?
        do {
            if let externalId = input.externalId {
                existing = try store.list(CaseListQuery(limit: 1, externalId: externalId)).items.first
            }
            if existing == nil {
                do {
                    return (try store.create(input, audit: audit, as: .import), true, nil)
                } catch .duplicateExternalId(let existingId) {
                    existing = try store.get(id: existingId)
                }
            }
        } catch {
            throw Problem.from(error)
        }
        guard let existing else { throw Problem.from(.notFound(id: "")) }
        let issues = refusal(existing.document)
        guard issues.isEmpty else { throw Problem.fhirImportRefused(issues, mapping: nil) }
        do {
            return (
                try store.replace(id: existing.id, with: input, expectedVersion: nil, audit: audit, as: .import),
                false, existing.document
            )
        } catch {
            throw Problem.from(error)
        }
    }

    private func load(_ request: HTTPRequest) throws(Problem) -> StoredCase {
        try CaseRoutes.load(request, from: store)
    }

    /// The export answers the case's data in another format: one `export` audit row.
    private func recordExport(_ stored: StoredCase, for request: HTTPRequest) throws(Problem) {
        try ReadAudit.record(.export, of: [(stored.id, stored.version)], for: request, in: store)
    }

    // MARK: - Reading the request

    static func parse(_ body: [UInt8]) throws(Problem) -> JSONValue {
        do {
            return try JSONParser(maxDepth: maxDepth).parse(body)
        } catch {
            switch error.reason {
            case .numberOutOfRange, .depthLimitExceeded:
                throw Problem.fhirImportRefused([FieldIssue(pointer: "", detail: "\(error)")], mapping: nil)
            default:
                throw Problem.malformedJSON("the body is not valid JSON: \(error)")
            }
        }
    }

    /// The case the mapping describes, checked exactly as `POST /v1/cases` checks a body;
    /// issues point back into the Bundle.
    private func decode(_ mapping: FHIRCaseMapping) throws(Problem) -> SarcomaCase {
        switch CaseDecoder().decode(.object(mapping.caseDocument)) {
        case .failure(.invalid(let issues)):
            throw Problem.fhirImportRefused(
                issues.map { FHIRImportReport.pointIntoPayload($0, mapping) }, mapping: mapping)
        case .failure(.malformedJSON(let error)):
            // Cannot happen for a document built in memory; answered, never trapped.
            throw Problem.fhirImportRefused([FieldIssue(pointer: "", detail: "\(error)")], mapping: mapping)
        case .success(let sarcomaCase):
            let issues = reader.consistencyIssues(in: sarcomaCase)
            guard issues.isEmpty else {
                throw Problem.fhirImportRefused(
                    issues.map { FHIRImportReport.pointIntoPayload($0, mapping) }, mapping: mapping)
            }
            return sarcomaCase
        }
    }

    /// `?patient=Patient/<id>` (every Observation's `subject`) or `?condition=Condition/<id>`
    /// (the stage group's `focus`): the store keeps no FHIR ids; the EHR knows them.
    static func reference(_ name: String, type: String, in request: HTTPRequest) throws(Problem) -> String? {
        guard let raw = request.queryValue(name) else { return nil }
        let id = raw.hasPrefix(type + "/") ? raw.dropFirst(type.count + 1) : ""
        let valid =
            (1...64).contains(id.count)
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard valid else {
            throw Problem.badQuery(
                "'\(name)' must be a FHIR reference \(type)/<id> (id: 1-64 of A-Z a-z 0-9 - .), not '\(raw)'")
        }
        return raw
    }

    /// Today in UTC as `YYYY-MM-DD`: the day ages are computed for (FHIR import and the
    /// CDS Hooks prefetch alike).
    static func today() -> String {
        UTCInstant.now().date.description
    }
}
