import JSON
import SarcomaGuidelines

/// RFC 9457 problem details for the peers' 400 and 422 answers (the benchmark measures
/// only valid cases; these keep the peers honest when a case is refused).
enum ProblemReply {
    static func make(_ status: Int, title: String, detail: String, errors: [FieldIssue]? = nil) -> Reply {
        var body = JSONObject()
        body["type"] = .string("about:blank")
        body["title"] = .string(title)
        body["status"] = .number(Double(status))
        body["detail"] = .string(detail)
        if let errors {
            body["errors"] = .array(errors.map(\.json))
        }
        return Reply(status: status, contentType: Reply.problemType, body: JSONWriter.compact.bytes(.object(body)))
    }

    static func validation(_ issues: [FieldIssue]) -> Reply {
        make(422, title: "Unprocessable case", detail: "the case has \(issues.count) problem(s)", errors: issues)
    }
}
