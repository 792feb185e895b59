import HTTPServer

/// Wraps a route's work so that every failure becomes a problem+json answer and unknown
/// query parameters are refused (400) instead of silently ignored.
enum Endpoint {
    typealias Work = @Sendable (HTTPRequest) throws(Problem) -> HTTPResponse

    /// For the ops endpoints (`/health`, `/ready`, `/metrics`), which take no parameters:
    /// uptime monitors and load balancers add cache-busters (`?ts=…`), and a 400 there would
    /// read as an outage. Every query parameter is ignored; API endpoints stay strict.
    static func ignoringQuery(_ work: @escaping Work) -> HTTPHandler {
        { request in
            do throws(Problem) {
                return try work(request)
            } catch {
                return ProblemPresenter.response(for: error, requestID: request.requestID)
            }
        }
    }

    /// How a route renders its problems: problem+json everywhere but the FHIR routes, which
    /// answer FHIR clients with an OperationOutcome (`OperationOutcomePresenter`).
    typealias Presenter = @Sendable (Problem, HTTPRequest) -> HTTPResponse

    static let problemJSON: Presenter = { problem, request in
        ProblemPresenter.response(for: problem, requestID: request.requestID)
    }

    static func handler(
        query allowed: Set<String> = [], presenter: @escaping Presenter = problemJSON,
        _ work: @escaping Work
    ) -> HTTPHandler {
        { request in
            do throws(Problem) {
                for item in request.query where !allowed.contains(item.name) {
                    let known =
                        allowed.isEmpty
                        ? "this endpoint takes none" : "known: \(allowed.sorted().joined(separator: ", "))"
                    throw Problem.badQuery("unknown query parameter '\(item.name)' (\(known))")
                }
                var seen = Set<String>()
                for item in request.query where !seen.insert(item.name).inserted {
                    throw Problem.badQuery("query parameter '\(item.name)' is given more than once")
                }
                return try work(request)
            } catch {
                return presenter(error, request)
            }
        }
    }
}
