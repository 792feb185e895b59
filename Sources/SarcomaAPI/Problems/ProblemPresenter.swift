import JSON
import HTTPServer
import SarcomaGuidelines

/// The one place that turns a `Problem` into an `application/problem+json` answer.
public enum ProblemPresenter {
    public static let contentType = "application/problem+json"

    public static func response(for problem: Problem, requestID: String? = nil) -> HTTPResponse {
        var body = JSONObject()
        body["type"] = .string(problem.type)
        body["title"] = .string(problem.title)
        body["status"] = .number(Double(problem.status))
        body["detail"] = .string(problem.detail)
        if let requestID {
            body["instance"] = .string("urn:request:\(requestID)")
        }
        if problem.status == 422 || !problem.errors.isEmpty {
            body["errors"] = .array(
                problem.errors.map { issue in
                    .object(JSONObject([("pointer", .string(issue.pointer)), ("detail", .string(issue.detail))]))
                })
        }
        for member in problem.extensions.members {
            let key = member.key
            let value = member.value
            body[key] = value
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", contentType)
        for (name, value) in problem.headers {
            headers.set(name, value)
        }
        return HTTPResponse(status: problem.status, headers: headers, body: JSONBody.bytes(.object(body), pretty: true))
    }

    /// Answers for errors the HTTP layer finds itself (400, 404, 405, 413, 431, 503...).
    public static func serverError(status: Int, detail: String) -> HTTPResponse {
        response(for: Problem(status: status, slug: nil, title: HTTPStatusTitle.title(for: status), detail: detail))
    }
}
