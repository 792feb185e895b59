import CDSHooks
import Access
import JSON
import CaseStore
import HTTPServer
import SarcomaGuidelines

/// CDS Hooks 2.0.1: discovery (`GET /cds-services`, public), the two services
/// (`POST /cds-services/{id}`), feedback (`POST /cds-services/{id}/feedback`, stored) and
/// CORS preflights. The JWT check is the access gate's (`AccessPolicy.Requirement.cdsJWT`);
/// CORS headers are `CORSPolicy`'s, around the gate. The cards answer with the newest loaded
/// contract-2 pack (contract delta §0.7, §9; `CardPack`); without one a service call is a 503,
/// never cards from another pack.
struct CDSHooksRoutes: Sendable {
    let store: any CaseStore
    let pack: CardPack?
    /// The cards answered, so feedback can be checked against them.
    let issuedCards = IssuedCards()

    /// The templates CORS applies to.
    static let templates: Set<String> = ["/cds-services", "/cds-services/{id}", "/cds-services/{id}/feedback"]

    func register(into router: inout RouterBuilder) {
        router.add(
            "GET", "/cds-services",
            Endpoint.handler { _ throws(Problem) in
                JSONResponse.make(CDSService.discoveryDocument, pretty: false)
            })
        for template in Self.templates.sorted() {
            let allow = template == "/cds-services" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS"
            router.add(
                "OPTIONS", template,
                Endpoint.handler { _ throws(Problem) in
                    HTTPResponse(status: 204, headers: ["Allow": allow])
                })
        }
        router.add("POST", "/cds-services/{id}", Endpoint.handler(query: [], call))
        router.add("POST", "/cds-services/{id}/feedback", Endpoint.handler(query: [], feedback))
    }

    private static func service(_ request: HTTPRequest) throws(Problem) -> CDSService {
        let id = request.pathParameters["id"] ?? ""
        guard let service = CDSService.named(id) else {
            throw Problem.notFound("no CDS service '\(JWTVerifier.printable(id))' here; GET /cds-services lists them")
        }
        return service
    }

    @Sendable private func call(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let service = try Self.service(request)
        let hookRequest = try CDSHookRequest.parse(request, for: service)
        guard let pack else { throw Problem.unavailable("no contract-2 guideline pack is loaded") }
        let sourceLabel = pack.sourceLabel
        let cards: [CDSCard]
        switch service.kind {
        case .patientView:
            switch try readCase(hookRequest, pack) {
            case .noSarcoma: cards = []
            case .incomplete(let problems): cards = [PrefetchCase.incompleteCard(problems, sourceLabel: sourceLabel)]
            case .ready(let sarcomaCase, let mappingWarnings):
                cards = try Self.evaluated(pack) { () throws(SystemicInputError) in
                    let assessment = try pack.assessment(sarcomaCase)
                    // The line is not in the record: the systemic card shows both lines, not the default.
                    let lineDefaulted = (assessment["warnings"]?.arrayValue ?? []).contains {
                        $0["code"]?.stringValue == PalliativeScenarios.linesDefaulted
                    }
                    let scenarios = lineDefaulted ? try PalliativeScenarios(pack: pack, case: sarcomaCase) : nil
                    return PatientViewCards(
                        assessment: assessment, pack: pack, mappingWarnings: mappingWarnings,
                        unknownLines: scenarios?.lineUnknown == true ? scenarios?.lines : nil
                    ).cards
                }
            }
        case .orderSelect:
            let matcher = MedicationAgentMatcher()
            let agents = MedicationAgentMatcher.agents(
                in: hookRequest.selectedMedicationRequests.compactMap(matcher.match))
            // An order for nothing the rules cover needs no record at all.
            guard !agents.isEmpty else { return JSONResponse.make(CDSCard.response([]), pretty: false) }
            switch try readCase(hookRequest, pack) {
            case .noSarcoma: cards = []
            case .incomplete(let problems):
                cards = [PrefetchCase.incompleteCard(problems, sourceLabel: sourceLabel)]
            case .ready(let sarcomaCase, _):
                let draftIds = Set(hookRequest.selectedMedicationRequests.compactMap { $0["id"]?.stringValue })
                cards = try Self.evaluated(pack) { () throws(SystemicInputError) in
                    OrderSelectCards(
                        scenarios: try PalliativeScenarios(pack: pack, case: sarcomaCase),
                        priorAgents: PriorSystemicAgents(hookRequest.prefetchEntries, excluding: draftIds),
                        pack: pack
                    ).cards(for: agents)
                }
            }
        }
        // The EHR's record was read and evaluated: one `evaluate` row (no stored case; the
        // actor is the JWT's `iss#sub`), committed before the cards leave (fail closed).
        try recordEvaluation(request)
        issuedCards.remember(cards.map(\.uuid), serviceId: service.id)
        return JSONResponse.make(CDSCard.response(cards), pretty: false)
    }

    private func recordEvaluation(_ request: HTTPRequest) throws(Problem) {
        do {
            _ = try store.recordAudit(
                AuditEntry(action: .evaluate, caseId: nil, caseVersion: nil, context: AuditContext(request)))
        } catch {
            throw Problem.from(error)
        }
    }

    /// The pack never meets a histology it lacks (every pack carries every case code, checked at
    /// load); if it did, that is the service's fault, said plainly.
    private static func evaluated<Value>(
        _ pack: CardPack, _ work: () throws(SystemicInputError) -> Value
    ) throws(Problem) -> Value {
        do {
            return try work()
        } catch {
            throw Problem.internalError("pack \(pack.engine.pack.version) cannot evaluate this case: \(error)")
        }
    }

    /// The prefetch as a case; 412 when nothing usable was sent (this service does not
    /// query the EHR's FHIR server itself).
    private func readCase(_ hookRequest: CDSHookRequest, _ pack: CardPack) throws(Problem) -> PrefetchCase {
        let entries = hookRequest.prefetchEntries
        guard !entries.isEmpty else {
            throw Problem(
                status: 412, slug: "cds-prefetch-missing", title: "Prefetch missing",
                detail: "no FHIR resources were sent as prefetch; send the prefetch queries GET /cds-services lists "
                    + "(this service does not query the FHIR server itself)")
        }
        do throws(PrefetchPatient.WrongPatient) {
            try PrefetchPatient.check(entries, patientId: hookRequest.patientId)
        } catch {
            throw Problem(
                status: 400, slug: "cds-prefetch-wrong-patient", title: "Prefetch about another patient",
                detail: "the prefetch resource at \(error.pointer) is about another patient than context.patientId: "
                    + "no guidance is computed from another patient's record; send prefetch for context.patientId only")
        }
        return try Self.evaluated(pack) { () throws(SystemicInputError) in
            try PrefetchCase.read(entries, pack: pack, referenceDate: FHIRRoutes.today())
        }
    }

    @Sendable private func feedback(_ request: HTTPRequest) throws(Problem) -> HTTPResponse {
        let service = try Self.service(request)
        let items = try CDSFeedback.parse(
            request, serviceId: service.id, client: request.clientName,
            issuedCards: issuedCards)
        do {
            _ = try store.recordCDSFeedback(items)
        } catch {
            throw Problem.from(error)
        }
        return JSONResponse.make(.object(JSONObject([("recorded", .number(Double(items.count)))])), pretty: false)
    }
}
