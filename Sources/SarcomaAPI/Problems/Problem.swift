import JSON
import SarcomaGuidelines

/// An RFC 9457 problem: every 4xx/5xx the service gives is one of these, rendered in one
/// place (`ProblemPresenter`), so integrators can rely on `type`, `title`, `status`,
/// `detail` and, for 422, `errors[].pointer`.
public struct Problem: Error, Sendable {
    public var status: Int
    /// Short stable slug, published as `urn:sarcoma-guide:problem:<slug>`; nil = `about:blank`.
    public var slug: String?
    public var title: String
    public var detail: String
    public var errors: [FieldIssue]
    /// Extra members (e.g. `existingId` on a duplicate), kept in order.
    public var extensions: JSONObject
    /// Headers that belong to this answer (`Retry-After`, `Allow`, ...).
    public var headers: [(String, String)]

    public init(
        status: Int, slug: String?, title: String, detail: String,
        errors: [FieldIssue] = [], extensions: JSONObject = JSONObject(),
        headers: [(String, String)] = []
    ) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.errors = errors
        self.extensions = extensions
        self.headers = headers
    }

    public var type: String { slug.map { "urn:sarcoma-guide:problem:\($0)" } ?? "about:blank" }
}

extension Problem {
    public static func malformedJSON(_ detail: String) -> Problem {
        Problem(status: 400, slug: "malformed-json", title: "Malformed JSON", detail: detail)
    }

    public static func badQuery(_ detail: String) -> Problem {
        Problem(status: 400, slug: "invalid-query-parameter", title: "Invalid query parameter", detail: detail)
    }

    public static func validation(_ issues: [FieldIssue]) -> Problem {
        let count = issues.count
        let detail =
            count == 1
            ? "\(issues[0].pointer.isEmpty ? "the body" : issues[0].pointer): \(issues[0].detail)"
            : "\(count) fields are invalid; see errors"
        return Problem(
            status: 422, slug: "validation-failed", title: "The case is invalid",
            detail: detail, errors: issues)
    }

    public static func notFound(_ detail: String) -> Problem {
        Problem(status: 404, slug: "not-found", title: "Not found", detail: detail)
    }

    public static func unsupportedMediaType(_ contentType: String) -> Problem {
        Problem(
            status: 415, slug: "unsupported-media-type", title: "Unsupported media type",
            detail: "the body must be application/json, not '\(contentType)'")
    }

    public static func notAcceptable(_ accept: String, offered: [String]) -> Problem {
        Problem(
            status: 406, slug: "not-acceptable", title: "Not acceptable",
            detail: "cannot answer in '\(accept)'; available: \(offered.joined(separator: ", "))")
    }

    public static func databaseBusy() -> Problem {
        Problem(
            status: 503, slug: "database-busy", title: "Database busy",
            detail: "the case store is busy; retry shortly", headers: [("Retry-After", "1")])
    }

    public static func unavailable(_ detail: String) -> Problem {
        Problem(
            status: 503, slug: "service-unavailable", title: "Service unavailable",
            detail: detail, headers: [("Retry-After", "5")])
    }

    public static func insufficientStorage() -> Problem {
        Problem(
            status: 507, slug: "insufficient-storage", title: "Insufficient storage",
            detail: "the database disk is full; nothing was written")
    }

    public static func internalError(_ detail: String) -> Problem {
        Problem(status: 500, slug: "internal-error", title: "Internal error", detail: detail)
    }
}
