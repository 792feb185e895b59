import CDSHooks
import Access
import JSON
import FHIRMapping
import HTTPServer
import SarcomaGuidelines

/// The body of `POST /cds-services/{id}` (CDS Hooks 2.0.1, "HTTP Request"). Only what the
/// service uses is read; unknown members (3.0 additions, extensions) are ignored, as the
/// spec asks. `fhirAuthorization` is never read, stored or logged: the service does not
/// call the EHR's FHIR server, it works from prefetch only.
struct CDSHookRequest: Sendable {
    let hook: String
    let hookInstance: String
    /// `context.patientId`: the only patient the prefetch may be about.
    let patientId: String
    let context: JSONObject
    /// Prefetch key -> resource, Bundle or null, as sent; empty when none was sent.
    let prefetch: JSONObject

    static func parse(_ request: HTTPRequest, for service: CDSService) throws(Problem) -> CDSHookRequest {
        try CaseRequestReader.requireJSONContent(request)
        let document: JSONValue
        do {
            document = try JSONParser(maxDepth: 64).parse(request.body)
        } catch {
            throw Problem.malformedJSON("the body is not valid JSON: \(error)")
        }
        guard case .object(let body) = document else { throw invalid("the body must be a JSON object") }
        guard case .string(let hook)? = body["hook"] else { throw invalid("`hook` (a string) is required") }
        guard hook == service.hook else {
            throw invalid(
                "this service (\(service.id)) answers the `\(service.hook)` hook, not `\(JWTVerifier.printable(hook))`")
        }
        guard case .string(let hookInstance)? = body["hookInstance"], !hookInstance.isEmpty else {
            throw invalid("`hookInstance` (a string) is required")
        }
        guard case .object(let context)? = body["context"] else { throw invalid("`context` (an object) is required") }
        // Both hooks require it (CDS Hooks patient-view and order-select contexts); without
        // it nothing says whose chart the prefetch is, so no card may be computed.
        guard case .string(let patientId)? = context["patientId"], !patientId.isEmpty else {
            throw invalid("`context.patientId` (a string) is required by the `\(service.hook)` hook")
        }
        var prefetch = JSONObject()
        switch body["prefetch"] {
        case .object(let object)?: prefetch = object
        case nil, .null?: break
        default: throw invalid("`prefetch` must be an object of prefetch keys")
        }
        return CDSHookRequest(
            hook: hook, hookInstance: hookInstance, patientId: patientId, context: context, prefetch: prefetch)
    }

    static func invalid(_ detail: String) -> Problem {
        Problem(status: 400, slug: "cds-request-invalid", title: "Invalid CDS Hooks request", detail: detail)
    }

    /// Every FHIR resource sent as prefetch, with its pointer into the request.
    var prefetchEntries: [FHIRResourceEntry] { PrefetchCaseMapping.entries(in: prefetch) }

    /// `context.draftOrders` resources that are MedicationRequests, restricted to
    /// `context.selections` when it names any.
    var selectedMedicationRequests: [JSONObject] {
        let drafts = context["draftOrders"].map(FHIRResources.flatten) ?? []
        let requests = drafts.filter { $0["resourceType"]?.stringValue == "MedicationRequest" }
        let selections = Set((context["selections"]?.arrayValue ?? []).compactMap(\.stringValue))
        guard !selections.isEmpty else { return requests }
        return requests.filter { selections.contains("MedicationRequest/" + ($0["id"]?.stringValue ?? "")) }
    }
}
