import Foundation
import HTTPServer
import JSON
import SarcomaGuidelines

/// A `Problem` as a FHIR R4 OperationOutcome (`application/fhir+json`), for FHIR clients of
/// the FHIR routes: the same status and headers, one issue per `errors` entry with its
/// message in `diagnostics` and its JSON pointer in `location` (as sent) and `expression`
/// (as FHIRPath from the Bundle: `/entry/0/resource/code` -> `Bundle.entry[0].resource.code`),
/// or one issue carrying the problem's detail. The problem type is `details.coding`
/// (`urn:sarcoma-guide:problem` / slug), its title `details.text`.
enum OperationOutcomePresenter {
    static let problemSystem = "urn:sarcoma-guide:problem"

    /// An OperationOutcome when the client asked for FHIR (`FHIRFormat.asksForFHIR`), else
    /// the problem+json every other answer uses.
    static func response(for problem: Problem, request: HTTPRequest) -> HTTPResponse {
        guard FHIRFormat.asksForFHIR(request) else {
            return ProblemPresenter.response(for: problem, requestID: request.requestID)
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", FHIRMediaType.json)
        for (name, value) in problem.headers { headers.set(name, value) }
        return HTTPResponse(
            status: problem.status, headers: headers, body: JSONBody.bytes(outcome(problem), pretty: true))
    }

    static func outcome(_ problem: Problem) -> JSONValue {
        var details: JSONObject = ["text": .string(problem.title)]
        if let slug = problem.slug {
            details["coding"] = [["system": .string(problemSystem), "code": .string(slug)]]
        }
        let code = issueCode(problem.status)
        let severity: JSONValue = problem.status >= 500 ? "fatal" : "error"
        var issues: [JSONValue] = []
        for error in problem.errors {
            var issue: JSONObject = [
                "severity": severity, "code": .string(code), "details": .object(details),
                "diagnostics": .string(error.detail),
            ]
            if !error.pointer.isEmpty {
                issue["location"] = [.string(error.pointer)]
                issue["expression"] = [.string(fhirPath(error.pointer))]
            }
            issues.append(.object(issue))
        }
        if issues.isEmpty {
            issues.append([
                "severity": severity, "code": .string(code), "details": .object(details),
                "diagnostics": .string(problem.detail),
            ])
        }
        return ["resourceType": "OperationOutcome", "issue": .array(issues)]
    }

    /// FHIR IssueType for an HTTP status.
    static func issueCode(_ status: Int) -> String {
        switch status {
        case 401: "login"
        case 403: "forbidden"
        case 404, 410: "not-found"
        case 405, 406, 415: "not-supported"
        case 409, 412: "conflict"
        case 413, 414, 431: "too-long"
        case 422: "processing"
        case 429: "throttled"
        case 503: "transient"
        case 500...: "exception"
        default: "invalid"
        }
    }

    /// RFC 6901 pointer into the posted Bundle -> FHIRPath from `Bundle`.
    static func fhirPath(_ pointer: String) -> String {
        var path = "Bundle"
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(token), index >= 0, token.allSatisfy(\.isNumber) {
                path += "[\(index)]"
            } else if let first = token.first, first.isLetter || first == "_",
                token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            {
                path += ".\(token)"
            } else {
                path += ".`\(token.replacingOccurrences(of: "`", with: "\\`"))`"
            }
        }
        return path
    }
}
